package io.github.ordersync.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ordersync.localstack.ProjectLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docker-compose.yml as written: what it opens to the network. .ci/compose-smoke checks the running system. */
class ComposeFileTest {

    private final List<String> lines = read();

    @Test
    void everyPortIsPublishedOnTheHostsLoopbackOnly() {
        List<String> published = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals("ports:")) {
                for (int j = i + 1; j < lines.size() && lines.get(j).strip().startsWith("- "); j++) {
                    published.add(lines.get(j).strip().substring(2).replace("\"", ""));
                }
            }
        }

        assertThat(published)
                .as("Kafka, MariaDB, Connect and both services")
                .hasSize(5)
                .allMatch(port -> port.startsWith("127.0.0.1:"));
        assertThat(published).anyMatch(port -> port.endsWith(":8083")); // Connect's REST API
    }

    @Test
    void mariaDbHasNoRootThatLogsInOverTheNetwork() {
        assertThat(lines).anyMatch(line -> line.strip().equals("MARIADB_ROOT_HOST: localhost"));
    }

    @Test
    void kafkaCreatesNoTopicBecauseAClientNamedIt() {
        assertThat(lines).anyMatch(line -> line.strip().equals("KAFKA_AUTO_CREATE_TOPICS_ENABLE: \"false\""));
    }

    private static List<String> read() {
        try {
            return Files.readAllLines(ProjectLayout.root().resolve("docker-compose.yml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

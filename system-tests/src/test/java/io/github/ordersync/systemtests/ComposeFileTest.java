package io.github.ordersync.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ordersync.localstack.ProjectLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml and its registry mode as written: what they open to the network. .ci/compose-smoke checks the
 * running system.
 */
class ComposeFileTest {

    private final List<String> lines = read("docker-compose.yml");

    @Test
    void everyPortIsPublishedOnTheHostsLoopbackOnly() {
        List<String> published = published(lines);

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

    @Test
    void registryModeSwitchesBothServicesAndTheConnectorsToAvroAndPublishesTheRegistryOnLoopbackOnly() {
        List<String> registryMode = read("docker-compose.registry.yml");

        assertThat(published(registryMode)).containsExactly("127.0.0.1:${REGISTRY_PORT:-8085}:8080");
        assertThat(registryMode.stream().map(String::strip))
                .containsSubsequence("catalog-service:", "RECORD_FORMAT: avro")
                .containsSubsequence("order-service:", "RECORD_FORMAT: avro")
                .containsSubsequence("connect-supervisor:", "RECORD_FORMAT: avro")
                .containsSubsequence("connect:", "SCHEMA_REGISTRY_URL: http://registry:8080/apis/registry/v2")
                .contains("APICURIO_STORAGE_KIND: kafkasql", "APICURIO_RULES_GLOBAL_COMPATIBILITY: BACKWARD");
    }

    private static List<String> published(List<String> lines) {
        List<String> published = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals("ports:")) {
                for (int j = i + 1; j < lines.size() && lines.get(j).strip().startsWith("- "); j++) {
                    published.add(lines.get(j).strip().substring(2).replace("\"", ""));
                }
            }
        }
        return published;
    }

    private static List<String> read(String file) {
        try {
            return Files.readAllLines(ProjectLayout.root().resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.github.ordersync.launchers;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ordersync.localstack.LocalStack;
import io.github.ordersync.localstack.ProjectLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * {@code ./kafka}: Kafka's own tools against a running local stack, its bootstrap server filled in from KAFKA_PORT;
 * and every command of the course page (docs/course-kafka.md), with the output it shows.
 */
class KafkaToolsIT {

    @AutoClose
    private static final LocalStack stack = LocalStack.startFresh(Path.of("target/kafka-tools-it"));

    /** One command of a page: a {@code bash} block, and the {@code text} block after it, if any. */
    record Step(String command, List<String> shows) {}

    @Test
    void topicsListsTheStacksTopics() throws Exception {
        assertThat(run("./kafka topics --list").lines())
                .contains(
                        LocalStack.ORDERS_TOPIC,
                        LocalStack.ORDER_OUTCOMES_TOPIC,
                        LocalStack.ORDERS_DEAD_LETTER_TOPIC,
                        LocalStack.ORDERS_SINK_DEAD_LETTER_TOPIC);
    }

    @Test
    void everyCommandOfTheCoursePageRunsAndShowsWhatThePageSays() throws Exception {
        List<Step> steps = steps(ProjectLayout.root().resolve("docs/course-kafka.md"));
        assertThat(steps).hasSizeGreaterThan(8);
        assertThat(steps(ProjectLayout.root().resolve("docs/ko/course-kafka.md")))
                .as("the Korean page runs the same commands and shows the same output")
                .isEqualTo(steps);

        for (Step step : steps) {
            List<String> output =
                    run(step.command()).lines().map(KafkaToolsIT::spaced).toList();
            assertThat(output)
                    .as("output of %s", step.command())
                    .containsAll(step.shows().stream().map(KafkaToolsIT::spaced).toList());
        }
    }

    /** The page's commands in order, each with the lines it shows. */
    private static List<Step> steps(Path page) throws IOException {
        List<String> lines = Files.readAllLines(page);
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).equals("```bash")) {
                continue;
            }
            String command = lines.get(++i);
            i++; // the closing fence
            List<String> shows = new ArrayList<>();
            if (i + 1 < lines.size() && lines.get(i + 1).equals("```text")) {
                for (i += 2; !lines.get(i).equals("```"); i++) {
                    shows.add(lines.get(i));
                }
            }
            steps.add(new Step(command, shows));
        }
        return steps;
    }

    /** Whitespace-insensitive: the tools align their tables with spaces. */
    private static String spaced(String line) {
        return line.strip().replaceAll("\\s+", " ");
    }

    /** Runs a command line as a user does, in the checkout, with the stack's port in KAFKA_PORT. */
    private static String run(String commandLine) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", commandLine)
                .directory(ProjectLayout.root().toFile())
                .redirectErrorStream(true);
        builder.environment()
                .put("KAFKA_PORT", Integer.toString(stack.settings().kafkaPort()));
        Process command = builder.start();
        command.getOutputStream().close();
        String output = new String(command.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(command.waitFor(60, TimeUnit.SECONDS))
                .as("%s ended", commandLine)
                .isTrue();
        assertThat(command.exitValue()).as("%s: %s", commandLine, output).isZero();
        return output;
    }
}

package io.github.ordersync.launchers;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ordersync.localstack.LocalStack;
import io.github.ordersync.localstack.ProjectLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** {@code ./kafka}: Kafka's own tools against a running local stack, its bootstrap server filled in from KAFKA_PORT. */
class KafkaToolsIT {

    @AutoClose
    private static final LocalStack stack = LocalStack.startFresh(Path.of("target/kafka-tools-it"));

    @Test
    void topicsListsTheStacksTopics() throws Exception {
        assertThat(kafka("topics", "--list").lines())
                .contains(
                        LocalStack.ORDERS_TOPIC,
                        LocalStack.ORDER_OUTCOMES_TOPIC,
                        LocalStack.ORDERS_DEAD_LETTER_TOPIC,
                        LocalStack.ORDERS_SINK_DEAD_LETTER_TOPIC);
    }

    @Test
    void whatTheConsoleProducerSendsTheConsoleConsumerReadsFromTheBeginning() throws Exception {
        kafka("topics", "--create", "--topic", "kafka-tools-it", "--partitions", "1");

        kafkaWithInput(
                "key-1:hello from the console\n",
                "console-producer",
                "--topic",
                "kafka-tools-it",
                "--property",
                "parse.key=true",
                "--property",
                "key.separator=:");

        String consumed = kafka(
                "console-consumer",
                "--topic",
                "kafka-tools-it",
                "--from-beginning",
                "--max-messages",
                "1",
                "--timeout-ms",
                "30000",
                "--property",
                "print.key=true",
                "--group",
                "kafka-tools-it");
        assertThat(consumed).contains("key-1\thello from the console");
        assertThat(kafka("consumer-groups", "--describe", "--group", "kafka-tools-it"))
                .contains("kafka-tools-it");
    }

    private static String kafka(String... arguments) throws IOException, InterruptedException {
        return kafkaWithInput("", arguments);
    }

    /** Runs {@code ./kafka} as a user does, with the stack's port in KAFKA_PORT; fails on a non-zero exit. */
    private static String kafkaWithInput(String input, String... arguments) throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(List.of(ProjectLayout.root().resolve("kafka").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment()
                .put("KAFKA_PORT", Integer.toString(stack.settings().kafkaPort()));
        Process tool = builder.start();
        tool.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        tool.getOutputStream().close();
        String output = new String(tool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(tool.waitFor(60, TimeUnit.SECONDS))
                .as("./kafka %s ended", command)
                .isTrue();
        assertThat(tool.exitValue())
                .as("./kafka %s: %s", String.join(" ", arguments), output)
                .isZero();
        return output;
    }
}

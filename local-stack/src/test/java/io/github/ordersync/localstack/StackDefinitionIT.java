package io.github.ordersync.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The local stack's end state is what stack/ and connect-config/ define: topics, users and grants, connectors. */
class StackDefinitionIT {

    @AutoClose
    private static final LocalStack stack = LocalStack.startFresh(Path.of("target/stack-definition-it"));

    @Test
    void brokerHasTheDefinitionsTopicsWithTheirPartitions() throws Exception {
        Map<String, Integer> defined =
                StackDefinition.topics().stream().collect(Collectors.toMap(NewTopic::name, NewTopic::numPartitions));

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
            Map<String, TopicDescription> described =
                    admin.describeTopics(defined.keySet()).allTopicNames().get();

            assertThat(described.values().stream()
                            .collect(Collectors.toMap(
                                    TopicDescription::name,
                                    topic -> topic.partitions().size())))
                    .isEqualTo(defined);
        }
        assertThat(defined)
                .containsKeys(
                        LocalStack.ORDERS_TOPIC,
                        LocalStack.ORDER_OUTCOMES_TOPIC,
                        LocalStack.ORDERS_DEAD_LETTER_TOPIC,
                        LocalStack.ORDERS_SINK_DEAD_LETTER_TOPIC);
    }

    @Test
    void eachUserHasExactlyTheDefinitionsGrants() throws SQLException {
        Map<String, DatabaseAccount> accounts = stack.accounts().stream()
                .collect(Collectors.toMap(account -> account.user() + "@%", Function.identity()));

        Map<String, Set<String>> defined = StackDefinition.grants();

        assertThat(accounts.keySet()).as("users of stack/users.sql").isEqualTo(defined.keySet());
        for (Map.Entry<String, Set<String>> user : defined.entrySet()) {
            assertThat(StackDefinition.shownGrants(stack.jdbcUrl(""), accounts.get(user.getKey())))
                    .as("SHOW GRANTS of %s", user.getKey())
                    .isEqualTo(user.getValue());
        }
    }

    @Test
    void registeredConnectorsHaveTheirConfigFilesAndReadTheDefinitionsTopics() throws Exception {
        Map<String, String> registered = registered("orders-sink");
        assertThat(registered)
                .containsEntry("topics", LocalStack.ORDERS_TOPIC + "," + LocalStack.ORDER_OUTCOMES_TOPIC)
                .containsEntry("predicates.isPlacedOrder.pattern", LocalStack.ORDERS_TOPIC)
                .containsEntry("errors.deadletterqueue.topic.name", LocalStack.ORDERS_SINK_DEAD_LETTER_TOPIC);
        assertThat(registered("catalog-source"))
                .containsEntry("transforms.toTopic.replacement", StackDefinition.topicName("catalog-products"))
                .containsEntry(
                        "schema.history.internal.kafka.topic",
                        StackDefinition.topicName("catalog-source-schema-history"));
    }

    /** The connector's config as Connect has it, after checking that it is its file's, as written. */
    private static Map<String, String> registered(String connector) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Map<String, String> file = json.readValue(
                MariaDb.read(stack.settings().connectConfigDir().resolve(connector + ".json")), Map.class);
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(stack.connectUrl() + "/connectors/" + connector + "/config"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        Map<String, String> registered = json.readValue(response.body(), Map.class);
        assertThat(registered).containsEntry("name", connector);
        registered.remove("name");
        assertThat(registered).isEqualTo(file);
        return registered;
    }
}

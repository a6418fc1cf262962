package io.github.ordersync.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The stack on its own: broker, MariaDB and the JDBC sink, fed with the envelope the services write. */
class LocalStackIT {

    private static LocalStack stack;
    private static KafkaProducer<String, byte[]> producer;
    private static final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void startStack() throws IOException {
        Path dataDir = Path.of("target/local-stack-it").toAbsolutePath();
        LocalStack.deleteData(dataDir);
        stack = LocalStack.start(StackSettings.withFreePorts(dataDir), Map.of());
        producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        stack.bootstrapServers(),
                        ProducerConfig.ACKS_CONFIG,
                        "all"),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    @AfterAll
    static void stopStack() {
        if (producer != null) {
            producer.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void sinkWritesEachOrderEventAsOneRowWithItsColumns() throws Exception {
        String orderId = UUID.randomUUID().toString();
        send(order(orderId, "user-1", 3, 1500));

        await().atMost(Duration.ofSeconds(30)).until(() -> rowCount(orderId) == 1);
        try (Connection db = ordersDb();
                Statement sql = db.createStatement();
                ResultSet row = sql.executeQuery("SELECT * FROM orders WHERE order_id = '" + orderId + "'")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString("user_id")).isEqualTo("user-1");
            assertThat(row.getInt("qty")).isEqualTo(3);
            assertThat(row.getLong("unit_price")).isEqualTo(1500L);
            assertThat(row.getLong("total_price")).isEqualTo(4500L);
            assertThat(row.getString("status")).isEqualTo("PENDING");
            assertThat(row.getTimestamp("created_at")).isNotNull();
        }
    }

    @Test
    void sinkWritesTheGoldenRowFromTheGoldenPlacedOrderAndItsDecision() throws Exception {
        Map<String, Object> expected = json.readValue(golden("order-row.json"), Map.class);
        String orderId = (String) expected.get("order_id");

        send(LocalStack.ORDERS_TOPIC, golden("order-placed.json"));
        send(LocalStack.ORDER_OUTCOMES_TOPIC, golden("order-decided.json"));

        await().atMost(Duration.ofSeconds(30)).until(() -> "CONFIRMED".equals(column(orderId, "status")));
        try (Connection db = ordersDb();
                Statement sql = db.createStatement();
                ResultSet row = sql.executeQuery("SELECT "
                        + expected.keySet().stream()
                                .map(column -> "CAST(" + column + " AS CHAR) AS " + column)
                                .collect(java.util.stream.Collectors.joining(", "))
                        + " FROM orders WHERE order_id = '" + orderId + "'")) {
            assertThat(row.next()).isTrue();
            // compared as MariaDB writes them as text: UTC wall-clock times, numbers as digits
            Map<String, String> actual = new HashMap<>();
            Map<String, String> golden = new HashMap<>();
            for (Map.Entry<String, Object> column : expected.entrySet()) {
                actual.put(column.getKey(), String.valueOf(row.getString(column.getKey())));
                golden.put(column.getKey(), String.valueOf(column.getValue()));
            }
            assertThat(actual).isEqualTo(golden);
        }
    }

    private static Object column(String orderId, String column) throws SQLException {
        try (Connection db = ordersDb();
                Statement sql = db.createStatement();
                ResultSet row =
                        sql.executeQuery("SELECT " + column + " FROM orders WHERE order_id = '" + orderId + "'")) {
            return row.next() ? row.getObject(1) : null;
        }
    }

    @Test
    void resendingAnEventKeepsOneRow() throws Exception {
        String orderId = UUID.randomUUID().toString();
        byte[] order = order(orderId, "user-2", 1, 1000);
        send(order);
        await().atMost(Duration.ofSeconds(30)).until(() -> rowCount(orderId) == 1);

        send(order);
        String marker = UUID.randomUUID().toString();
        send(order(marker, "user-2", 1, 1000));
        await().atMost(Duration.ofSeconds(30)).until(() -> rowCount(marker) == 1);

        assertThat(rowCount(orderId)).isEqualTo(1);
    }

    @Test
    void plainTextGoesToTheDeadLetterTopicAndTheSinkKeepsRunning() throws Exception {
        String poison = "not json at all " + UUID.randomUUID();
        producer.send(new ProducerRecord<>(LocalStack.ORDERS_TOPIC, "poison", poison.getBytes(StandardCharsets.UTF_8)))
                .get();

        List<ConsumerRecord<byte[], byte[]>> deadLetters = readAll(LocalStack.ORDERS_SINK_DEAD_LETTER_TOPIC, poison);
        assertThat(deadLetters).hasSize(1);
        assertThat(deadLetters.get(0).headers().lastHeader("__connect.errors.exception.class.name"))
                .isNotNull();

        String orderId = UUID.randomUUID().toString();
        send(order(orderId, "user-3", 2, 2000));
        await().atMost(Duration.ofSeconds(30)).until(() -> rowCount(orderId) == 1);
        var status = new ConnectorRegistrar(stack.connectUrl()).status("orders-sink");
        assertThat(status.path("connector").path("state").asText()).isEqualTo("RUNNING");
        assertThat(status.path("tasks").get(0).path("state").asText()).isEqualTo("RUNNING");
    }

    @Test
    void eachComponentsDatabaseUserCanDoOnlyWhatThatComponentNeeds() throws Exception {
        DatabaseAccount sink = stack.sinkAccount();
        DatabaseAccount orderService = stack.orderServiceAccount();
        DatabaseAccount catalog = stack.catalogServiceAccount();

        assertThat(grants(sink))
                .anyMatch(grant -> grant.startsWith("GRANT SELECT, INSERT, UPDATE ON `mydb`.`orders`"))
                .noneMatch(grant -> grant.contains("ALL PRIVILEGES") || grant.contains("DELETE"));
        assertThat(grants(orderService))
                .anyMatch(grant -> grant.startsWith("GRANT SELECT ON `mydb`.*"))
                .noneMatch(grant -> grant.contains("INSERT") || grant.contains("catalog"));
        assertThat(grants(catalog))
                .anyMatch(grant -> grant.startsWith("GRANT ALL PRIVILEGES ON `catalog`.*"))
                .noneMatch(grant -> grant.contains("mydb") || grant.contains("ON *.*") && !grant.contains("USAGE"));

        assertDenied(orderService, MariaDb.ORDERS_DATABASE, "DELETE FROM orders");
        assertDenied(orderService, MariaDb.ORDERS_DATABASE, "SELECT * FROM catalog.products");
        assertDenied(sink, MariaDb.ORDERS_DATABASE, "DELETE FROM orders");
        assertDenied(sink, MariaDb.ORDERS_DATABASE, "DROP TABLE orders");
        assertDenied(catalog, MariaDb.CATALOG_DATABASE, "SELECT * FROM mydb.orders");
    }

    @Test
    void rootCannotLogInOverTheNetwork() {
        for (String password : new String[] {"", "root"}) {
            assertThatThrownBy(
                            () -> DriverManager.getConnection(stack.jdbcUrl(MariaDb.ORDERS_DATABASE), "root", password)
                                    .close())
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("Access denied");
        }
    }

    @Test
    void everyComponentListensOn127001Only() throws Exception {
        InetAddress thisMachine = NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .findFirst()
                .orElse(null);
        assumeTrue(thisMachine != null, "this machine has no address besides the loopback one");
        StackSettings settings = stack.settings();
        for (int port : new int[] {
            settings.connectPort(), settings.kafkaPort(), settings.kafkaControllerPort(), settings.mariadbPort()
        }) {
            try (Socket loopback = new Socket(InetAddress.getLoopbackAddress(), port)) {
                assertThat(loopback.isConnected()).isTrue();
            }
            assertThatThrownBy(() -> {
                        try (Socket socket = new Socket()) {
                            socket.connect(new InetSocketAddress(thisMachine, port), 2000);
                        }
                    })
                    .as("port %d on %s", port, thisMachine)
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void connectorConfigsCannotReadTheWorkersOtherEnvironmentVariables() throws Exception {
        // Connect resolves ${env:...} before validating, and answers each setting's value.
        String config = """
                {"connector.class": "io.debezium.connector.jdbc.JdbcSinkConnector", "topics": "orders",
                 "connection.username": "${env:ORDERS_SINK_DB_USER}", "collection.name.format": "${env:HOME}"}""";
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        stack.connectUrl() + "/connector-plugins/JdbcSinkConnector/config/validate"))
                                .header("Content-Type", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofString(config))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);

        Map<String, String> values = new HashMap<>();
        new ObjectMapper()
                .readTree(response.body())
                .path("configs")
                .forEach(setting -> values.put(
                        setting.path("value").path("name").asText(),
                        setting.path("value").path("value").asText()));
        assertThat(values)
                .containsEntry("connection.username", stack.sinkAccount().user())
                .containsEntry("collection.name.format", "${env:HOME}");
    }

    private static List<String> grants(DatabaseAccount account) throws SQLException {
        List<String> grants = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(stack.jdbcUrl(""), account.user(), account.password());
                Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery("SHOW GRANTS")) {
            while (rows.next()) {
                grants.add(rows.getString(1));
            }
        }
        return grants;
    }

    private static void assertDenied(DatabaseAccount account, String database, String statement) {
        assertThatThrownBy(() -> {
                    try (Connection db = DriverManager.getConnection(
                                    stack.jdbcUrl(database), account.user(), account.password());
                            Statement sql = db.createStatement()) {
                        sql.execute(statement);
                    }
                })
                .as("%s: %s", account.user(), statement)
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("denied");
    }

    /** The golden placed order of contracts/, with the fields a test sets. */
    private static byte[] order(String orderId, String userId, int qty, long unitPrice) throws IOException {
        ObjectNode envelope = (ObjectNode) json.readTree(golden("order-placed.json"));
        ((ObjectNode) envelope.get("payload"))
                .put("order_id", orderId)
                .put("user_id", userId)
                .put("qty", qty)
                .put("unit_price", unitPrice)
                .put("total_price", qty * unitPrice);
        return json.writeValueAsBytes(envelope);
    }

    private static byte[] golden(String file) throws IOException {
        return Files.readAllBytes(ProjectLayout.root().resolve("contracts").resolve(file));
    }

    private static void send(byte[] order) throws Exception {
        send(LocalStack.ORDERS_TOPIC, order);
    }

    private static void send(String topic, byte[] record) throws Exception {
        String orderId = json.readTree(record).path("payload").path("order_id").asText();
        producer.send(new ProducerRecord<>(topic, orderId, record)).get();
    }

    private static List<ConsumerRecord<byte[], byte[]>> readAll(String topic, String containing) {
        List<ConsumerRecord<byte[], byte[]>> matching = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        stack.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "test-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (new String(record.value(), StandardCharsets.UTF_8).contains(containing)) {
                        matching.add(record);
                    }
                });
                return !matching.isEmpty();
            });
        }
        return matching;
    }

    private static int rowCount(String orderId) throws SQLException {
        try (Connection db = ordersDb();
                Statement sql = db.createStatement();
                ResultSet count = sql.executeQuery("SELECT COUNT(*) FROM orders WHERE order_id = '" + orderId + "'")) {
            count.next();
            return count.getInt(1);
        }
    }

    private static Connection ordersDb() throws SQLException {
        DatabaseAccount reader = stack.orderServiceAccount();
        return DriverManager.getConnection(stack.jdbcUrl(MariaDb.ORDERS_DATABASE), reader.user(), reader.password());
    }
}

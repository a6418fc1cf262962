package io.github.ordersync.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

/** stack/ is the one definition: the launchers and the services' defaults refer to it, none keeps a copy. */
class StackDefinitionTest {

    private static final Path ROOT = ProjectLayout.root();
    private static final Map<String, String> PASSWORDS = Map.of(
            "ORDERS_SINK_DB_PASSWORD", "sink",
            "ORDER_SERVICE_DB_PASSWORD", "it's \\ tricky",
            "CATALOG_SERVICE_DB_PASSWORD", "catalog",
            "CATALOG_SOURCE_DB_PASSWORD", "source",
            "COURSE_DEMO_DB_PASSWORD", "course");

    @Test
    void userStatementsCarryEachPasswordAsAQuotedString() {
        assertThat(StackDefinition.userStatements(PASSWORDS))
                .contains(
                        "CREATE USER IF NOT EXISTS 'order_service'@'%' IDENTIFIED BY 'it\\'s \\\\ tricky'",
                        "GRANT SELECT ON mydb.* TO 'order_service'@'%'")
                .noneMatch(statement -> statement.contains("${") || statement.endsWith(";"));
    }

    @Test
    void userStatementsNeedEveryPasswordTheDefinitionNames() {
        assertThatThrownBy(() -> StackDefinition.userStatements(Map.of()))
                .hasMessageContaining("ORDERS_SINK_DB_PASSWORD");
    }

    @Test
    void grantsAreComparedWithoutQuotingOrPassword() {
        assertThat(StackDefinition.normalizedGrant(
                        "GRANT SELECT, INSERT, UPDATE ON `mydb`.`orders` TO `orders_sink`@`%`"))
                .isEqualTo(StackDefinition.normalizedGrant(
                        "GRANT SELECT, INSERT, UPDATE ON mydb.orders TO 'orders_sink'@'%';"));
        assertThat(StackDefinition.grants())
                .containsOnlyKeys(
                        "orders_sink@%", "order_service@%", "catalog_service@%", "catalog_source@%", "course_demo@%");
    }

    @Test
    void composeMariaDbAppliesTheDefinitionFilesThemselves() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("docker/mariadb/Dockerfile"));
        String init = Files.readString(ROOT.resolve("docker/mariadb/order-stock-sync.sh"));
        String compose = Files.readString(ROOT.resolve("docker-compose.yml"));

        assertThat(compose).contains("dockerfile: docker/mariadb/Dockerfile");
        assertThat(dockerfile)
                .contains("COPY stack/users.sql /opt/order-stock-sync/stack/users.sql")
                .contains("COPY connect-config/mydb-schema.sql /opt/order-stock-sync/mydb-schema.sql");
        assertThat(init)
                .contains("/opt/order-stock-sync/stack/users.sql")
                .contains("/opt/order-stock-sync/mydb-schema.sql");
        assertThat(Files.readAllLines(ROOT.resolve(".dockerignore"))).contains("!stack/", "!connect-config/");
        for (Path file : dockerFiles()) {
            assertThat(Files.readString(file))
                    .as("%s creates no user and grants nothing itself", ROOT.relativize(file))
                    .doesNotContainIgnoringCase("CREATE USER")
                    .doesNotContainIgnoringCase("GRANT ");
        }
    }

    @Test
    void noFileOfTheProjectIsACopyOfTheDefinition() throws IOException {
        List<String> definitions = List.of(
                Files.readString(StackDefinition.dir().resolve("users.sql")),
                Files.readString(StackDefinition.dir().resolve("topics.properties")));
        try (Stream<Path> files = Files.walk(ROOT)) {
            List<Path> copies = files.filter(Files::isRegularFile)
                    .filter(file -> !file.startsWith(StackDefinition.dir()))
                    .filter(file -> !ROOT.relativize(file).toString().contains("target/"))
                    .filter(file -> !ROOT.relativize(file).startsWith(".git"))
                    .filter(file -> isCopyOfOneOf(file, definitions))
                    .toList();
            assertThat(copies).isEmpty();
        }
    }

    @Test
    void servicesDefaultTopicsAndPartitionsAreTheDefinitions() throws IOException {
        Map<String, Integer> defined =
                StackDefinition.topics().stream().collect(Collectors.toMap(NewTopic::name, NewTopic::numPartitions));
        Pattern topicDefault = Pattern.compile("\\$\\{[A-Z_]*TOPIC:([^}]+)}");
        // a topic the service declares: its partitions on the next line
        Pattern declared = Pattern.compile("\\$\\{[A-Z_]*TOPIC:([^}]+)}\\s*\\n\\s*partitions: (\\d+)");

        for (String service : List.of("order-service", "catalog-service")) {
            String yaml = Files.readString(ROOT.resolve(service + "/src/main/resources/application.yml"));
            Matcher topic = topicDefault.matcher(yaml);
            int topics = 0;
            while (topic.find()) {
                topics++;
                assertThat(defined).as("%s's default topics", service).containsKey(topic.group(1));
            }
            assertThat(topics).as("%s's default topics", service).isPositive();
            Matcher declaration = declared.matcher(yaml);
            assertThat(declaration.find())
                    .as("%s declares its topics' partitions", service)
                    .isTrue();
            do {
                assertThat(defined)
                        .as("%s's declared topic %s", service, declaration.group(1))
                        .containsEntry(declaration.group(1), Integer.parseInt(declaration.group(2)));
            } while (declaration.find());
        }
    }

    @Test
    void topicSettingsComeWithTheirTopic() {
        assertThat(StackDefinition.topics())
                .filteredOn(topic -> topic.name().startsWith("sales-"))
                .hasSize(2)
                .allSatisfy(topic -> assertThat(topic.configs()).containsEntry("cleanup.policy", "compact"));
    }

    private static List<Path> dockerFiles() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT.resolve("docker"))) {
            return Stream.concat(files.filter(Files::isRegularFile), Stream.of(ROOT.resolve("docker-compose.yml")))
                    .toList();
        }
    }

    private static boolean isCopyOfOneOf(Path file, List<String> definitions) {
        try {
            return Files.size(file) < 100_000 && definitions.contains(Files.readString(file));
        } catch (IOException binary) {
            return false;
        }
    }
}

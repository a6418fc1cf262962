package io.github.ordersync.testinfra;

import io.github.ordersync.localstack.DatabaseAccount;
import io.github.ordersync.localstack.ProjectLayout;
import io.github.ordersync.localstack.StackDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mariadb.MariaDBContainer;
import org.testcontainers.utility.MountableFile;

/** The containers of the integration tests: the official images that docker-compose.yml runs too. */
public final class Containers {

    public static final String KAFKA_IMAGE = "apache/kafka:4.3.1";
    public static final String MARIADB_IMAGE = "mariadb:11.4";
    /** The registry mode's, as docker-compose.registry.yml runs it. */
    public static final String REGISTRY_IMAGE = "apicurio/apicurio-registry:3.3.3";
    /** As in testcontainers.properties: the auto mode checks that it is present before choosing containers. */
    public static final String RYUK_IMAGE = "testcontainers/ryuk:0.14.0";

    private Containers() {}

    /** Apicurio Registry with the registry mode's BACKWARD rule, its schemas in memory. */
    @SuppressWarnings("resource") // stopped by Testcontainers' reaper with the test JVM
    public static GenericContainer<?> registry() {
        return new GenericContainer<>(REGISTRY_IMAGE)
                .withEnv("APICURIO_RULES_GLOBAL_COMPATIBILITY", "BACKWARD")
                .withExposedPorts(8080)
                .waitingFor(Wait.forHttp("/apis/registry/v3/system/info").forStatusCode(200));
    }

    /** A single KRaft broker. */
    public static KafkaContainer kafka() {
        return new KafkaContainer(KAFKA_IMAGE);
    }

    /**
     * The shared orders database, with the table of connect-config/mydb-schema.sql (what the sink writes) and the
     * users of stack/users.sql, as the other launchers create them; the tests connect as {@code account}, one of
     * them. Passwords come from the environment, with the same local-demo defaults as the local stack's.
     */
    public static MariaDBContainer ordersDatabase(DatabaseAccount account) {
        return database("mydb", account.user(), account.password())
                .withCopyFileToContainer(
                        MountableFile.forHostPath(ProjectLayout.root().resolve("connect-config/mydb-schema.sql")),
                        "/docker-entrypoint-initdb.d/1-mydb-schema.sql")
                .withCopyToContainer(
                        Transferable.of(stackUsersSql(account, System.getenv())),
                        "/docker-entrypoint-initdb.d/2-stack-users.sql");
    }

    /**
     * stack/users.sql, after taking back what the image's entrypoint granted the container's own user (all of the
     * database), so that user has only the privileges of the definition.
     */
    static String stackUsersSql(DatabaseAccount account, Map<String, String> environment) {
        List<String> statements = new ArrayList<>();
        statements.add("REVOKE ALL PRIVILEGES, GRANT OPTION FROM '" + account.user() + "'@'%'");
        statements.addAll(StackDefinition.userStatements(StackDefinition.passwords(environment)));
        return String.join(";\n", statements) + ";\n";
    }

    /** catalog-service's own database, empty (its Flyway migrations make the tables), owned by its account. */
    public static MariaDBContainer catalogDatabase(DatabaseAccount account) {
        return database("catalog", account.user(), account.password());
    }

    /** An empty database owned by the user, with the server settings of stack/mariadb.cnf. */
    public static MariaDBContainer database(String name, String user, String password) {
        return new MariaDBContainer(MARIADB_IMAGE)
                .withCopyFileToContainer(
                        MountableFile.forHostPath(StackDefinition.dir().resolve("mariadb.cnf")),
                        "/etc/mysql/conf.d/order-stock-sync.cnf")
                .withDatabaseName(name)
                .withUsername(user)
                .withPassword(password);
    }
}

package io.github.ordersync.testinfra;

import io.github.ordersync.localstack.ProjectLayout;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mariadb.MariaDBContainer;
import org.testcontainers.utility.MountableFile;

/** The containers of the integration tests: the official images that docker-compose.yml runs too. */
public final class Containers {

    public static final String KAFKA_IMAGE = "apache/kafka:4.3.1";
    public static final String MARIADB_IMAGE = "mariadb:11.4";
    /** As in testcontainers.properties: the auto mode checks that it is present before choosing containers. */
    public static final String RYUK_IMAGE = "testcontainers/ryuk:0.14.0";

    private Containers() {}

    /** A single KRaft broker. */
    public static KafkaContainer kafka() {
        return new KafkaContainer(KAFKA_IMAGE);
    }

    /** The shared orders database, with the table of connect-config/mydb-schema.sql (what the sink writes). */
    public static MariaDBContainer ordersDatabase(String user, String password) {
        return database("mydb", user, password)
                .withCopyFileToContainer(
                        MountableFile.forHostPath(ProjectLayout.root().resolve("connect-config/mydb-schema.sql")),
                        "/docker-entrypoint-initdb.d/mydb-schema.sql");
    }

    /** An empty database owned by the user. */
    public static MariaDBContainer database(String name, String user, String password) {
        return new MariaDBContainer(MARIADB_IMAGE)
                .withDatabaseName(name)
                .withUsername(user)
                .withPassword(password);
    }
}

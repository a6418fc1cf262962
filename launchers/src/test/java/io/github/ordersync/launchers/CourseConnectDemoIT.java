package io.github.ordersync.launchers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.ordersync.localstack.DatabaseAccount;
import io.github.ordersync.localstack.LocalStack;
import io.github.ordersync.localstack.MariaDb;
import io.github.ordersync.localstack.ProjectLayout;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * The course notes' Connect demo on the local stack, as the notes run it: a {@code users} table, its two connectors
 * registered with {@code POST /connectors} from connect-config/course/, and a user inserted into {@code users}
 * arriving in the table the sink creates, {@code my_topic_users}.
 */
class CourseConnectDemoIT {

    @AutoClose
    private static final LocalStack stack = LocalStack.startFresh(Path.of("target/course-connect-demo-it"));

    private final HttpClient http = HttpClient.newHttpClient();
    private final DatabaseAccount demo = DatabaseAccount.courseDemo(Map.of());

    @Test
    void aUserInsertedIntoUsersArrivesInTheSinksTable() throws Exception {
        try (Connection course = DriverManager.getConnection(
                        stack.jdbcUrl(MariaDb.COURSE_DATABASE), demo.user(), demo.password());
                Statement sql = course.createStatement()) {
            // the notes' table, as they create it
            sql.execute("CREATE TABLE users (id INT AUTO_INCREMENT PRIMARY KEY, user_id VARCHAR(20),"
                    + " pwd VARCHAR(20), name VARCHAR(20), created_at DATETIME DEFAULT NOW())");

            for (String connector : new String[] {"my-source-connect", "my-sink-connect"}) {
                HttpResponse<String> created = http.send(
                        HttpRequest.newBuilder(URI.create(stack.connectUrl() + "/connectors"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofFile(
                                        ProjectLayout.root().resolve("connect-config/course/" + connector + ".json")))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(created.statusCode())
                        .as("POST /connectors %s: %s", connector, created.body())
                        .isEqualTo(201);
            }

            sql.execute("INSERT INTO users (user_id, pwd, name) VALUES ('user1', 'test1111', 'User name 1')");

            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        try (ResultSet copied =
                                sql.executeQuery("SELECT user_id, name FROM my_topic_users WHERE user_id = 'user1'")) {
                            return copied.next() && copied.getString("name").equals("User name 1");
                        } catch (java.sql.SQLSyntaxErrorException notCreatedYet) {
                            return false;
                        }
                    });
        }
    }
}

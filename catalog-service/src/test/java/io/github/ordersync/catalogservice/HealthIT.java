package io.github.ordersync.catalogservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What anyone who reaches the service learns from its health: each component's status, nothing more. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestInfrastructure.class)
class HealthIT {

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Value("${spring.datasource.username}")
    String databaseUser;

    @Test
    void anonymousHealthShowsEachComponentsStatusButNoUserHostOrTrace() throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        JsonNode components = json.readTree(health.body()).path("components");
        assertThat(components.path("db").path("status").asString()).isEqualTo("UP");
        assertThat(components.path("kafka").path("status").asString()).isEqualTo("UP");
        assertThat(health.body())
                .doesNotContain("details", "clusterId", "MariaDB", "127.0.0.1", "localhost", databaseUser);
    }
}

package io.github.ordersync.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.config.ConfigTransformer;
import org.apache.kafka.common.config.provider.ConfigProvider;
import org.apache.kafka.common.config.provider.EnvVarConfigProvider;
import org.junit.jupiter.api.Test;

/** connect-config/worker.properties, read as the worker reads its config providers. */
class WorkerPropertiesTest {

    private static final Map<String, String> WORKER_ENVIRONMENT = Map.of(
            "ORDERS_SINK_DB_URL", "jdbc:mariadb://mariadb:3306/mydb",
            "ORDERS_SINK_DB_USER", "orders_sink",
            "ORDERS_SINK_DB_PASSWORD", "sink-secret",
            "ORDER_SERVICE_DB_PASSWORD", "another-component's-secret",
            "HOME", "/root");

    @Test
    void connectorConfigsReadOnlyTheSinksVariablesFromTheWorkersEnvironment() throws IOException {
        Map<String, String> config = new HashMap<>();
        config.put("connection.url", "${env:ORDERS_SINK_DB_URL}");
        config.put("connection.username", "${env:ORDERS_SINK_DB_USER}");
        config.put("connection.password", "${env:ORDERS_SINK_DB_PASSWORD}");
        config.put("stolen.password", "${env:ORDER_SERVICE_DB_PASSWORD}");
        config.put("stolen.home", "${env:HOME}");

        Map<String, String> resolved = new ConfigTransformer(Map.of("env", envProvider()))
                .transform(config)
                .data();

        assertThat(resolved)
                .containsEntry("connection.url", "jdbc:mariadb://mariadb:3306/mydb")
                .containsEntry("connection.username", "orders_sink")
                .containsEntry("connection.password", "sink-secret")
                .containsEntry("stolen.password", "${env:ORDER_SERVICE_DB_PASSWORD}")
                .containsEntry("stolen.home", "${env:HOME}");
    }

    /** The provider named {@code env} in worker.properties, configured with its {@code param.*} settings. */
    private static ConfigProvider envProvider() throws IOException {
        Properties worker = new Properties();
        try (Reader in = Files.newBufferedReader(ProjectLayout.root().resolve("connect-config/worker.properties"))) {
            worker.load(in);
        }
        assertThat(worker.getProperty("config.providers")).isEqualTo("env");
        assertThat(worker.getProperty("config.providers.env.class")).isEqualTo(EnvVarConfigProvider.class.getName());
        String params = "config.providers.env.param.";
        Map<String, String> settings = new HashMap<>();
        worker.stringPropertyNames().stream()
                .filter(name -> name.startsWith(params))
                .forEach(name -> settings.put(name.substring(params.length()), worker.getProperty(name)));
        EnvVarConfigProvider provider = new EnvVarConfigProvider(WORKER_ENVIRONMENT);
        provider.configure(settings);
        return provider;
    }
}

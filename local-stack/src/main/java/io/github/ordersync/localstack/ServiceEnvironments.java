package io.github.ordersync.localstack;

import java.util.Map;

/**
 * How the services find a stack: the environment variables their application.yml files read. Plain JDK types only,
 * (MariaDb's database names are compile-time constants),
 * so that it also loads where the stack's own libraries are absent (the services' tests, see LocalStackProcess).
 */
final class ServiceEnvironments {

    private ServiceEnvironments() {}

    static String bootstrapServers(StackSettings settings) {
        return "127.0.0.1:" + settings.kafkaPort();
    }

    /** {@code jdbc:mariadb://127.0.0.1:<port>/<database>}. */
    static String jdbcUrl(int port, String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    static Map<String, String> orderService(StackSettings settings, DatabaseAccount account) {
        return Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", bootstrapServers(settings),
                "ORDERS_DB_URL", jdbcUrl(settings.mariadbPort(), MariaDb.ORDERS_DATABASE),
                "ORDERS_DB_USER", account.user(),
                "ORDERS_DB_PASSWORD", account.password(),
                "CONNECT_URL", "http://127.0.0.1:" + settings.connectPort(),
                "RECORD_FORMAT", settings.recordFormat(),
                "SCHEMA_REGISTRY_URL", settings.registryApiUrl());
    }

    static Map<String, String> catalogService(StackSettings settings, DatabaseAccount account) {
        return Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", bootstrapServers(settings),
                "CATALOG_DB_URL", jdbcUrl(settings.mariadbPort(), MariaDb.CATALOG_DATABASE),
                "CATALOG_DB_USER", account.user(),
                "CATALOG_DB_PASSWORD", account.password(),
                "RECORD_FORMAT", settings.recordFormat(),
                "SCHEMA_REGISTRY_URL", settings.registryApiUrl());
    }
}

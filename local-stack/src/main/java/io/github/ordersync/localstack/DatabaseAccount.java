package io.github.ordersync.localstack;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A MariaDB user of the stack. Each component gets its own, with only the privileges it needs. The passwords
 * default to values named for what they are (local demo only) and come from the environment everywhere else.
 */
public record DatabaseAccount(String user, String password) {

    /** Writes the shared orders table: the JDBC sink connector. */
    public static DatabaseAccount ordersSink(Map<String, String> env) {
        return new DatabaseAccount("orders_sink", env.getOrDefault("ORDERS_SINK_DB_PASSWORD", "local-demo-sink"));
    }

    /** Reads the shared orders table: every order-service instance. */
    public static DatabaseAccount orderService(Map<String, String> env) {
        return new DatabaseAccount(
                "order_service", env.getOrDefault("ORDER_SERVICE_DB_PASSWORD", "local-demo-order-service"));
    }

    /** Owns the catalog database: catalog-service, which migrates it with Flyway. */
    public static DatabaseAccount catalogService(Map<String, String> env) {
        return new DatabaseAccount(
                "catalog_service", env.getOrDefault("CATALOG_SERVICE_DB_PASSWORD", "local-demo-catalog-service"));
    }

    /** Streams catalog.products' binlog into a topic: the catalog-source connector (replication grants only). */
    public static DatabaseAccount catalogSource(Map<String, String> env) {
        return new DatabaseAccount(
                "catalog_source", env.getOrDefault("CATALOG_SOURCE_DB_PASSWORD", "local-demo-catalog-source"));
    }

    /** The course notes' Connect demo (connect-config/course/): its source and its sink, on the course database. */
    public static DatabaseAccount courseDemo(Map<String, String> env) {
        return new DatabaseAccount(
                "course_demo", env.getOrDefault("COURSE_DEMO_DB_PASSWORD", "local-demo-course-demo"));
    }

    /** Every account of stack/users.sql. */
    public static List<DatabaseAccount> all(Map<String, String> env) {
        return List.of(ordersSink(env), orderService(env), catalogService(env), catalogSource(env), courseDemo(env));
    }

    /** The environment variable that holds this account's password, as stack/users.sql names it. */
    public String passwordVariable() {
        return user.toUpperCase(Locale.ROOT) + "_DB_PASSWORD";
    }

    @Override
    public String toString() {
        return "DatabaseAccount[user=" + user + ", password=***]";
    }
}

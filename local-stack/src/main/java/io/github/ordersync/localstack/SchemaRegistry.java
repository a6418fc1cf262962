package io.github.ordersync.localstack;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Apicurio Registry in a child JVM, for the Avro record format: its schemas kept in Kafka ({@code kafkasql} storage on
 * the stack's broker, topic {@code kafkasql-journal}), so they survive a restart of the stack; BACKWARD compatibility
 * as its global rule, so a producer's new schema must still read the records already written.
 */
public final class SchemaRegistry extends InChildJvm {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final String url;

    private SchemaRegistry(ChildJvm jvm, String url) {
        super(jvm);
        this.url = url;
    }

    /**
     * Starts the registry on the settings' port, its schemas on {@code bootstrapServers}, its log in the settings' data
     * directory, and waits until it answers. The local stack starts it in the Avro format; the services' tests start
     * one next to their shared stack.
     */
    public static SchemaRegistry start(
            StackSettings settings, String bootstrapServers, Map<String, String> environment) {
        Path app = ProjectLayout.registryApp();
        if (!Files.isRegularFile(app.resolve("quarkus-run.jar"))) {
            throw new IllegalStateException(app + " is missing: build first with ./mvnw package -DskipTests");
        }
        String url = "http://127.0.0.1:" + settings.registryPort();
        ChildJvm jvm = ChildJvm.start(
                "The schema registry",
                RegistryJava.find(environment),
                List.of(
                        "-Xms64m",
                        "-Xmx384m",
                        "-XX:TieredStopAtLevel=1",
                        "-Dquarkus.http.host=127.0.0.1",
                        "-Dquarkus.http.port=" + settings.registryPort(),
                        // the health/metrics interface: loopback and a port of its own choosing, never 0.0.0.0:9000
                        "-Dquarkus.management.host=127.0.0.1",
                        "-Dquarkus.management.port=0",
                        "-Dapicurio.storage.kind=kafkasql",
                        "-Dapicurio.kafkasql.bootstrap.servers=" + bootstrapServers,
                        // a local registry: its artifacts may be deleted (DELETE .../artifacts/{id}) to start over
                        "-Dapicurio.rest.deletion.artifact.enabled=true",
                        // every artifact without a rule of its own: a new schema must read what the previous wrote
                        "-Dapicurio.rules.global.compatibility=BACKWARD",
                        "-jar",
                        app.resolve("quarkus-run.jar").toString()),
                Map.of(),
                settings.dataDir().toAbsolutePath().resolve("logs/schema-registry.log"));
        jvm.awaitHttpOk(URI.create(url + "/apis/registry/v3/system/info"), START_TIMEOUT);
        return new SchemaRegistry(jvm, url);
    }

    /** The registry's base URL: its REST APIs are {@code /apis/registry/v3} and {@code /apis/registry/v2}. */
    public String url() {
        return url;
    }
}

package io.github.ordersync.localstack;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One of the project's Spring Boot services, run from its executable jar in a JVM of its own, as in production:
 * configured through environment variables, ready when its readiness probe says UP.
 */
public final class ServiceProcess extends InChildJvm {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final String name;
    private final int port;

    private ServiceProcess(String name, ChildJvm jvm, int port) {
        super(jvm);
        this.name = name;
        this.port = port;
    }

    /** Starts {@code java -jar <jar>} with the given environment and waits until it is ready. */
    public static ServiceProcess start(String name, Path jar, int port, Map<String, String> environment, Path logDir) {
        return start(name, jar, port, environment, logDir, List.of());
    }

    /**
     * As {@link #start(String, Path, int, Map, Path)}, with JVM options after the defaults, which they override
     * (e.g. {@code -XX:TieredStopAtLevel=4} for full JIT compilation when measuring throughput).
     */
    public static ServiceProcess start(
            String name, Path jar, int port, Map<String, String> environment, Path logDir, List<String> jvmOptions) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    name + " is not built: " + jar + " is missing (./mvnw package -DskipTests)");
        }
        Ports.requireFree(port, name, name.toUpperCase().replace('-', '_') + "_PORT");
        List<String> arguments = new ArrayList<>(List.of(
                "-Xms64m",
                "-Xmx384m",
                // C1 only: starts in about half the time on two cores; measure throughput without it
                "-XX:TieredStopAtLevel=1"));
        arguments.addAll(jvmOptions);
        arguments.addAll(List.of(
                "-jar", jar.toAbsolutePath().toString(), "--server.port=" + port, "--server.address=127.0.0.1"));
        ChildJvm jvm = ChildJvm.start(name, arguments, environment, logDir.resolve(name + "-" + port + ".log"));
        ServiceProcess service = new ServiceProcess(name, jvm, port);
        jvm.awaitHttpOk(URI.create(service.url() + "/actuator/health/readiness"), START_TIMEOUT);
        return service;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public String name() {
        return name;
    }
}

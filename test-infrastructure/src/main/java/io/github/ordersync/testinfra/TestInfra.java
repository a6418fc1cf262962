package io.github.ordersync.testinfra;

import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * What the integration tests run on, chosen once per JVM by {@code TEST_INFRA} (environment, first) or {@code test.infra}
 * (system property, set by the build): {@code containers} (Testcontainers), {@code local} (the local stack), or {@code auto}, the
 * default: containers when a Docker engine answers within a second and already has the images, else local.
 */
public enum TestInfra {
    CONTAINERS,
    LOCAL;

    private static final TestInfra CHOSEN = choose();

    public static TestInfra chosen() {
        return CHOSEN;
    }

    private static TestInfra choose() {
        String setting = System.getenv("TEST_INFRA");
        if (setting == null || setting.isBlank()) {
            setting = System.getProperty("test.infra", "auto");
        }
        TestInfra chosen = switch (setting.trim().toLowerCase(Locale.ROOT)) {
            case "containers" -> CONTAINERS;
            case "local" -> LOCAL;
            case "auto", "" -> auto();
            default ->
                throw new IllegalArgumentException(
                        "TEST_INFRA must be containers, local or auto, was '" + setting + "'");
        };
        System.out.println("Integration tests run on " + chosen.name().toLowerCase(Locale.ROOT) + " infrastructure"
                + " (TEST_INFRA=" + setting + ")");
        return chosen;
    }

    private static TestInfra auto() {
        List<String> images = List.of(
                Containers.KAFKA_IMAGE, Containers.MARIADB_IMAGE, Containers.REGISTRY_IMAGE, Containers.RYUK_IMAGE);
        return DockerProbe.hasImages(images) ? CONTAINERS : LOCAL;
    }

    /** Matches when the tests run on Testcontainers. */
    public static final class OnContainers implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return chosen() == CONTAINERS;
        }
    }

    /** Matches when the tests run on the local stack. */
    public static final class OnLocalStack implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return chosen() == LOCAL;
        }
    }
}

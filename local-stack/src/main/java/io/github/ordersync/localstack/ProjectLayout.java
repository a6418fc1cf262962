package io.github.ordersync.localstack;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the project's folders from wherever the JVM was started inside the checkout. */
public final class ProjectLayout {

    private ProjectLayout() {}

    /** The checkout's root: the nearest folder, upwards from the working directory, that holds connect-config/. */
    public static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.isDirectory(candidate.resolve("connect-config"))
                    && Files.isRegularFile(candidate.resolve("pom.xml"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("Run from inside the project checkout: no connect-config/ above " + dir);
    }

    static Path connectPlugins() {
        return root().resolve("local-stack/target/connect-plugins");
    }
}

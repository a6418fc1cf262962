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

    /** The Connect plugin path the connect-plugins module packs: the JDBC sink and connect-guard. */
    static Path connectPlugins() {
        return root().resolve("connect-plugins/target/plugins");
    }

    /** Apicurio Registry, unpacked from its Maven Central tarball by this module's build. */
    static Path registryApp() {
        return root().resolve("local-stack/target/apicurio-registry");
    }

    /** This module's runtime libraries, for the JVMs it starts (made by ./mvnw package). */
    static Path localStackLib() {
        return root().resolve("local-stack/target/lib");
    }

    /** What a Connect worker JVM runs on: this module's runtime libraries without a JDBC driver. */
    static Path connectWorkerLib() {
        return root().resolve("local-stack/target/connect-worker-lib");
    }
}

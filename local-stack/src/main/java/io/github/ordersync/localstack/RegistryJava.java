package io.github.ordersync.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Java the schema registry runs on: Apicurio Registry 3.3 is built for Java 21, the project for 17. Taken from
 * {@code REGISTRY_JAVA_HOME}, else this JVM or {@code JAVA_HOME} when new enough, else the newest Java 21+ in the
 * usual install folders of Linux, macOS and Windows.
 */
final class RegistryJava {

    static final int REQUIRED = 21;

    private static final Pattern VERSION = Pattern.compile("^JAVA_VERSION=\"(?:1\\.)?(\\d+)", Pattern.MULTILINE);

    private RegistryJava() {}

    static Path find(Map<String, String> env) {
        String chosen = env.get("REGISTRY_JAVA_HOME");
        if (chosen != null && !chosen.isBlank()) {
            Path home = Path.of(chosen);
            if (version(home).orElse(0) < REQUIRED) {
                throw new IllegalStateException("REGISTRY_JAVA_HOME=" + chosen + " is not a Java " + REQUIRED
                        + " or newer (Apicurio Registry 3.3 needs one)");
            }
            return home;
        }
        if (Runtime.version().feature() >= REQUIRED) {
            return Path.of(System.getProperty("java.home"));
        }
        List<Path> candidates = new ArrayList<>();
        Optional.ofNullable(env.get("JAVA_HOME"))
                .filter(home -> !home.isBlank())
                .map(Path::of)
                .ifPresent(candidates::add);
        for (String folder : List.of(
                "/usr/lib/jvm",
                "/Library/Java/JavaVirtualMachines",
                "C:\\Program Files\\Java",
                "C:\\Program Files\\Eclipse Adoptium",
                System.getProperty("user.home") + "/.sdkman/candidates/java")) {
            candidates.addAll(homesIn(Path.of(folder)));
        }
        return candidates.stream()
                .filter(home -> version(home).orElse(0) >= REQUIRED)
                .max(Comparator.comparingInt(home -> version(home).orElse(0)))
                .orElseThrow(() -> new IllegalStateException("The schema registry (Apicurio Registry 3.3) needs Java "
                        + REQUIRED + " or newer, and none was found: install one (any vendor) and set"
                        + " REGISTRY_JAVA_HOME to its folder"));
    }

    /** The Java homes directly in a folder, and macOS's {@code <jdk>/Contents/Home}. */
    private static List<Path> homesIn(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(
                            jdk -> Files.isDirectory(jdk.resolve("Contents/Home")) ? jdk.resolve("Contents/Home") : jdk)
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The feature version in the home's {@code release} file, if it has a java launcher. */
    static Optional<Integer> version(Path home) {
        Path release = home.resolve("release");
        boolean launcher =
                Files.isRegularFile(home.resolve("bin/java")) || Files.isRegularFile(home.resolve("bin/java.exe"));
        if (!launcher || !Files.isRegularFile(release)) {
            return Optional.empty();
        }
        try {
            Matcher matcher = VERSION.matcher(Files.readString(release));
            return matcher.find() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}

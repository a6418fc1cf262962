package io.github.ordersync.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ordersync.localstack.ProjectLayout;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The repository holds no credentials: every password, secret or key in its configuration files is
 * either read from the environment or a local-demo default named as such.
 */
class NoCommittedSecretsTest {

    private static final Set<String> NOT_OURS = Set.of(".git", "target", ".local-stack", "node_modules", ".idea");
    /**
     * JSON that is no configuration: the benchmark's measurements (keys are method names such as {@code nextToken})
     * and the AsyncAPI 3.0 JSON schema (which names the security scheme {@code userPassword}).
     */
    private static final Set<Path> NOT_CONFIGURATION = Set.of(
            Path.of("docs", "benchmarks.json"),
            Path.of("order-service", "src", "test", "resources", "asyncapi", "asyncapi-3.0.0.schema.json"));
    /** Where a credential would be committed: configuration, not code that passes one along. */
    private static final Pattern CONFIG_FILE =
            Pattern.compile(".*\\.(ya?ml|properties|json|env|cnf|conf)$|Dockerfile.*|docker-compose.*");

    private static final Pattern ASSIGNED_SECRET = Pattern.compile(
            "(?i)[\\w.-]*(password|passwd|secret|api[_-]?key|access[_-]?key|token)[\"']?\\s*[:=]\\s*[\"']?([^\"'\\s,}]*)");
    /** Nothing (a block follows), a placeholder read from the environment, or a default named as a demo value. */
    private static final Pattern ALLOWED_VALUE = Pattern.compile("|\\$\\{.*|local-demo-[a-z-]+");

    private final List<String> credentials = new ArrayList<>();

    @Test
    void everyCredentialComesFromTheEnvironmentOrIsANamedLocalDemoDefault() throws IOException {
        List<String> findings = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ProjectLayout.root())) {
            for (Path file : files.filter(this::isOurs)
                    .filter(Files::isRegularFile)
                    .filter(path ->
                            CONFIG_FILE.matcher(path.getFileName().toString()).matches())
                    .toList()) {
                findings.addAll(suspiciousLines(file));
            }
        }

        assertThat(credentials)
                .as("the services', the sink's and compose's passwords were found and checked")
                .hasSizeGreaterThanOrEqualTo(6);
        assertThat(findings).as("credentials committed to the repository").isEmpty();
    }

    private boolean isOurs(Path path) {
        Path relative = ProjectLayout.root().relativize(path);
        if (NOT_CONFIGURATION.contains(relative)) {
            return false;
        }
        for (Path part : relative) {
            if (NOT_OURS.contains(part.toString())) {
                return false;
            }
        }
        return true;
    }

    private List<String> suspiciousLines(Path file) throws IOException {
        List<String> findings = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (MalformedInputException binary) {
            return findings;
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.contains("-----BEGIN") && line.contains("PRIVATE KEY")) {
                findings.add(file + ":" + (i + 1) + ": a private key");
            }
            Matcher secret = ASSIGNED_SECRET.matcher(line);
            while (secret.find()) {
                credentials.add(file.getFileName() + ": " + secret.group());
                if (!ALLOWED_VALUE.matcher(secret.group(2)).matches()) {
                    findings.add(file + ":" + (i + 1) + ": " + line.strip());
                }
            }
        }
        return findings;
    }
}

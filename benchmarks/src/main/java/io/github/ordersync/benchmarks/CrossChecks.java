package io.github.ordersync.benchmarks;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ingress phases again with Debian's {@code hey} and {@code wrk}, where installed: another generator's
 * requests/s for the same endpoint, right after ours, 64 connections each. They share the machine's cores with the
 * services too; wrk runs one thread.
 */
final class CrossChecks {

    private static final Pattern REQUESTS_PER_SECOND = Pattern.compile("Requests/sec:\\s+([\\d.]+)");

    private CrossChecks() {}

    /** hey and wrk, those of them on the PATH. */
    static List<String> installed() {
        List<String> tools = new ArrayList<>();
        for (String tool : List.of("hey", "wrk")) {
            String path = System.getenv("PATH");
            if (path != null
                    && List.of(path.split(File.pathSeparator)).stream()
                            .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)))) {
                tools.add(tool);
            }
        }
        return tools;
    }

    /** Requests/s of {@code tool} on {@code url}: a POST of {@code jsonBody}, or a GET if it is null. */
    static double requestsPerSecond(String tool, String url, String jsonBody, Duration length, Path workDir)
            throws IOException {
        String seconds = length.toSeconds() + "s";
        List<String> command = new ArrayList<>();
        if (tool.equals("hey")) {
            command.addAll(List.of("hey", "-z", seconds, "-c", "64"));
            if (jsonBody != null) {
                command.addAll(List.of("-m", "POST", "-T", "application/json", "-d", jsonBody));
            }
        } else {
            command.addAll(List.of("wrk", "-t", "1", "-c", "64", "-d", seconds));
            if (jsonBody != null) {
                Path script = workDir.resolve("post.lua");
                Files.writeString(
                        script,
                        "wrk.method = \"POST\"\nwrk.body = '" + jsonBody
                                + "'\nwrk.headers[\"Content-Type\"] = \"application/json\"\n");
                command.addAll(List.of("-s", script.toString()));
            }
        }
        command.add(url);
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(5, TimeUnit.MINUTES);
            Matcher matcher = REQUESTS_PER_SECOND.matcher(output);
            return matcher.find() ? Double.parseDouble(matcher.group(1)) : Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }
}

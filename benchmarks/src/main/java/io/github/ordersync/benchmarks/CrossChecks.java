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

    private static final Pattern HEY_TOTAL = Pattern.compile("Total:\\s+([\\d.]+) secs");
    private static final Pattern HEY_STATUS = Pattern.compile("\\[(\\d{3})]\\s+(\\d+) responses");
    private static final Pattern WRK_REQUESTS = Pattern.compile("(\\d+) requests in ([\\d.]+)s");
    private static final Pattern WRK_NOT_OK = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

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

    /** Answers with a 2xx status per second of {@code tool} on {@code url}: a POST of {@code jsonBody}, or a GET if it is null. */
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
            return successesPerSecond(tool, output);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }

    /** Answers with a 2xx status per second, from the tool's report: both also count errors in their own rate. */
    static double successesPerSecond(String tool, String output) {
        if (tool.equals("hey")) {
            Matcher total = HEY_TOTAL.matcher(output);
            if (!total.find()) {
                return Double.NaN;
            }
            long ok = 0;
            for (Matcher status = HEY_STATUS.matcher(output); status.find(); ) {
                if (status.group(1).startsWith("2")) {
                    ok += Long.parseLong(status.group(2));
                }
            }
            return ok / Double.parseDouble(total.group(1));
        }
        Matcher requests = WRK_REQUESTS.matcher(output);
        if (!requests.find()) {
            return Double.NaN;
        }
        Matcher notOk = WRK_NOT_OK.matcher(output);
        long failed = notOk.find() ? Long.parseLong(notOk.group(1)) : 0;
        return (Long.parseLong(requests.group(1)) - failed) / Double.parseDouble(requests.group(2));
    }
}

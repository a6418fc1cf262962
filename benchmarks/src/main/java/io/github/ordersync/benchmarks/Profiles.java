package io.github.ordersync.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * CPU profiles of a stage: a JFR recording (settings=default: low overhead, a sample every 20 ms) started in a running service JVM with {@code jcmd},
 * dumped when the stage is done, and summed up as the share of execution samples per top-of-stack method and per
 * package.
 */
final class Profiles {

    private Profiles() {}

    /** A recording in progress in the JVM of {@code pid}. */
    record Recording(long pid, Path file) {

        static Recording start(long pid, Path file) {
            jcmd(pid, "JFR.start", "name=benchmark", "settings=default");
            return new Recording(pid, file);
        }

        Results.Profile stop(String stage) {
            jcmd(pid, "JFR.stop", "name=benchmark", "filename=" + file.toAbsolutePath());
            try {
                return summary(stage, file);
            } catch (IOException e) {
                throw new IllegalStateException("Reading " + file + " failed: " + e.getMessage(), e);
            }
        }
    }

    static Results.Profile summary(String stage, Path recording) throws IOException {
        Map<String, Long> methods = new HashMap<>();
        Map<String, Long> packages = new HashMap<>();
        long samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            samples++;
            RecordedFrame top = frames.get(0);
            String type = top.getMethod().getType().getName();
            methods.merge(type + "." + top.getMethod().getName(), 1L, Long::sum);
            packages.merge(owner(frames), 1L, Long::sum);
        }
        return new Results.Profile(stage, samples, top(methods, samples, 12), top(packages, samples, 10));
    }

    /** The first frame, from the top, in a library or the project rather than the JDK: who asked for the work. */
    private static String owner(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            if (!type.startsWith("java.") && !type.startsWith("jdk.") && !type.startsWith("sun.")) {
                String[] parts = type.split("\\.");
                return String.join(".", List.of(parts).subList(0, Math.min(3, parts.length - 1)));
            }
        }
        return "JDK";
    }

    private static List<Map.Entry<String, Double>> top(Map<String, Long> counts, long total, int limit) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(limit)
                .map(entry -> (Map.Entry<String, Double>)
                        new AbstractMap.SimpleImmutableEntry<>(entry.getKey(), 100.0 * entry.getValue() / total))
                .toList();
    }

    private static void jcmd(long pid, String... command) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        List<String> arguments = new java.util.ArrayList<>(List.of(jcmd.toString(), String.valueOf(pid)));
        arguments.addAll(List.of(command));
        try {
            Process process =
                    new ProcessBuilder(arguments).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("jcmd failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover recording under target/
        }
    }
}

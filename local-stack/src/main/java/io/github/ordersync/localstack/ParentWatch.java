package io.github.ordersync.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * A Java agent in every JVM the local stack starts ({@code -javaagent:parent-watch.jar=<parent pid>}): the JVM exits
 * when the process that started it is gone, also after a {@code kill -9} that ran none of the parent's shutdown
 * hooks, so no service or worker outlives its launcher and holds its ports. Depends on the JDK only: it runs beside
 * any application, a Spring Boot executable jar included.
 */
public final class ParentWatch {

    /** A graceful shutdown that takes longer than this ends with {@link Runtime#halt}. */
    private static final Duration LONGEST_SHUTDOWN = Duration.ofSeconds(60);

    private static final String CLASS_FILE = ParentWatch.class.getName().replace('.', '/') + ".class";

    private ParentWatch() {}

    /** The agent's entry point; its argument is the parent's pid. */
    public static void premain(String parentPid) {
        long pid = Long.parseLong(parentPid);
        ProcessHandle.of(pid)
                .map(ProcessHandle::onExit)
                .orElseGet(() -> CompletableFuture.completedFuture(null))
                .thenRun(() -> exit(pid));
    }

    private static void exit(long parentPid) {
        System.err.println("Parent process " + parentPid + " is gone: shutting down");
        Thread halt = new Thread(
                () -> {
                    LockSupport.parkNanos(LONGEST_SHUTDOWN.toNanos());
                    System.err.println("Shutdown took longer than " + LONGEST_SHUTDOWN + ": halting");
                    Runtime.getRuntime().halt(1);
                },
                "parent-watch-halt");
        halt.setDaemon(true);
        halt.start();
        System.exit(1);
    }

    /**
     * {@code -javaagent:...=<this JVM's pid>}, for a child JVM's command line. The agent's jar is written into the
     * folder (atomically: JVMs starting in parallel may share it).
     */
    static String agentOption(Path folder) {
        return "-javaagent:" + agentJar(folder) + "=" + ProcessHandle.current().pid();
    }

    private static Path agentJar(Path folder) {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(new Attributes.Name("Premain-Class"), ParentWatch.class.getName());
        try {
            Files.createDirectories(folder);
            Path jar = folder.resolve("parent-watch.jar").toAbsolutePath();
            Path written = Files.createTempFile(folder, "parent-watch", ".jar");
            try (OutputStream out = Files.newOutputStream(written);
                    JarOutputStream agent = new JarOutputStream(out, manifest);
                    InputStream classFile = ParentWatch.class.getClassLoader().getResourceAsStream(CLASS_FILE)) {
                if (classFile == null) {
                    throw new IllegalStateException(CLASS_FILE + " not found on the classpath");
                }
                agent.putNextEntry(new JarEntry(CLASS_FILE));
                classFile.transferTo(agent);
                agent.closeEntry();
            }
            return Files.move(written, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the parent-watch agent into " + folder, e);
        }
    }
}

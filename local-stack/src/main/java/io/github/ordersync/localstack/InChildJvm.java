package io.github.ordersync.localstack;

import java.nio.file.Path;

/** A component of the stack that runs in a {@link ChildJvm}: what every such component offers its callers. */
abstract class InChildJvm implements AutoCloseable {

    final ChildJvm jvm;

    InChildJvm(ChildJvm jvm) {
        this.jvm = jvm;
    }

    public Path logFile() {
        return jvm.logFile();
    }

    public boolean isAlive() {
        return jvm.isAlive();
    }

    /** The component's process: its pid and CPU time, for the benchmark. */
    public ProcessHandle process() {
        return jvm.process();
    }

    /** {@code kill -9}: no shutdown hooks, no graceful shutdown. For fault tests. */
    public void kill() {
        jvm.kill();
    }

    /** SIGTERM, which the component answers with a graceful shutdown. */
    @Override
    public void close() {
        jvm.close();
    }
}

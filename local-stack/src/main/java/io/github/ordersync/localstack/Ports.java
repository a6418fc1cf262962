package io.github.ordersync.localstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** Port checks that fail with a message naming the setting that moves the port. */
public final class Ports {

    /**
     * Below the ephemeral ranges (Linux 32768-60999, macOS and Windows 49152-65535), from which the OS gives every
     * outgoing connection its local port: a port from there can be taken by a client between the check and the
     * server's bind.
     */
    static final int FIRST = 20_000;

    static final int LAST = 32_767;

    /** The ports {@link #free()} handed out in this JVM: none twice. */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private Ports() {}

    /** A port that was free on 127.0.0.1 a moment ago, between {@value #FIRST} and {@value #LAST}. */
    public static int free() {
        for (int attempt = 0; attempt < 1_000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(FIRST, LAST + 1);
            if (HANDED_OUT.add(port) && isFree(port)) {
                return port;
            }
        }
        throw new IllegalStateException("No free port on 127.0.0.1 between " + FIRST + " and " + LAST);
    }

    static void requireFree(int port, String component, String override) {
        if (!isFree(port)) {
            throw new IllegalStateException("Port " + port + " for " + component
                    + " is already in use on 127.0.0.1. Stop what uses it, or choose another port: "
                    + override + "=<port>");
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException inUse) {
            return false;
        }
    }
}

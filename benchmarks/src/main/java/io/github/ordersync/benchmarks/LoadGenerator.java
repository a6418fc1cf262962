package io.github.ordersync.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HTTP/1.1 load on loopback from one thread: non-blocking keep-alive connections on one selector, as wrk does, so
 * that the generator takes a small, measured share of the CPU it shares with the system under test.
 *
 * <p>Closed loop: every connection sends its next request as soon as the last one is answered. Open loop: requests
 * are due at a fixed rate and each latency counts from when the request was due, so neither a slow server nor the
 * generator can hide queueing; a due request with no idle connection opens another, up to {@link #MAX_CONNECTIONS}.
 */
final class LoadGenerator {

    /** Connections of a closed-loop phase. */
    static final int CLOSED_LOOP_CONNECTIONS = 64;

    private static final int MAX_CONNECTIONS = 512;
    private static final long RESPONSE_TIMEOUT = Duration.ofSeconds(10).toNanos();
    private static final byte[] HEADERS_END = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ORDER_ID = "\"orderId\":\"".getBytes(StandardCharsets.US_ASCII);

    private final InetSocketAddress server;
    private final String host;

    LoadGenerator(String baseUrl) {
        URI uri = URI.create(baseUrl);
        this.server = new InetSocketAddress(uri.getHost(), uri.getPort());
        this.host = uri.getHost() + ":" + uri.getPort();
    }

    /** The bytes of request number n. */
    @FunctionalInterface
    interface Requests {
        byte[] request(long n);
    }

    /** A POST of one order of one item of a product priced 1000, by one of 100 users. */
    Requests placeOrders(String userPrefix, ProductChoice products) {
        return n -> request(
                "POST",
                "/order-service/" + userPrefix + (n % 100) + "/orders",
                "{\"productId\":\"" + products.product(n) + "\",\"qty\":1,\"unitPrice\":1000}");
    }

    Requests get(String path) {
        byte[] request = request("GET", path, null);
        return n -> request;
    }

    /** The product of order number n. */
    @FunctionalInterface
    interface ProductChoice {
        String product(long n);
    }

    private byte[] request(String method, String path, String body) {
        StringBuilder request = new StringBuilder()
                .append(method)
                .append(' ')
                .append(path)
                .append(" HTTP/1.1\r\nHost: ")
                .append(host)
                .append("\r\n");
        if (body != null) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            request.append("Content-Type: application/json\r\nContent-Length: ")
                    .append(bytes.length)
                    .append("\r\n\r\n")
                    .append(body);
        } else {
            request.append("\r\n");
        }
        return request.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * What a load phase did: answers, failures, its length, the latencies of the 2xx answers, the order ids they
     * carried with the time each was due, and the generator's own CPU time.
     */
    record Outcome(
            long ok,
            long failed,
            double seconds,
            Latencies latencies,
            Map<UUID, Long> placed,
            double generatorCpuSeconds,
            int connections) {

        double perSecond() {
            return ok / seconds;
        }

        /** The generator's CPU time as a share of all the machine's cores over the phase. */
        double generatorCpuShare() {
            return generatorCpuSeconds / (seconds * Runtime.getRuntime().availableProcessors());
        }

        String summary() {
            return String.format(
                    Locale.ROOT,
                    "%,d ok, %,d failed in %.1f s (%,.0f/s), p50/p99 %.1f/%.1f ms, %d connections, generator %.1f %% CPU",
                    ok,
                    failed,
                    seconds,
                    perSecond(),
                    latencies.percentileMillis(50),
                    latencies.percentileMillis(99),
                    connections,
                    100 * generatorCpuShare());
        }
    }

    Outcome closedLoop(Requests requests, Duration length) {
        return new Run(requests, 0, length, CLOSED_LOOP_CONNECTIONS).go();
    }

    Outcome openLoop(Requests requests, int ratePerSecond, Duration length) {
        return new Run(requests, ratePerSecond, length, 0).go();
    }

    /** One phase: the selector loop and its connections. */
    private final class Run {

        private final Requests requests;
        private final int rate;
        private final long total;
        private final long lengthNanos;
        private final int initialConnections;
        private final Latencies latencies = new Latencies();
        private final Map<UUID, Long> placed = new ConcurrentHashMap<>();
        private final Deque<Connection> idle = new ArrayDeque<>();
        private final List<Connection> open = new ArrayList<>();
        private Selector selector;
        private long start;
        private long next;
        private long ok;
        private long failed;
        private long inFlight;

        Run(Requests requests, int rate, Duration length, int initialConnections) {
            this.requests = requests;
            this.rate = rate;
            this.lengthNanos = length.toNanos();
            this.total = rate > 0 ? (long) rate * length.toSeconds() : Long.MAX_VALUE;
            this.initialConnections = initialConnections;
        }

        Outcome go() {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long cpuBefore = threads.getCurrentThreadCpuTime();
            try (Selector opened = Selector.open()) {
                selector = opened;
                for (int i = 0; i < initialConnections; i++) {
                    idle.add(connect());
                }
                start = System.nanoTime();
                loop();
            } catch (IOException e) {
                throw new IllegalStateException("Load generator failed: " + e.getMessage(), e);
            } finally {
                open.forEach(Connection::close);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpu = (threads.getCurrentThreadCpuTime() - cpuBefore) / 1e9;
            return new Outcome(ok, failed, seconds, latencies, placed, cpu, open.size());
        }

        private void loop() throws IOException {
            long lastTimeoutCheck = start;
            while (true) {
                long now = System.nanoTime();
                dispatch(now);
                if (inFlight == 0 && !moreToSend(now)) {
                    return;
                }
                long wait = rate > 0 && next < total ? dueNanos(next) - System.nanoTime() : 50_000_000;
                if (wait <= 0) {
                    selector.selectNow();
                } else {
                    selector.select(Math.max(1, wait / 1_000_000));
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    Connection connection = (Connection) key.attachment();
                    if (key.isValid() && key.isWritable()) {
                        connection.write();
                    }
                    if (key.isValid() && key.isReadable()) {
                        connection.read();
                    }
                }
                selector.selectedKeys().clear();
                if (now - lastTimeoutCheck > 100_000_000) {
                    lastTimeoutCheck = now;
                    for (Connection connection : List.copyOf(open)) {
                        connection.timeOutIfLate(now);
                    }
                }
            }
        }

        private boolean moreToSend(long now) {
            return rate > 0 ? next < total : now - start < lengthNanos;
        }

        private long dueNanos(long n) {
            return start + (long) (n * 1e9 / rate);
        }

        /** Sends what is due on idle connections; an open loop opens more when all are busy. */
        private void dispatch(long now) throws IOException {
            while (moreToSend(now)) {
                long due = rate > 0 ? dueNanos(next) : now;
                if (due > now) {
                    return;
                }
                Connection connection = idle.poll();
                if (connection == null) {
                    if (rate == 0 || open.size() >= MAX_CONNECTIONS) {
                        return;
                    }
                    connection = connect();
                }
                connection.send(next++, due);
            }
        }

        private Connection connect() throws IOException {
            SocketChannel channel = SocketChannel.open(server);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.configureBlocking(false);
            Connection connection = new Connection(channel);
            connection.key = channel.register(selector, 0, connection);
            open.add(connection);
            return connection;
        }

        /** One keep-alive connection with at most one request in flight. */
        private final class Connection {

            private final SocketChannel channel;
            private final ByteBuffer in = ByteBuffer.allocate(64 * 1024);
            private SelectionKey key;
            private ByteBuffer out;
            private long due;
            private boolean busy;

            Connection(SocketChannel channel) {
                this.channel = channel;
            }

            void send(long n, long dueNanos) throws IOException {
                due = dueNanos;
                busy = true;
                inFlight++;
                out = ByteBuffer.wrap(requests.request(n));
                write();
            }

            void write() throws IOException {
                try {
                    channel.write(out);
                } catch (IOException e) {
                    fail();
                    return;
                }
                key.interestOps(out.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
            }

            void read() throws IOException {
                int read;
                try {
                    read = channel.read(in);
                } catch (IOException e) {
                    read = -1;
                }
                if (read < 0) {
                    fail();
                    return;
                }
                int length = responseLength(in.array(), in.position());
                if (length < 0) {
                    return;
                }
                long answered = System.nanoTime();
                byte[] response = in.array();
                int status = (response[9] - '0') * 100 + (response[10] - '0') * 10 + (response[11] - '0');
                if (status / 100 == 2) {
                    ok++;
                    latencies.recordNanos(answered - due);
                    UUID orderId = orderId(response, length);
                    if (orderId != null) {
                        placed.put(orderId, due);
                    }
                } else {
                    failed++;
                }
                boolean closing = closes(response, length);
                in.clear();
                done();
                if (closing) {
                    // Tomcat ends a keep-alive connection after maxKeepAliveRequests: not a failure, a new connection
                    replace();
                    return;
                }
                long now = System.nanoTime();
                if (rate == 0 && moreToSend(now)) {
                    send(next++, now);
                }
            }

            void timeOutIfLate(long now) {
                if (busy && now - due > RESPONSE_TIMEOUT) {
                    fail();
                }
            }

            private void done() {
                busy = false;
                inFlight--;
                key.interestOps(0);
                if (rate > 0) {
                    idle.add(this);
                }
            }

            /** A failed or timed-out exchange: counted, and the connection replaced by a fresh one. */
            private void fail() {
                if (busy) {
                    failed++;
                    busy = false;
                    inFlight--;
                }
                replace();
            }

            private void replace() {
                close();
                open.remove(this);
                idle.remove(this);
                try {
                    Connection fresh = connect();
                    if (rate > 0) {
                        idle.add(fresh);
                    } else if (moreToSend(System.nanoTime())) {
                        fresh.send(next++, System.nanoTime());
                    }
                } catch (IOException e) {
                    // the server is gone: the phase ends when nothing is in flight
                }
            }

            void close() {
                try {
                    channel.close();
                } catch (IOException e) {
                    // closing anyway
                }
            }
        }
    }

    /**
     * The length of the complete response at the start of {@code bytes}, or -1 while it is incomplete. Knows
     * {@code Content-Length} and chunked bodies, which is all Tomcat writes.
     */
    static int responseLength(byte[] bytes, int available) {
        int headersEnd = indexOf(bytes, 0, available, HEADERS_END);
        if (headersEnd < 0) {
            return -1;
        }
        int bodyStart = headersEnd + HEADERS_END.length;
        String headers = new String(bytes, 0, headersEnd, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        int contentLength = headers.indexOf("\r\ncontent-length:");
        if (contentLength >= 0) {
            int from = contentLength + "\r\ncontent-length:".length();
            int to = headers.indexOf("\r\n", from);
            int length = Integer.parseInt(
                    headers.substring(from, to < 0 ? headers.length() : to).trim());
            return available >= bodyStart + length ? bodyStart + length : -1;
        }
        if (!headers.contains("\r\ntransfer-encoding: chunked")) {
            return bodyStart;
        }
        int at = bodyStart;
        while (true) {
            int lineEnd = indexOf(bytes, at, available, HEADERS_END, 2);
            if (lineEnd < 0) {
                return -1;
            }
            String size = new String(bytes, at, lineEnd - at, StandardCharsets.ISO_8859_1);
            int semicolon = size.indexOf(';');
            int chunk = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
            at = lineEnd + 2 + chunk + 2;
            if (at > available) {
                return -1;
            }
            if (chunk == 0) {
                return at;
            }
        }
    }

    /** Whether the response's headers say {@code Connection: close}. */
    static boolean closes(byte[] response, int length) {
        int headersEnd = indexOf(response, 0, length, HEADERS_END);
        return new String(response, 0, Math.max(0, headersEnd), StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT)
                .contains("\r\nconnection: close");
    }

    private static UUID orderId(byte[] response, int length) {
        int at = indexOf(response, 0, length, ORDER_ID);
        if (at < 0 || at + ORDER_ID.length + 36 > length) {
            return null;
        }
        return UUID.fromString(new String(response, at + ORDER_ID.length, 36, StandardCharsets.US_ASCII));
    }

    private static int indexOf(byte[] bytes, int from, int to, byte[] pattern) {
        return indexOf(bytes, from, to, pattern, pattern.length);
    }

    /** Where the first {@code patternLength} bytes of {@code pattern} occur in {@code bytes[from, to)}, or -1. */
    private static int indexOf(byte[] bytes, int from, int to, byte[] pattern, int patternLength) {
        outer:
        for (int i = from; i <= to - patternLength; i++) {
            for (int j = 0; j < patternLength; j++) {
                if (bytes[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

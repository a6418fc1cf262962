package io.github.ordersync.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;

/**
 * HTTP load on loopback from 64 keep-alive connections (one per sending thread). Closed loop: every thread sends
 * its next request as soon as the last one is answered. Open loop: requests are due at a fixed rate and each
 * latency is counted from when it was due, so a slow server cannot hide its queueing.
 */
final class HttpLoad {

    static final int CONNECTIONS = 64;

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** What a load phase did. */
    record Outcome(long ok, long failed, double seconds, Latencies latencies) {

        double perSecond() {
            return ok / seconds;
        }
    }

    /** A POST of one order of one item of {@code productId}, by one of 100 users. */
    static HttpRequest placeOrder(String orderServiceUrl, String productId, long n) {
        return HttpRequest.newBuilder(
                        URI.create(orderServiceUrl + "/order-service/bench-user-" + (n % 100) + "/orders"))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"productId\":\"" + productId + "\",\"qty\":1,\"unitPrice\":1000}"))
                .build();
    }

    static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
    }

    /** Each of the 64 threads sends requests one after another for {@code seconds}. */
    Outcome closedLoop(RequestSource requests, int seconds, BiConsumer<UUID, Long> placed) {
        AtomicLong next = new AtomicLong();
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(seconds).toNanos();
        return run(
                start,
                () -> {
                    long now = System.nanoTime();
                    return now < end ? new Due(next.getAndIncrement(), now) : null;
                },
                requests,
                placed);
    }

    /** Requests due every {@code 1/rate} seconds for {@code seconds}, sent by 64 threads. */
    Outcome openLoop(RequestSource requests, int rate, int seconds, BiConsumer<UUID, Long> placed) {
        AtomicLong next = new AtomicLong();
        long start = System.nanoTime();
        long total = (long) rate * seconds;
        double interval = 1e9 / rate;
        return run(
                start,
                () -> {
                    long n = next.getAndIncrement();
                    if (n >= total) {
                        return null;
                    }
                    long due = start + (long) (n * interval);
                    for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                        LockSupport.parkNanos(wait);
                    }
                    return new Due(n, due);
                },
                requests,
                placed);
    }

    private Outcome run(long start, DueSource due, RequestSource requests, BiConsumer<UUID, Long> placed) {
        Latencies latencies = new Latencies();
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < CONNECTIONS; i++) {
            Thread thread = new Thread(
                    () -> {
                        for (Due request = due.next(); request != null; request = due.next()) {
                            try {
                                HttpResponse<String> response = client.send(
                                        requests.request(request.n()), HttpResponse.BodyHandlers.ofString());
                                long answered = System.nanoTime();
                                if (response.statusCode() / 100 == 2) {
                                    ok.incrementAndGet();
                                    latencies.recordNanos(answered - request.dueNanos());
                                    UUID orderId = orderId(response.body());
                                    if (orderId != null) {
                                        placed.accept(orderId, request.dueNanos());
                                    }
                                } else {
                                    failed.incrementAndGet();
                                }
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                return;
                            } catch (Exception e) {
                                failed.incrementAndGet();
                            }
                        }
                    },
                    "load-" + i);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted", e);
            }
        }
        return new Outcome(ok.get(), failed.get(), (System.nanoTime() - start) / 1e9, latencies);
    }

    /** The {@code orderId} of order-service's answer, or null for any other body. */
    private static UUID orderId(String body) {
        int at = body.indexOf("\"orderId\":\"");
        return at < 0 ? null : UUID.fromString(body.substring(at + 11, at + 11 + 36));
    }

    @FunctionalInterface
    interface RequestSource {
        HttpRequest request(long n);
    }

    private record Due(long n, long dueNanos) {}

    @FunctionalInterface
    private interface DueSource {
        Due next();
    }
}

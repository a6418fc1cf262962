package io.github.ordersync.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Places orders from many client threads at once, as real clients would: each order has its own Idempotency-Key,
 * and a client that gets a 503 (or no answer) retries with the same key until it gets its 201.
 */
final class OrderLoad {

    private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(90);
    private static final Pattern ORDER_ID = Pattern.compile("\"orderId\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    /** One order as the client saw it. {@code orderId} is null when it never got a 201. */
    record Placed(String product, int qty, String orderId, int unavailable, int otherFailures) {}

    /** What one order is: its product and quantity. */
    record Line(String product, int qty) {}

    private final List<String> orderServices;
    private final List<Line> lines;
    private final int clients;
    private final Duration interval;
    private final Instant startedAt = Instant.now();
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(4))
            .build();
    private final AtomicInteger accepted = new AtomicInteger();
    private final Map<Integer, Integer> statusCounts = new ConcurrentHashMap<>();
    private ExecutorService pool;
    private List<Future<Placed>> futures;

    private OrderLoad(List<String> orderServices, List<Line> lines, int clients, Duration interval) {
        this.orderServices = orderServices;
        this.lines = lines;
        this.clients = clients;
        this.interval = interval;
    }

    /** {@code count} orders of 1-3 items spread over the products, in an order fixed by the seed. */
    static List<Line> lines(int count, List<String> products, long seed) {
        Random random = new Random(seed);
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add(new Line(products.get(random.nextInt(products.size())), 1 + random.nextInt(3)));
        }
        return lines;
    }

    /** Starts placing the orders in the background, alternating between the order-service instances. */
    static OrderLoad start(List<String> orderServices, List<Line> lines, int clients) {
        return start(new OrderLoad(orderServices, lines, clients, Duration.ZERO));
    }

    /**
     * As {@link #start}, at a steady pace: order i is not placed before {@code i / perSecond} seconds into the load,
     * so that the load lasts long enough for something to happen in its middle.
     */
    static OrderLoad paced(List<String> orderServices, List<Line> lines, int clients, int perSecond) {
        return start(new OrderLoad(
                orderServices, lines, clients, Duration.ofSeconds(1).dividedBy(perSecond)));
    }

    private static OrderLoad start(OrderLoad load) {
        load.pool = Executors.newFixedThreadPool(load.clients);
        List<Future<Placed>> futures = new ArrayList<>();
        for (int i = 0; i < load.lines.size(); i++) {
            int index = i;
            futures.add(load.pool.submit(() -> load.place(index)));
        }
        load.futures = futures;
        load.pool.shutdown();
        return load;
    }

    /** How many orders got their 201 so far. */
    int accepted() {
        return accepted.get();
    }

    /** Responses by HTTP status, with 0 for requests that got no answer. */
    Map<Integer, Integer> statusCounts() {
        return Map.copyOf(statusCounts);
    }

    /** Waits for every client to finish and returns what each order ended with. */
    List<Placed> await() throws Exception {
        if (!pool.awaitTermination(GIVE_UP_AFTER.toSeconds() + 30, TimeUnit.SECONDS)) {
            pool.shutdownNow();
            throw new IllegalStateException("The load did not finish");
        }
        List<Placed> placed = new ArrayList<>();
        for (Future<Placed> future : futures) {
            placed.add(future.get());
        }
        return placed;
    }

    /** Whether every client has finished. */
    boolean done() {
        return pool.isTerminated();
    }

    private Placed place(int index) {
        awaitTurn(index);
        Line line = lines.get(index);
        String service = orderServices.get(index % orderServices.size());
        String key = "load-" + UUID.randomUUID();
        String body = "{\"productId\":\"" + line.product() + "\",\"qty\":" + line.qty() + ",\"unitPrice\":100}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(service + "/order-service/load/orders"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        int unavailable = 0;
        int otherFailures = 0;
        Instant giveUp = Instant.now().plus(GIVE_UP_AFTER);
        while (Instant.now().isBefore(giveUp)) {
            int status;
            String answer = "";
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                status = response.statusCode();
                answer = response.body();
            } catch (IOException e) {
                status = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            statusCounts.merge(status, 1, Integer::sum);
            if (status == 201) {
                accepted.incrementAndGet();
                Matcher id = ORDER_ID.matcher(answer);
                if (!id.find()) {
                    throw new IllegalStateException("A 201 without an order id: " + answer);
                }
                return new Placed(line.product(), line.qty(), id.group(1), unavailable, otherFailures);
            }
            if (status == 503) {
                unavailable++;
            } else {
                otherFailures++;
            }
            retryDelay();
        }
        return new Placed(line.product(), line.qty(), null, unavailable, otherFailures);
    }

    /** A paced client's wait for its order's turn; this is the simulated clients' pace, not a test wait. */
    private void awaitTurn(int index) {
        Instant turn = startedAt.plus(interval.multipliedBy(index));
        for (Instant now = Instant.now(); now.isBefore(turn); now = Instant.now()) {
            LockSupport.parkNanos(Duration.between(now, turn).toNanos());
        }
    }

    /** A client's pause before it retries, as Retry-After asks; this is the simulated client, not a test wait. */
    private static void retryDelay() {
        LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
    }
}

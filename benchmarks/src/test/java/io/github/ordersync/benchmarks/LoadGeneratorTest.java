package io.github.ordersync.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.github.ordersync.orderrules.Ids;
import io.github.ordersync.orderrules.RecordFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoadGeneratorTest {

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/order-service/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            int n = requests.incrementAndGet();
            byte[] body = ("{\"orderId\":\"" + UUID.randomUUID() + "\",\"qty\":1}").getBytes(StandardCharsets.UTF_8);
            // every fifth answer ends its connection, as Tomcat does after maxKeepAliveRequests
            if (n % 5 == 0) {
                exchange.getResponseHeaders().add("Connection", "close");
            }
            exchange.sendResponseHeaders(201, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void anOpenLoopSendsEveryDueRequestAndNotesEachOrderIdWithItsDueTime() {
        LoadGenerator load =
                new LoadGenerator("http://127.0.0.1:" + server.getAddress().getPort());

        LoadGenerator.Outcome outcome =
                load.openLoop(load.placeOrders("user-", n -> "P-" + n % 3), 200, Duration.ofSeconds(1));

        assertThat(outcome.failed()).isZero();
        assertThat(outcome.ok()).isEqualTo(200);
        assertThat(outcome.placed()).hasSize(200);
        assertThat(outcome.latencies().count()).isEqualTo(200);
        assertThat(requests).hasValue(200);
        assertThat(outcome.generatorCpuSeconds()).isPositive();
    }

    @Test
    void aClosedLoopKeepsItsConnectionsBusyAndCountsAClosedConnectionAsNoFailure() {
        LoadGenerator load =
                new LoadGenerator("http://127.0.0.1:" + server.getAddress().getPort());

        LoadGenerator.Outcome outcome = load.closedLoop(load.placeOrders("user-", n -> "P-1"), Duration.ofSeconds(1));

        assertThat(outcome.failed()).isZero();
        assertThat(outcome.ok()).isEqualTo(requests.get()).isGreaterThan(LoadGenerator.CLOSED_LOOP_CONNECTIONS);
    }

    @Test
    void aResponseIsCompleteOnlyWithItsWholeBody() {
        byte[] response = "HTTP/1.1 201 \r\nContent-Type: application/json\r\nContent-Length: 4\r\n\r\n{}{}"
                .getBytes(StandardCharsets.US_ASCII);

        assertThat(LoadGenerator.responseLength(response, response.length)).isEqualTo(response.length);
        assertThat(LoadGenerator.responseLength(response, response.length - 1)).isEqualTo(-1);
        assertThat(LoadGenerator.responseLength(response, 20)).isEqualTo(-1);
    }

    @Test
    void aChunkedResponseEndsWithItsEmptyChunk() {
        byte[] response = "HTTP/1.1 200 \r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII);

        assertThat(LoadGenerator.responseLength(response, response.length)).isEqualTo(response.length);
        assertThat(LoadGenerator.responseLength(response, response.length - 2)).isEqualTo(-1);
    }

    @Test
    void connectionCloseIsReadFromTheHeadersOnly() {
        byte[] closing =
                "HTTP/1.1 200 \r\nConnection: close\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] keptAlive =
                "HTTP/1.1 200 \r\nContent-Length: 19\r\n\r\nConnection: close\r\n".getBytes(StandardCharsets.US_ASCII);

        assertThat(LoadGenerator.closes(closing, closing.length)).isTrue();
        assertThat(LoadGenerator.closes(keptAlive, keptAlive.length)).isFalse();
    }

    @Test
    void backlogOrderIdsAreValidOrderIdsInOneRangeOfTheKey() {
        Backlog backlog = new Backlog(2, "topic", n -> "P", 1_000, RecordFormat.ENVELOPE, null);

        assertThat(Ids.isOrderId(backlog.firstId())).isTrue();
        assertThat(Ids.isOrderId(backlog.lastId())).isTrue();
        assertThat(Backlog.orderId(2, 500).toString()).isBetween(backlog.firstId(), backlog.lastId());
        assertThat(Backlog.orderId(1, 999).toString()).isLessThan(backlog.firstId());
        assertThat(Backlog.orderId(3, 0).toString()).isGreaterThan(backlog.lastId());
    }
}

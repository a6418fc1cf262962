package io.github.ordersync.catalogservice.sales;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ordersync.orderrules.StrictJsonConverter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sales topology on Kafka Streams' test driver: no broker, the topology's own stores and topics. */
class SalesTopologyTest {

    private static final String OUTCOMES = "order-outcomes";
    private static final Instant T0 = DecidedRecords.AT;

    private final TopologyTestDriver driver = driver();
    private final TestInputTopic<String, byte[]> outcomes =
            driver.createInputTopic(OUTCOMES, new StringSerializer(), new ByteArraySerializer());

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void confirmedQuantityRevenueAndRejectionsAddUpPerProduct() {
        for (int i = 0; i < 3; i++) {
            decide(DecidedRecords.confirmed("CATALOG-002", 2, 1000), T0.plusSeconds(i));
        }
        decide(
                DecidedRecords.rejected("CATALOG-002", 500, 1000, "Insufficient stock for CATALOG-002: 500 requested"),
                T0);
        decide(DecidedRecords.rejected("CATALOG-002", 1, 1, "Price of CATALOG-002 is 1000, the order says 1"), T0);
        decide(DecidedRecords.confirmed("CATALOG-001", 1, 1500), T0);

        assertThat(queries(T0).totals())
                .containsExactly(
                        new SalesQueries.ProductSalesView("CATALOG-001", 1, 1500, 0, Map.of()),
                        new SalesQueries.ProductSalesView(
                                "CATALOG-002", 6, 6000, 2, Map.of("insufficient-stock", 1L, "wrong-price", 1L)));
    }

    @Test
    void anOutcomeDeliveredAgainCountsOnce() {
        byte[] outcome = DecidedRecords.confirmed("CATALOG-002", 2, 1000);

        decide(outcome, T0);
        decide(outcome, T0);
        // catalog-service publishes the stored decision again when the order is redelivered, hours later
        decide(outcome, T0.plus(Duration.ofHours(5)));

        assertThat(queries(T0).totals())
                .containsExactly(new SalesQueries.ProductSalesView("CATALOG-002", 2, 2000, 0, Map.of()));
    }

    @Test
    void recordsTheOrderRulesRefuseAreNoSale() {
        decide("not an order".getBytes(StandardCharsets.UTF_8), T0);
        decide(DecidedRecords.confirmed("CATALOG-002", 0, 1000), T0);

        assertThat(queries(T0).totals()).isEmpty();
    }

    @Test
    void confirmedSalesFallIntoTheirMinuteAndTheLastSixtyMinutesAreListed() {
        decide(DecidedRecords.confirmed("CATALOG-002", 2, 1000), T0.plusSeconds(5));
        decide(DecidedRecords.confirmed("CATALOG-002", 3, 1000), T0.plusSeconds(59));
        decide(DecidedRecords.confirmed("CATALOG-002", 1, 1000), T0.plusSeconds(60 * 2 + 1));
        decide(DecidedRecords.rejected("CATALOG-002", 9, 1000, "Insufficient stock for CATALOG-002: 9 requested"), T0);
        decide(DecidedRecords.confirmed("CATALOG-0021", 7, 10), T0);

        List<SalesQueries.MinuteView> minutes =
                queries(T0.plusSeconds(60 * 2 + 30)).perMinute("CATALOG-002");

        assertThat(minutes).hasSize(60);
        assertThat(minutes.get(59)).isEqualTo(new SalesQueries.MinuteView(T0.plusSeconds(120), 1, 1000));
        assertThat(minutes.get(58)).isEqualTo(new SalesQueries.MinuteView(T0.plusSeconds(60), 0, 0));
        assertThat(minutes.get(57)).isEqualTo(new SalesQueries.MinuteView(T0, 5, 5000));
        assertThat(minutes.subList(0, 57))
                .allSatisfy(minute -> assertThat(minute.confirmedQty()).isZero());
    }

    @Test
    void topFiveAreTheProductsWithTheMostRevenueInTheLastHour() {
        decide(DecidedRecords.confirmed("OLD-1", 100, 1000), T0.minus(Duration.ofMinutes(90)));
        for (int product = 1; product <= 6; product++) {
            decide(DecidedRecords.confirmed("P-" + product, product, 100), T0.plusSeconds(product));
        }

        assertThat(queries(T0.plusSeconds(30)).top())
                .extracting(SalesQueries.TopView::productId, SalesQueries.TopView::revenue)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("P-6", 600L),
                        org.assertj.core.groups.Tuple.tuple("P-5", 500L),
                        org.assertj.core.groups.Tuple.tuple("P-4", 400L),
                        org.assertj.core.groups.Tuple.tuple("P-3", 300L),
                        org.assertj.core.groups.Tuple.tuple("P-2", 200L));
    }

    private void decide(byte[] outcome, Instant at) {
        outcomes.pipeInput("key", outcome, at);
    }

    private SalesQueries queries(Instant now) {
        return new SalesQueries(
                driver.getKeyValueStore(SalesTopology.TOTALS),
                driver.getKeyValueStore(SalesTopology.PER_MINUTE),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    private static TopologyTestDriver driver() {
        StreamsBuilder builder = new StreamsBuilder();
        SalesTopology.addTo(
                builder,
                OUTCOMES,
                StrictJsonConverter.forValues(),
                new SalesTopics("sales-totals", "sales-per-minute"));
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "sales-topology-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
        // every update reaches the topics at once, as a commit would send it
        config.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        return new TopologyTestDriver(builder.build(), config);
    }
}

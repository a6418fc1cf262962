package io.github.ordersync.catalogservice.sales;

import io.github.ordersync.orderrules.Ids;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.util.List;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Live sales, answered from the sales topology's global stores: any instance answers for every product. */
@RestController
@RequestMapping("/catalog-service/sales")
@Tag(name = "Sales", description = "Confirmed quantity, revenue and rejections per product, counted by Kafka Streams")
class SalesController {

    private final StreamsBuilderFactoryBean streams;
    private final Clock clock = Clock.systemUTC();

    SalesController(StreamsBuilderFactoryBean streams) {
        this.streams = streams;
    }

    @GetMapping
    @Operation(summary = "Every product with an outcome: confirmed quantity and revenue, rejected orders by kind")
    @ApiResponse(responseCode = "503", description = "The sales are being restored; try again shortly")
    List<SalesQueries.ProductSalesView> sales() {
        return queries().totals();
    }

    @GetMapping("/{productId}/per-minute")
    @Operation(summary = "A product's confirmed sales in each of the last 60 minutes, oldest first")
    @ApiResponse(responseCode = "503", description = "The sales are being restored; try again shortly")
    List<SalesQueries.MinuteView> perMinute(
            @Parameter(example = "CATALOG-002")
                    @PathVariable
                    @Pattern(regexp = Ids.PRODUCT_ID_PATTERN, message = Ids.PRODUCT_ID_MESSAGE)
                    String productId) {
        return queries().perMinute(productId);
    }

    @GetMapping("/top")
    @Operation(summary = "The five products with the highest revenue in the last hour")
    @ApiResponse(responseCode = "503", description = "The sales are being restored; try again shortly")
    List<SalesQueries.TopView> top() {
        return queries().top();
    }

    private SalesQueries queries() {
        KafkaStreams kafkaStreams = streams.getKafkaStreams();
        if (kafkaStreams == null) {
            throw notReady();
        }
        try {
            return new SalesQueries(
                    store(kafkaStreams, SalesTopology.TOTALS), store(kafkaStreams, SalesTopology.PER_MINUTE), clock);
        } catch (InvalidStateStoreException e) {
            throw notReady();
        }
    }

    private static <V> ReadOnlyKeyValueStore<String, V> store(KafkaStreams kafkaStreams, String name) {
        return kafkaStreams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.keyValueStore()));
    }

    private static ErrorResponseException notReady() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE, "The sales are being restored from Kafka. Try again shortly.");
        problem.setTitle("Sales not ready");
        ErrorResponseException notReady = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, null);
        notReady.getHeaders().set(HttpHeaders.RETRY_AFTER, "2");
        return notReady;
    }
}

package io.github.ordersync.orderservice.sink;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** The part of Kafka Connect's {@code GET /connectors/{name}/status} answer the health check reads. */
@JsonIgnoreProperties(ignoreUnknown = true)
record ConnectorStatus(String name, State connector, List<Task> tasks) {

    static final String RUNNING = "RUNNING";
    static final String FAILED = "FAILED";

    @JsonIgnoreProperties(ignoreUnknown = true)
    record State(String state, String trace) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Task(int id, String state, String trace) {}
}

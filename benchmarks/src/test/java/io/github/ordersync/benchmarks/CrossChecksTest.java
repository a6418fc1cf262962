package io.github.ordersync.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CrossChecksTest {

    @Test
    void heyCountsOnlyItsTwoHundredAnswers() {
        String report = """
                Summary:
                  Total:\t10.0012 secs
                  Requests/sec:\t1500.0000

                Status code distribution:
                  [201]\t12000 responses
                  [422]\t3000 responses
                """;

        assertThat(CrossChecks.successesPerSecond("hey", report)).isCloseTo(1_199.9, within(0.1));
    }

    @Test
    void wrkLeavesOutItsNonTwoHundredAnswers() {
        String report = """
                  30000 requests in 10.00s, 9.00MB read
                  Non-2xx or 3xx responses: 10000
                Requests/sec:   3000.00
                """;

        assertThat(CrossChecks.successesPerSecond("wrk", report)).isCloseTo(2_000, within(0.1));
    }
}

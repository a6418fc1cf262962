package io.github.ordersync.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ordersync.systemtests.Databases.Books;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReliabilityReportTest {

    private static final Books BEFORE = new Books(10, 6, 4, Map.of("A", 2, "B", 5), Map.of("A", 8, "B", 0));

    @Test
    void replayThatChangesNothingHasNothingLostDoubledOrOversold() {
        ReliabilityReport.Line line = ReliabilityReport.replayed("replay", 10, BEFORE, BEFORE);

        assertThat(line.lost()).isZero();
        assertThat(line.doubled()).isZero();
        assertThat(line.oversold()).isZero();
    }

    @Test
    void replayThatDecidesOrdersAgainCountsThemDoubledAndTheItemsBeyondTheStockLeftOversold() {
        // 3 decisions more, 6 more items of A confirmed with 2 left, stock held at 0 by the table's CHECK
        Books after = new Books(12, 9, 4, Map.of("A", 0, "B", 5), Map.of("A", 14, "B", 0));

        ReliabilityReport.Line line = ReliabilityReport.replayed("replay", 10, BEFORE, after);

        assertThat(line.doubled()).isEqualTo(2 + 3 + 2);
        assertThat(line.oversold()).isEqualTo(4);
        assertThat(line.lost()).isZero();
    }

    @Test
    void replayThatLosesRowsAndDecisionsCountsThemLost() {
        Books after = new Books(9, 5, 4, BEFORE.stock(), BEFORE.confirmedQty());

        assertThat(ReliabilityReport.replayed("replay", 10, BEFORE, after).lost())
                .isEqualTo(1 + 1);
    }
}

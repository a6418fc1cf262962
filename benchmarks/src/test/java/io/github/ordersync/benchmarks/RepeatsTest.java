package io.github.ordersync.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class RepeatsTest {

    @Test
    void theFigureOfAStageMeasuredThreeTimesIsTheMiddleOneAndItsRangeIsShownBesideIt() {
        Results.Repeats rates = new Results.Repeats(List.of(1_200.0, 900.0, 1_000.0));

        assertThat(rates.median()).isEqualTo(1_000.0);
        assertThat(rates.min()).isEqualTo(900.0);
        assertThat(rates.max()).isEqualTo(1_200.0);
        assertThat(Report.rates(rates)).isEqualTo("1,000 (900–1,200)");
    }

    @Test
    void theMeasurementKeptForItsLatenciesIsTheOneWithTheMedianRate() {
        List<String> summaries = List.of("300 records/sec", "100 records/sec", "200 records/sec");

        assertThat(Results.Repeats.medianOf(summaries, summary -> Double.parseDouble(summary.split(" ")[0])))
                .isEqualTo("200 records/sec");
    }

    @Test
    void anEvenNumberOfMeasurementsHasTheMeanOfItsTwoMiddleOnesAsMedian() {
        assertThat(new Results.Repeats(List.of(4.0, 1.0, 2.0, 3.0)).median()).isEqualTo(2.5);
    }

    @Test
    void aStageThatWasNeverMeasuredIsAMistakeNotAZero() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Results.Repeats(List.of()));
    }
}

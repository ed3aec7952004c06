package dev.kafkasim.kafka.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeliveryReportTest {

    @Test
    void totalsSumStreams() {
        Map<String, StreamReport> streams = new LinkedHashMap<>();
        streams.put("a", new StreamReport("a", 10, 12, 1, 3, List.of(4L), List.of(1L, 2L, 2L)));
        streams.put("b", new StreamReport("b", 5, 5, 0, 0, List.of(), List.of()));

        DeliveryReport report = DeliveryReport.of(streams);

        assertThat(report.consumed()).isEqualTo(17);
        assertThat(report.missing()).isEqualTo(1);
        assertThat(report.duplicates()).isEqualTo(3);
        assertThat(report.streams().keySet()).containsExactly("a", "b");
    }

    @Test
    void summaryLineHasFixedFormat() {
        DeliveryReport report = DeliveryReport.of(Map.of("s", new StreamReport("s", 3, 3, 0, 0, List.of(), List.of())));

        assertThat(report.summaryLine(3, 3))
                .isEqualTo("verified: generated=3 acknowledged=3 consumed=3 missing=0 duplicates=0");
    }

    @Test
    void cleanReportPassesAssertions() {
        DeliveryReport report = DeliveryReport.of(Map.of("s", new StreamReport("s", 3, 3, 0, 0, List.of(), List.of())));

        assertThatCode(report::assertNoLoss).doesNotThrowAnyException();
        assertThatCode(report::assertNoDuplicates).doesNotThrowAnyException();
    }
}

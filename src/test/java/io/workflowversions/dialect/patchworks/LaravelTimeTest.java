package io.workflowversions.dialect.patchworks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Patchworks' timestamps: written with microseconds in UTC, read in the forms the API accepts. */
class LaravelTimeTest {

    @Test
    void writesUtcWithSixFractionDigits() {
        assertThat(LaravelTime.format(OffsetDateTime.parse("2025-01-31T11:15:00+01:00")))
                .isEqualTo("2025-01-31T10:15:00.000000Z");
        assertThat(LaravelTime.format(OffsetDateTime.parse("2025-01-31T10:15:00.123456789Z")))
                .isEqualTo("2025-01-31T10:15:00.123456Z");
        assertThat(LaravelTime.utc(null)).isNull();
        assertThat(LaravelTime.utc(Instant.EPOCH)).isEqualTo(OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
    }

    @Test
    void readsOffsetsLocalTimesAndDatesAsUtc() {
        assertThat(LaravelTime.parse("2025-01-31T10:15:00+02:00")).contains(Instant.parse("2025-01-31T08:15:00Z"));
        assertThat(LaravelTime.parse("2025-01-31T10:15:00Z")).contains(Instant.parse("2025-01-31T10:15:00Z"));
        assertThat(LaravelTime.parse("2025-01-31T10:15:00")).contains(Instant.parse("2025-01-31T10:15:00Z"));
        assertThat(LaravelTime.parse("2025-01-31 10:15:00")).contains(Instant.parse("2025-01-31T10:15:00Z"));
        assertThat(LaravelTime.parse(" 2025-01-31 ")).contains(Instant.parse("2025-01-31T00:00:00Z"));
    }

    @Test
    void keepsMicrosecondsAsTheDatabaseDoes() {
        assertThat(LaravelTime.parse("2025-01-31T10:15:00.123456789Z")).contains(Instant.parse("2025-01-31T10:15:00.123456Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "2025-13-01", "2025-02-30T10:00:00Z", "10:15:00", "0000-01-01T00:00:00Z",
            "+10000-01-01T00:00:00Z", "2025-01-31T10:15:00+25:00", "2025-01-31T10:15:00.0000000000000000000000000000000000000000000000000000Z"})
    void refusesEverythingElse(String text) {
        assertThat(LaravelTime.parse(text)).isEmpty();
    }

    @Test
    void refusesNull() {
        assertThat(LaravelTime.parse(null)).isEmpty();
    }
}

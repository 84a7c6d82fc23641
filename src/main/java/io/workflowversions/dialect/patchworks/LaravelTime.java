package io.workflowversions.dialect.patchworks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Timestamps as the dialect writes them ({@code 2025-01-31T10:15:00.000000Z}) and the forms it accepts. */
final class LaravelTime {

    private static final DateTimeFormatter WRITTEN = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
            .appendFraction(ChronoField.MICRO_OF_SECOND, 6, 6, true)
            .appendLiteral('Z')
            .toFormatter();

    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private LaravelTime() {
    }

    static String format(OffsetDateTime time) {
        return WRITTEN.format(time.withOffsetSameInstant(ZoneOffset.UTC));
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** An instant as the dialect writes it; null stays null (Laravel writes it so). */
    static String text(Instant instant) {
        return instant == null ? null : format(utc(instant));
    }

    /**
     * An RFC 3339 date-time (any offset), or a date-time without offset or a date (read as UTC); years 1 to 9999.
     * Kept to microseconds, as the database keeps it.
     */
    static Optional<Instant> parse(String text) {
        if (text == null || text.length() > 64) {
            return Optional.empty();
        }
        String value = text.trim();
        Instant instant = null;
        try {
            instant = OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            try {
                instant = LocalDateTime.parse(value, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                try {
                    instant = LocalDateTime.parse(value, SPACED).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException e3) {
                    try {
                        instant = LocalDate.parse(value, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay().toInstant(ZoneOffset.UTC);
                    } catch (DateTimeParseException e4) {
                        return Optional.empty();
                    }
                }
            }
        }
        int year = instant.atOffset(ZoneOffset.UTC).getYear();
        if (year < 1 || year > 9999) {
            return Optional.empty();
        }
        return Optional.of(instant.truncatedTo(ChronoUnit.MICROS));
    }
}

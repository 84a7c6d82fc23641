package io.workflowversions.dialect.patchworks;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Standard 5-field cron, strictly: minute, hour, day of month, month (1-12 or JAN-DEC) and day of week (0-7, where 0
 * and 7 are Sunday, or SUN-SAT). A field is a comma-separated list of {@code *}, a value, a range {@code a-b}, or a
 * step {@code *}{@code /n} or {@code a-b/n}. Names are 3 letters, any case. Seconds or year fields, Quartz tokens
 * ({@code ? L W #}) and macros ({@code @daily}) are refused.
 */
final class CronRule {

    static final int MAX_LENGTH = 255;
    static final String SUBJECT = "The cron string field";

    private record Field(String name, int min, int max, List<String> names, String allowed) {
    }

    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP",
            "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,2}");

    private static final List<Field> FIELDS = List.of(
            new Field("minute", 0, 59, List.of(), "0-59"),
            new Field("hour", 0, 23, List.of(), "0-23"),
            new Field("day of month", 1, 31, List.of(), "1-31"),
            new Field("month", 1, 12, MONTHS, "1-12 or JAN-DEC"),
            new Field("day of week", 0, 7, DAYS, "0-7 or SUN-SAT"));

    private CronRule() {
    }

    /** Why the (already trimmed, non-empty) expression is not valid cron, or empty when it is. */
    static Optional<String> problem(String expression) {
        if (expression.length() > MAX_LENGTH) {
            return Optional.of(SUBJECT + " must not be greater than " + MAX_LENGTH + " characters.");
        }
        if (expression.startsWith("@")) {
            return Optional.of(SUBJECT + " must not be a macro such as @daily; use the 5 fields minute, hour,"
                    + " day of month, month and day of week.");
        }
        String[] parts = expression.split("\\s+");
        if (parts.length != FIELDS.size()) {
            return Optional.of(SUBJECT + " must have exactly 5 fields (minute, hour, day of month, month and day of"
                    + " week); it has " + parts.length + ".");
        }
        for (int i = 0; i < parts.length; i++) {
            Field field = FIELDS.get(i);
            if (!validField(parts[i], field)) {
                return Optional.of(SUBJECT + " has an invalid " + field.name() + " field `" + parts[i]
                        + "`; allowed values are " + field.allowed() + ".");
            }
        }
        return Optional.empty();
    }

    private static boolean validField(String text, Field field) {
        if (text.isEmpty() || text.startsWith(",") || text.endsWith(",")) {
            return false;
        }
        for (String item : text.split(",", -1)) {
            if (!validItem(item, field)) {
                return false;
            }
        }
        return true;
    }

    private static boolean validItem(String item, Field field) {
        String range = item;
        int slash = item.indexOf('/');
        if (slash >= 0) {
            range = item.substring(0, slash);
            Integer step = number(item.substring(slash + 1));
            if (step == null || step < 1 || step > field.max() || !(range.equals("*") || range.contains("-"))) {
                return false;
            }
        }
        if (range.equals("*")) {
            return true;
        }
        int dash = range.indexOf('-');
        if (dash >= 0) {
            Integer from = value(range.substring(0, dash), field);
            Integer to = value(range.substring(dash + 1), field);
            return from != null && to != null && from <= to;
        }
        return value(range, field) != null;
    }

    /** A value of the field: a number in range or one of its names; null when it is neither. */
    private static Integer value(String text, Field field) {
        Integer number = number(text);
        if (number != null) {
            return number >= field.min() && number <= field.max() ? number : null;
        }
        int index = text.length() == 3 ? field.names().indexOf(text.toUpperCase(Locale.ROOT)) : -1;
        if (index < 0) {
            return null;
        }
        return field.names() == MONTHS ? index + 1 : index;
    }

    /** One or two ASCII digits; anything else (signs, spaces, letters, long numbers) is null. */
    private static Integer number(String text) {
        return DIGITS.matcher(text).matches() ? Integer.parseInt(text) : null;
    }
}

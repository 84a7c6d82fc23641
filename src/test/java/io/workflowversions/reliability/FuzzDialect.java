package io.workflowversions.reliability;

import io.restassured.response.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** What the write fuzzer needs of one dialect: its spec, fresh tenants, a valid seed per write operation, its envelope. */
interface FuzzDialect {

    String spec();

    /** A fresh tenant with real credentials and the data the seeds aim at. */
    Tenants newTenant();

    /** A valid request of every write operation of the spec, keyed by "METHOD /template" as the spec has it. */
    Map<String, Seed> seeds();

    /** Asserts that an answer of 400 or more is in the dialect's error envelope. */
    void checkError(FuzzRequest request, Response answer);

    /**
     * A valid request of one operation. {@code request} makes it for the tenant, creating first what it needs to stay
     * valid however often it is sent (a fresh version to delete, a fresh draft to submit); {@code onSuccess} is what
     * a 2xx answer may change; {@code afterSuccess} repairs what a 2xx used up (an ended session).
     */
    record Seed(Function<Tenants, FuzzRequest> request, Change onSuccess, Runnable afterSuccess) {

        static Seed of(Function<Tenants, FuzzRequest> request, Change onSuccess) {
            return new Seed(request, onSuccess, () -> { });
        }
    }

    /** The row counts a successful write may change, each within a range; the tables it does not name keep theirs. */
    record Change(Map<String, long[]> ranges) {

        static final long ANY = 1_000_000;

        static Change none() {
            return new Change(Map.of());
        }

        Change with(String table, long min, long max) {
            Map<String, long[]> changed = new LinkedHashMap<>(ranges);
            changed.put(table, new long[] {min, max});
            return new Change(changed);
        }

        /** What is wrong with the change from before to after, or null when it is allowed. */
        String check(Map<String, Object> before, Map<String, Object> after) {
            StringBuilder wrong = new StringBuilder();
            for (String table : TenantRows.tables()) {
                long delta = ((Number) after.get(table)).longValue() - ((Number) before.get(table)).longValue();
                long[] range = ranges.getOrDefault(table, new long[] {0, 0});
                if (delta < range[0] || delta > range[1]) {
                    wrong.append(table).append(" changed by ").append(delta).append(" (allowed ").append(range[0])
                            .append("..").append(range[1]).append("); ");
                }
            }
            return wrong.isEmpty() ? null : wrong.toString();
        }
    }
}

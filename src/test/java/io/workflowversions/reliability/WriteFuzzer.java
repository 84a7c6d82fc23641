package io.workflowversions.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.sessions.JqwikSession;

/**
 * Sends mutated valid requests of every write operation of one dialect and checks each answer: never 5xx; an answer
 * of 400 or more is in the dialect's envelope and leaves every row of the tenant as it was; a 2xx changes the row
 * counts only as far as its operation allows. The operations are read from the spec, so a write operation without
 * a seed fails the run. Every problem found is collected, so one run reports all of them.
 */
final class WriteFuzzer {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    /** Cases sent per tenant before the next fresh tenant, which keeps the fingerprinted rows few. */
    private static final int CASES_PER_TENANT = 500;
    private static final int MAX_REPORTED = 20;

    /** What a run did, for the log and the assertions. */
    record Report(String dialect, long seed, int cases, long seconds, Map<Integer, Integer> statuses,
            Map<String, Integer> perOperation, List<String> problems) {

        String summary() {
            return "[reliability] write fuzzing " + dialect + ": " + cases + " cases in " + seconds + " s, seed " + seed + ", statuses "
                    + statuses + ", 5xx " + statuses.entrySet().stream().filter(s -> s.getKey() >= 500)
                            .mapToInt(Map.Entry::getValue).sum() + ", problems " + problems.size();
        }
    }

    private WriteFuzzer() {
    }

    static List<String> writeOperations(String spec) {
        List<String> writes = new ArrayList<>();
        for (String operation : IsolationMatrixTest.operations(spec)) {
            if (WRITES.contains(operation.substring(0, operation.indexOf(' ')))) {
                writes.add(operation);
            }
        }
        return writes;
    }

    static Report run(FuzzDialect dialect, int cases, long seed) {
        List<String> operations = writeOperations(dialect.spec());
        Map<String, FuzzDialect.Seed> seeds = dialect.seeds();
        assertThat(new TreeSet<>(seeds.keySet())).as("write operations of " + dialect.spec()
                + " (give every new one a valid seed request)").isEqualTo(new TreeSet<>(operations));

        Map<Integer, Integer> statuses = new TreeMap<>();
        Map<String, Integer> perOperation = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        int sent = 0;
        long start = System.nanoTime();
        JqwikSession.start();
        try (TenantRows rows = new TenantRows()) {
            RandomGenerator<Mutations.Mutation> mutations = Mutations.mutations().generatorWithEmbeddedEdgeCases(1000);
            Random random = new Random(seed);
            Tenants tenant = dialect.newTenant();
            seedsAreValid(dialect, seeds, tenant, rows);
            for (int i = 0; i < cases; i++) {
                if (i > 0 && i % CASES_PER_TENANT == 0) {
                    tenant = dialect.newTenant();
                }
                String operation = operations.get(i % operations.size());
                FuzzDialect.Seed valid = seeds.get(operation);
                FuzzRequest request = mutations.next(random).value().apply(valid.request().apply(tenant));
                Map<String, Object> before = rows.of(tenant);
                Response answer = request.send(tenant.auth());
                Map<String, Object> after = rows.of(tenant);
                sent++;
                statuses.merge(answer.statusCode(), 1, Integer::sum);
                perOperation.merge(operation, 1, Integer::sum);
                String problem = problem(dialect, valid, request, answer, before, after);
                if (problem != null && problems.size() < MAX_REPORTED) {
                    problems.add("case " + i + ": " + problem + "\n    request: " + request.describe()
                            + "\n    answer: " + answer.statusCode() + " " + shorten(answer.asString()));
                }
                if (answer.statusCode() < 300) {
                    valid.afterSuccess().run();
                }
            }
        } finally {
            JqwikSession.finish();
        }
        Report report = new Report(dialect.spec(), seed, sent, (System.nanoTime() - start) / 1_000_000_000, statuses, perOperation, problems);
        System.out.println(report.summary());
        System.out.println("[reliability] write fuzzing " + dialect.spec() + " per operation: " + perOperation);
        return report;
    }

    /** Each seed unmutated is a valid request: answered 2xx with an allowed change. */
    private static void seedsAreValid(FuzzDialect dialect, Map<String, FuzzDialect.Seed> seeds, Tenants tenant, TenantRows rows) {
        seeds.forEach((operation, seed) -> {
            FuzzRequest request = seed.request().apply(tenant);
            Map<String, Object> before = rows.of(tenant);
            Response answer = request.send(tenant.auth());
            Map<String, Object> after = rows.of(tenant);
            assertThat(answer.statusCode()).as("the seed of " + operation + ": " + shorten(answer.asString())).isBetween(200, 299);
            assertThat(seed.onSuccess().check(before, after)).as("the seed of " + operation).isNull();
            seed.afterSuccess().run();
        });
    }

    private static String problem(FuzzDialect dialect, FuzzDialect.Seed valid, FuzzRequest request, Response answer, Map<String, Object> before,
            Map<String, Object> after) {
        int status = answer.statusCode();
        if (status >= 500) {
            return "answered " + status;
        }
        if (status >= 400) {
            try {
                dialect.checkError(request, answer);
                assertThat(answer.asString()).doesNotContain("Exception").doesNotContain("\tat ");
            } catch (AssertionError e) {
                return "not the dialect's error envelope: " + e.getMessage();
            }
            return after.equals(before) ? null : "refused, yet rows changed: " + before + " -> " + after;
        }
        String wrong = valid.onSuccess().check(before, after);
        return wrong == null ? null : "a success with an unexpected change: " + wrong;
    }

    private static String shorten(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}

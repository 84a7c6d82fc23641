package io.workflowversions.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Generated fuzzing of every write operation of every dialect: each case takes a valid request of one operation
 * (the operations are read from the spec) and mutates it with jqwik generators (dropped, duplicated and renamed
 * fields, changed types, extreme numbers, long, unicode, control and hostile strings, truncated and bit-flipped
 * bytes, wrong ids in the path, deep nesting, wrong content types and headers), sends it over HTTP with a fresh
 * tenant's real credentials and checks: no 5xx, errors in the dialect's envelope, no row changed by a refused
 * request, no more changed by a successful one than its operation allows.
 *
 * <p>{@code -Dfuzz.cases=N} sets the cases per dialect (2,000 by default) and {@code -Dfuzz.seed=S} repeats a run;
 * every run prints its seed.
 */
@QuarkusTest
class WriteFuzzTest {

    private static final int CASES = Integer.getInteger("fuzz.cases", 2_000);
    private static final long SEED = Long.getLong("fuzz.seed", System.nanoTime());

    @Test
    void fortanix() {
        fuzz(new FortanixFuzz());
    }

    @Test
    void secmaster() {
        fuzz(new SecmasterFuzz());
    }

    @Test
    void frankieone() {
        fuzz(new FrankieOneFuzz());
    }

    @Test
    void patchworks() {
        fuzz(new PatchworksFuzz());
    }

    private static void fuzz(FuzzDialect dialect) {
        WriteFuzzer.Report report = WriteFuzzer.run(dialect, CASES, SEED);
        assertThat(report.cases()).isEqualTo(CASES);
        assertThat(report.perOperation()).as("every write operation fuzzed")
                .hasSameSizeAs(WriteFuzzer.writeOperations(dialect.spec()));
        assertThat(report.problems()).as("problems found with seed " + SEED + " (repeat with -Dfuzz.seed=" + SEED + ")")
                .isEmpty();
    }
}

package io.workflowversions.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Generated fuzzing of every write operation of every dialect: each case takes a valid request of one operation
 * (the operations are read from the spec) and mutates it with jqwik generators (dropped, duplicated and renamed
 * fields, changed types, extreme numbers, long, unicode, control and hostile strings, truncated and bit-flipped
 * bytes, wrong ids in the path, deep nesting, wrong content types and headers), sends it over HTTP with a fresh
 * tenant's real credentials and checks: no 5xx, errors in the dialect's envelope, no row changed by a refused
 * request, no more changed by a successful one than its operation allows.
 *
 * <p>An ordinary run uses the committed seeds of {@code fuzz/seeds.txt} (every seed that ever found a bug among
 * them), so that the same commit always fuzzes the same cases. {@code -Dfuzz.seed=random} explores with a new seed,
 * {@code -Dfuzz.seed=S} repeats one, {@code -Dfuzz.cases=N} sets the cases per dialect and seed (2,000 by default);
 * every run prints its seed.
 */
@QuarkusTest
class WriteFuzzTest {

    private static final int CASES = Integer.getInteger("fuzz.cases", 2_000);
    private static final List<Long> SEEDS = seeds(System.getProperty("fuzz.seed", ""));

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
        for (long seed : SEEDS) {
            WriteFuzzer.Report report = WriteFuzzer.run(dialect, CASES, seed);
            assertThat(report.cases()).isEqualTo(CASES);
            assertThat(report.perOperation()).as("every write operation fuzzed")
                    .hasSameSizeAs(WriteFuzzer.writeOperations(dialect.spec()));
            assertThat(report.problems()).as("problems found with seed " + seed + " (repeat with -Dfuzz.seed=" + seed + ")")
                    .isEmpty();
        }
    }

    /** The seeds of this run: the committed list, one given seed, or a new one for {@code random}. */
    static List<Long> seeds(String property) {
        if (property.isBlank()) {
            return committedSeeds();
        }
        if (property.equals("random")) {
            return List.of(System.nanoTime());
        }
        return List.of(Long.parseLong(property.trim()));
    }

    static List<Long> committedSeeds() {
        try (InputStream in = WriteFuzzTest.class.getResourceAsStream("/fuzz/seeds.txt")) {
            if (in == null) {
                throw new IllegalStateException("fuzz/seeds.txt is missing from the test resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(line -> line.replaceAll("#.*", "").trim())
                    .filter(line -> !line.isEmpty())
                    .map(Long::parseLong)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

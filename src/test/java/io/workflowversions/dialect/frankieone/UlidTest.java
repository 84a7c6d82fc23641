package io.workflowversions.dialect.frankieone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** FrankieOne's ULIDs: 26 Crockford base32 characters, a millisecond timestamp first, then 80 random bits. */
class UlidTest {

    @Test
    void theTimestampAndTheRandomBitsAreCrockfordEncoded() {
        assertThat(Ulid.of(0, new byte[10])).isEqualTo("00000000000000000000000000");
        byte[] ones = new byte[10];
        Arrays.fill(ones, (byte) 0xFF);
        assertThat(Ulid.of(0xFFFFFFFFFFFFL, ones)).isEqualTo("7ZZZZZZZZZZZZZZZZZZZZZZZZZ");
        assertThat(Ulid.of(1_700_000_000_000L, new byte[10])).startsWith("01HF");
    }

    @Test
    void laterMillisecondsSortAfterWhateverTheRandomBits() {
        byte[] ones = new byte[10];
        Arrays.fill(ones, (byte) 0xFF);
        assertThat(Ulid.of(1_700_000_000_001L, new byte[10])).isGreaterThan(Ulid.of(1_700_000_000_000L, ones));
    }

    @Test
    void newUlidsAreWellFormedAndDistinct() {
        Ulid ulid = new Ulid();
        Set<String> seen = new HashSet<>();
        IntStream.range(0, 10_000).forEach(i -> {
            String next = ulid.next();
            assertThat(next).matches("[0-9A-HJKMNP-TV-Z]{26}");
            seen.add(next);
        });
        assertThat(seen).hasSize(10_000);
    }
}

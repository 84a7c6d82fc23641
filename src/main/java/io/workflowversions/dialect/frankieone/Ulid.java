package io.workflowversions.dialect.frankieone;

import io.workflowversions.clock.ServiceClock;
import jakarta.inject.Singleton;
import java.security.SecureRandom;

/**
 * ULIDs (26 characters of Crockford base32: a 48-bit millisecond timestamp by the service's clock, then 80 random bits), the form FrankieOne
 * gives to request ids and version ids. They sort by creation time to the millisecond. A bean, so that its random
 * source is made when the service runs, never in a native image's build.
 */
@Singleton
class Ulid {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private final SecureRandom random = new SecureRandom();

    String next() {
        return of(ServiceClock.now().toEpochMilli(), randomBits());
    }

    static String of(long timeMillis, byte[] random) {
        char[] text = new char[26];
        long time = timeMillis;
        for (int i = 9; i >= 0; i--) {
            text[i] = ALPHABET[(int) (time & 31)];
            time >>>= 5;
        }
        // 80 random bits as 16 characters of 5 bits, most significant first.
        long high = ((random[0] & 0xFFL) << 32) | ((random[1] & 0xFFL) << 24) | ((random[2] & 0xFFL) << 16)
                | ((random[3] & 0xFFL) << 8) | (random[4] & 0xFFL);
        long low = ((random[5] & 0xFFL) << 32) | ((random[6] & 0xFFL) << 24) | ((random[7] & 0xFFL) << 16)
                | ((random[8] & 0xFFL) << 8) | (random[9] & 0xFFL);
        for (int i = 17; i >= 10; i--) {
            text[i] = ALPHABET[(int) (high & 31)];
            high >>>= 5;
        }
        for (int i = 25; i >= 18; i--) {
            text[i] = ALPHABET[(int) (low & 31)];
            low >>>= 5;
        }
        return new String(text);
    }

    private byte[] randomBits() {
        byte[] bits = new byte[10];
        random.nextBytes(bits);
        return bits;
    }
}

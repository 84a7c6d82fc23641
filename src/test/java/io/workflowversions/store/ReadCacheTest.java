package io.workflowversions.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The rules that keep cached reads exact, without the service around them. */
class ReadCacheTest {

    private final ReadCache cache = new ReadCache(100);
    private final AtomicInteger loads = new AtomicInteger();

    private Uni<String> load(String value) {
        return Uni.createFrom().item(() -> {
            loads.incrementAndGet();
            return value;
        });
    }

    private String read(String key, String value) {
        return cache.read(key, () -> load(value)).await().indefinitely();
    }

    @Test
    void aReadIsKeptWhileChangesAreReceived() {
        cache.listening(true);
        assertThat(read("k", "first")).isEqualTo("first");
        assertThat(read("k", "second")).isEqualTo("first");
        assertThat(loads).hasValue(1);
    }

    @Test
    void nothingIsKeptWhileChangesCannotBeReceived() {
        assertThat(read("k", "first")).isEqualTo("first");
        assertThat(read("k", "second")).isEqualTo("second");
        cache.listening(true);
        cache.listening(false);
        assertThat(read("k", "third")).isEqualTo("third");
        assertThat(loads).hasValue(3);
    }

    @Test
    void emptyingForgetsEverything() {
        cache.listening(true);
        read("a", "1");
        read("b", "2");
        cache.empty();
        assertThat(read("a", "1 again")).isEqualTo("1 again");
        assertThat(read("b", "2 again")).isEqualTo("2 again");
        assertThat(loads).hasValue(4);
    }

    @Test
    void aReadUnderWayWhenTheCacheIsEmptiedIsNotKept() {
        cache.listening(true);
        // The change is announced while the value is being loaded: the value may be from before the change.
        String during = cache.read("k", () -> load("from before the change").invoke(cache::empty)).await().indefinitely();
        assertThat(during).isEqualTo("from before the change");
        assertThat(read("k", "after the change")).isEqualTo("after the change");
        assertThat(read("k", "cached now")).isEqualTo("after the change");
    }

    @Test
    void failuresAndMissingValuesAreNotKept() {
        cache.listening(true);
        assertThat(cache.read("k", () -> Uni.createFrom().<String>nullItem()).await().indefinitely()).isNull();
        assertThat(cache.read("f", () -> Uni.createFrom().<String>failure(new IllegalStateException("down")))
                .onFailure().recoverWithItem("failed").await().indefinitely()).isEqualTo("failed");
        assertThat(read("k", "present")).isEqualTo("present");
        assertThat(read("f", "recovered")).isEqualTo("recovered");
    }

    @Test
    void keysOfDifferentTenantsAreDifferent() {
        cache.listening(true);
        TenantScope one = new TenantScope("secmaster", "project-1", "ws");
        TenantScope two = new TenantScope("secmaster", "project-2", "ws");
        assertThat(cache.read(one, () -> load("one's")).await().indefinitely()).isEqualTo("one's");
        assertThat(cache.read(two, () -> load("two's")).await().indefinitely()).isEqualTo("two's");
    }
}

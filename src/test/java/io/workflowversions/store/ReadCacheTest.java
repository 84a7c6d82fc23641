package io.workflowversions.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The rules that keep cached reads exact, without the service around them. */
class ReadCacheTest {

    private final ReadCache cache = new ReadCache(100);
    private final AtomicInteger loads = new AtomicInteger();

    private Uni<ReadCache.Loaded<String>> load(String topic, String value) {
        return Uni.createFrom().item(() -> {
            loads.incrementAndGet();
            return new ReadCache.Loaded<>(topic, value);
        });
    }

    /** The value read under key, depending on topic, loading value when it is not cached. */
    private String read(String key, String topic, String value) {
        return cache.read(key, () -> load(topic, value)).await().indefinitely();
    }

    @Test
    void aReadIsKeptWhileChangesAreReceived() {
        cache.listening(true);
        assertThat(read("k", "v:1", "first")).isEqualTo("first");
        assertThat(read("k", "v:1", "second")).isEqualTo("first");
        assertThat(loads).hasValue(1);
    }

    @Test
    void nothingIsKeptWhileChangesCannotBeReceived() {
        assertThat(read("k", "v:1", "first")).isEqualTo("first");
        assertThat(read("k", "v:1", "second")).isEqualTo("second");
        cache.listening(true);
        read("k", "v:1", "kept");
        cache.listening(false);
        assertThat(read("k", "v:1", "third")).isEqualTo("third");
        assertThat(loads).hasValue(4);
    }

    @Test
    void aChangeDropsOnlyTheReadsOfItsTopic() {
        cache.listening(true);
        read("version 1", ChangeTopics.version(1), "v1");
        read("version 2", ChangeTopics.version(2), "v2");
        read("page of workflow 7", ChangeTopics.workflow(7), "page");

        cache.changed(ChangeTopics.workflow(7));
        assertThat(read("version 1", ChangeTopics.version(1), "v1 again")).isEqualTo("v1");
        assertThat(read("version 2", ChangeTopics.version(2), "v2 again")).isEqualTo("v2");
        assertThat(read("page of workflow 7", ChangeTopics.workflow(7), "page again")).isEqualTo("page again");

        cache.changed(ChangeTopics.version(2));
        assertThat(read("version 1", ChangeTopics.version(1), "v1, third")).isEqualTo("v1");
        assertThat(read("version 2", ChangeTopics.version(2), "v2, third")).isEqualTo("v2, third");
        assertThat(read("page of workflow 7", ChangeTopics.workflow(7), "page, third")).isEqualTo("page again");
        assertThat(loads).hasValue(5);
    }

    @Test
    void everythingForgetsEverything() {
        cache.listening(true);
        read("a", "v:1", "1");
        read("b", "c:x", "2");
        cache.changed(ChangeTopics.EVERYTHING);
        assertThat(read("a", "v:1", "1 again")).isEqualTo("1 again");
        assertThat(read("b", "c:x", "2 again")).isEqualTo("2 again");
        assertThat(loads).hasValue(4);
    }

    @Test
    void aReadUnderWayWhenItsTopicChangesIsNotKept() {
        cache.listening(true);
        // The change is read from the log while the value is being loaded: the value may be from before the change.
        String during = cache.read("k", () -> load("v:1", "from before the change")
                .invoke(() -> cache.changed("v:1"))).await().indefinitely();
        assertThat(during).isEqualTo("from before the change");
        assertThat(read("k", "v:1", "after the change")).isEqualTo("after the change");
        assertThat(read("k", "v:1", "cached now")).isEqualTo("after the change");
    }

    @Test
    void aReadUnderWayWhenAnotherTopicChangesIsKept() {
        cache.listening(true);
        cache.read("k", () -> load("v:1", "loaded").invoke(() -> cache.changed("v:2"))).await().indefinitely();
        assertThat(read("k", "v:1", "not loaded")).isEqualTo("loaded");
    }

    @Test
    void aReadUnderWayWhenTheCacheIsEmptiedIsNotKept() {
        cache.listening(true);
        cache.read("k", () -> load("v:1", "from before").invoke(cache::empty)).await().indefinitely();
        assertThat(read("k", "v:1", "after")).isEqualTo("after");
    }

    @Test
    void failuresAndMissingValuesAreNotKept() {
        cache.listening(true);
        assertThat(cache.read("k", () -> Uni.createFrom().<ReadCache.Loaded<String>>nullItem()).await().indefinitely())
                .isNull();
        assertThat(cache.read("f", () -> Uni.createFrom().<ReadCache.Loaded<String>>failure(new IllegalStateException("down")))
                .onFailure().recoverWithItem("failed").await().indefinitely()).isEqualTo("failed");
        assertThat(read("k", "v:1", "present")).isEqualTo("present");
        assertThat(read("f", "v:2", "recovered")).isEqualTo("recovered");
    }

    @Test
    void keysOfDifferentTenantsAreDifferent() {
        cache.listening(true);
        TenantScope one = new TenantScope("secmaster", "project-1", "ws");
        TenantScope two = new TenantScope("secmaster", "project-2", "ws");
        assertThat(cache.read(one, () -> load("v:1", "one's")).await().indefinitely()).isEqualTo("one's");
        assertThat(cache.read(two, () -> load("v:2", "two's")).await().indefinitely()).isEqualTo("two's");
    }
}

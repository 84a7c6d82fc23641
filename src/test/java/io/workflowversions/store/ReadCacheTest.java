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

    private record Access(String id) implements ReadCache.AccessKey {
    }

    @Test
    void aChangeEmptiesOnlyTheReadsThatDependOnIt() {
        cache.listening(true);
        Access caller = new Access("caller");
        cache.read(caller, () -> load("credential")).await().indefinitely();
        read("version", "v1");

        cache.changed("workflow_version");
        assertThat(cache.read(caller, () -> load("credential again")).await().indefinitely()).isEqualTo("credential");
        assertThat(read("version", "v2")).isEqualTo("v2");

        cache.changed("fortanix_session");
        assertThat(cache.read(caller, () -> load("credential again")).await().indefinitely()).isEqualTo("credential again");
        assertThat(read("version", "v3")).isEqualTo("v2");

        cache.changed("");
        assertThat(cache.read(caller, () -> load("credential, third")).await().indefinitely()).isEqualTo("credential, third");
        assertThat(read("version", "v4")).isEqualTo("v4");
        assertThat(loads).hasValue(6);
    }

    @Test
    void aWriteEmptiesCredentialsAndSessionsOnlyWhenItChangedThem() throws Exception {
        cache.listening(true);
        Access caller = new Access("caller");
        cache.read(caller, () -> load("credential")).await().indefinitely();
        io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
        try {
            onItsOwnContext(vertx, cache::emptyAfterWrite);
            assertThat(cache.read(caller, () -> load("reloaded")).await().indefinitely()).isEqualTo("credential");

            onItsOwnContext(vertx, () -> {
                cache.accessChanging();
                cache.emptyAfterWrite();
            });
            assertThat(cache.read(caller, () -> load("reloaded")).await().indefinitely()).isEqualTo("reloaded");
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    /** Runs on a context of its own, as each request does. */
    private static void onItsOwnContext(io.vertx.core.Vertx vertx, Runnable request) throws Exception {
        java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        ((io.vertx.core.impl.ContextInternal) vertx.getOrCreateContext()).duplicate().runOnContext(ignored -> {
            request.run();
            done.complete(null);
        });
        done.get(10, java.util.concurrent.TimeUnit.SECONDS);
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

package io.workflowversions.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A steady write load on every dialect, one thread per dialect sending one write after the other, recording every
 * answer (or the lack of one) with its time, so that a test can compare what was answered with what was committed.
 */
final class WriteLoad implements AutoCloseable {

    /** One write: what it was, when it ran, and what it was answered (status -1: no answer at all). */
    record Write(String dialect, String target, long started, long ended, int status, String result) {

        boolean succeeded() {
            return status >= 200 && status < 300;
        }

        /** Whether the write was under way at some moment of the interval [from, to]. */
        boolean inFlightDuring(long from, long to) {
            return started <= to && ended >= from;
        }
    }

    static final String SHARED_DEFINITION = "shared-definition";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final String url;
    private final ProcessTenants tenants;
    private final String secmasterToken;
    private final String secmasterWorkflow;
    private final String fortanixToken;
    private final String graph;
    private final AtomicBoolean running = new AtomicBoolean(true);
    /** Counted down on close; a thread that got no answer at all waits on it briefly before its next write. */
    private final java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
    private final AtomicInteger sequence = new AtomicInteger();
    private final ConcurrentLinkedQueue<Write> writes = new ConcurrentLinkedQueue<>();
    private final List<Thread> threads = new ArrayList<>();

    WriteLoad(String url, ProcessTenants tenants, String secmasterToken, String secmasterWorkflow, String fortanixToken,
            String graph) {
        this.url = url;
        this.tenants = tenants;
        this.secmasterToken = secmasterToken;
        this.secmasterWorkflow = secmasterWorkflow;
        this.fortanixToken = fortanixToken;
        this.graph = graph;
    }

    /** A load on a fresh tenant of the instance at {@code url}: a SecMaster workflow and a Fortanix graph to write to. */
    static WriteLoad on(String url, ProcessTenants t) {
        String secmasterToken = t.secmasterToken(url);
        String workflow = ProcessTenants.secmaster(url, secmasterToken).body(ProcessTenants.secmasterWorkflowBody("load"))
                .post(t.secmasterWorkflows()).then().statusCode(200).extract().path("data.id");
        String fortanixToken = t.fortanixLogin(url);
        String graph = ProcessTenants.createGraph(url, fortanixToken, "load");
        return new WriteLoad(url, t, secmasterToken, workflow, fortanixToken, graph);
    }

    String secmasterToken() {
        return secmasterToken;
    }

    String secmasterWorkflow() {
        return secmasterWorkflow;
    }

    String fortanixToken() {
        return fortanixToken;
    }

    String graph() {
        return graph;
    }

    static final List<String> DIALECTS = List.of("frankieone", "secmaster", "patchworks", "fortanix");

    /** Whether every dialect has at least {@code count} writes answered 2xx that started after {@code since}. */
    boolean everyDialectSucceeded(long count, long since) {
        return DIALECTS.stream().allMatch(d -> succeededSince(d, since) >= count);
    }

    WriteLoad start() {
        threads.add(thread("load-frankieone", this::frankieone));
        threads.add(thread("load-secmaster", this::secmaster));
        threads.add(thread("load-patchworks", this::patchworks));
        threads.add(thread("load-fortanix", this::fortanix));
        return this;
    }

    private Thread thread(String name, Runnable write) {
        Thread thread = new Thread(() -> loop(write), name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    List<Write> writes() {
        return List.copyOf(writes);
    }

    /** How many writes of the dialect succeeded after the moment given (System.nanoTime). */
    long succeededSince(String dialect, long since) {
        return writes.stream().filter(w -> w.dialect().equals(dialect) && w.started() >= since && w.succeeded()).count();
    }

    List<Write> of(String dialect, Predicate<Write> filter) {
        return writes.stream().filter(w -> w.dialect().equals(dialect)).filter(filter).toList();
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        stopped.countDown();
        for (Thread thread : threads) {
            thread.join(10_000);
        }
    }

    private void loop(Runnable write) {
        while (running.get()) {
            write.run();
        }
    }

    /** Every other publish goes to a definition of its own, the rest to one shared definition. */
    private void frankieone() {
        int n = sequence.incrementAndGet();
        String key = n % 2 == 0 ? "load-" + n : SHARED_DEFINITION;
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/v2/workflowDefinitions/" + key))
                .header("api_key", tenants.frankieKey).header("X-Frankie-CustomerID", tenants.customer)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(ProcessTenants.definition("Load " + n))).timeout(Duration.ofSeconds(5)).build();
        send("frankieone", key, request, body -> body.path("workflowDefinition").path("version").asText());
    }

    private void secmaster() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + tenants.secmasterWorkflows() + "/" + secmasterWorkflow
                        + "/versions"))
                .header("X-Auth-Token", secmasterToken).header("Content-Type", "application/json;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(ProcessTenants.secmasterVersionBody())).timeout(Duration.ofSeconds(5)).build();
        send("secmaster", secmasterWorkflow, request, body -> body.path("data").path("id").asText());
    }

    private void patchworks() {
        int n = sequence.incrementAndGet();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/api/v1/flows"))
                .header("Authorization", tenants.patchworksKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Load " + n + "\"}")).timeout(Duration.ofSeconds(5)).build();
        send("patchworks", "flows", request, body -> body.path("data").path("id").asText());
    }

    private void fortanix() {
        int n = sequence.incrementAndGet();
        String contents = "{\"objects\":{\"app\":{\"name\":\"Scoring\",\"ref\":{\"app\":{\"image_id\":"
                + "\"0e2e4c43-3a5b-4f5e-8b0e-6c7c9a1d2e3f\",\"config_id\":\"c" + n + "\"}}}},\"edges\":{}}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/v1/workflows/final/graphs/" + graph))
                .header("Authorization", "Bearer " + fortanixToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(contents)).timeout(Duration.ofSeconds(5)).build();
        send("fortanix", graph, request, body -> body.path("version").asText());
    }

    private void send(String dialect, String target, HttpRequest request, java.util.function.Function<JsonNode, String> result) {
        long started = System.nanoTime();
        int status;
        String value = null;
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            if (status >= 200 && status < 300) {
                value = result.apply(JSON.readTree(response.body()));
            }
        } catch (java.io.IOException e) {
            status = -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.set(false);
            return;
        }
        writes.add(new Write(dialect, target, started, System.nanoTime(), status, value));
        if (status < 0) {
            // Nothing listens (the process is down): retry at a modest pace rather than spin.
            try {
                stopped.await(100, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running.set(false);
            }
        }
    }
}

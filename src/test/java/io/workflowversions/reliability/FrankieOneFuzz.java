package io.workflowversions.reliability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.workflowversions.reliability.FuzzDialect.Change;
import io.workflowversions.reliability.FuzzDialect.Seed;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** FrankieOne FLOW for the write fuzzer: errors are an object with {@code errorCode} and a ULID request id. */
final class FrankieOneFuzz implements FuzzDialect {

    private static final String DEFINITION = "/v2/workflowDefinitions/{workflowDefinitionId}";

    private final AtomicLong names = new AtomicLong();

    @Override
    public String spec() {
        return "frankieone.yaml";
    }

    @Override
    public Tenants newTenant() {
        return Tenants.frankieone();
    }

    @Override
    public Map<String, Seed> seeds() {
        Map<String, Seed> seeds = new LinkedHashMap<>();
        // A publish (or, when the path names a new slug, the first save) writes at most one workflow and one version.
        seeds.put("PUT " + DEFINITION, Seed.of(t -> new FuzzRequest("PUT " + DEFINITION,
                "/v2/workflowDefinitions/" + t.values().get("definition"),
                Map.of("X-Frankie-Username", "fred.flintstone@frankieone.com"), "application/json", body().getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                Change.none().with("workflow", 0, 1).with("workflow_version", 0, 1)));
        seeds.put("DELETE " + DEFINITION, Seed.of(t -> FuzzRequest.empty("DELETE " + DEFINITION,
                "/v2/workflowDefinitions/" + newDefinition(t)),
                Change.none().with("workflow", -1, -1).with("workflow_version", -Change.ANY, -1)));
        return seeds;
    }

    @Override
    public void checkError(FuzzRequest request, Response answer) {
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.<String>path("errorCode")).isNotBlank();
        assertThat(answer.<Integer>path("httpStatusCode")).isEqualTo(answer.statusCode());
        assertThat(answer.<String>path("requestId")).matches("^[0-9A-HJKMNP-TV-Z]{26}$");
    }

    private String body() {
        return "{\"name\":\"Fuzz definition " + names.incrementAndGet() + "\",\"description\":\"d\",\"tasks\":"
                + "[{\"id\":\"verify-identity\",\"configuration\":{\"type\":\"HTTP\"}}]}";
    }

    private String newDefinition(Tenants tenant) {
        String slug = "fuzz-" + names.incrementAndGet();
        given().headers(tenant.auth()).contentType(ContentType.JSON).body(body())
                .put("/v2/workflowDefinitions/" + slug).then().statusCode(200);
        return slug;
    }
}

package io.workflowversions.dialect.frankieone;

import static org.assertj.core.api.Assertions.assertThat;

import io.workflowversions.dialect.frankieone.api.model.ErrorObject;
import io.workflowversions.http.ErrorEnvelope.RequestInfo;
import io.workflowversions.http.ErrorResponse;
import io.workflowversions.http.Failure;
import io.workflowversions.http.FailureKind;
import io.workflowversions.http.FieldIssue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every failure kind maps onto the contract's status and code; failures that HTTP tests cannot provoke are here. */
class FrankieOneErrorEnvelopeTest {

    private final FrankieOneErrorEnvelope envelope = new FrankieOneErrorEnvelope(new Ulid());
    private final RequestInfo request = new RequestInfo("PUT", "/v2/workflowDefinitions/x", null);

    @Test
    void everyKindHasTheContractsStatusAndCode() {
        Map<FailureKind, Object[]> expected = Map.ofEntries(
                Map.entry(FailureKind.MALFORMED_BODY, new Object[] {400, "VAL-1002"}),
                Map.entry(FailureKind.INVALID_INPUT, new Object[] {400, "VAL-1002"}),
                Map.entry(FailureKind.RULE_VIOLATED, new Object[] {400, "VAL-1002"}),
                Map.entry(FailureKind.UNSUPPORTED_MEDIA_TYPE, new Object[] {400, "VAL-1002"}),
                Map.entry(FailureKind.UNAUTHENTICATED, new Object[] {401, "AUTH-0002"}),
                Map.entry(FailureKind.FORBIDDEN, new Object[] {401, "AUTH-0002"}),
                Map.entry(FailureKind.NOT_FOUND, new Object[] {404, "API-1010"}),
                Map.entry(FailureKind.METHOD_NOT_ALLOWED, new Object[] {405, "API-0405"}),
                Map.entry(FailureKind.NOT_ACCEPTABLE, new Object[] {406, "API-0406"}),
                Map.entry(FailureKind.CONFLICT, new Object[] {409, "VAL-0409"}),
                Map.entry(FailureKind.PAYLOAD_TOO_LARGE, new Object[] {413, "VAL-0413"}),
                Map.entry(FailureKind.URI_TOO_LONG, new Object[] {414, "API-0414"}),
                Map.entry(FailureKind.TOO_MANY_REQUESTS, new Object[] {429, "API-0429"}),
                Map.entry(FailureKind.INTERNAL, new Object[] {500, "SYS-0000"}),
                Map.entry(FailureKind.BAD_GATEWAY, new Object[] {502, "SYS-0502"}),
                Map.entry(FailureKind.UNAVAILABLE, new Object[] {503, "SYS-0503"}),
                Map.entry(FailureKind.GATEWAY_TIMEOUT, new Object[] {504, "SYS-0504"}));
        assertThat(expected.keySet()).containsExactlyInAnyOrder(FailureKind.values());

        expected.forEach((kind, statusAndCode) -> {
            ErrorResponse response = envelope.render(Failure.of(kind, "why"), request);
            ErrorObject body = (ErrorObject) response.body();
            assertThat(response.status()).as(kind.name()).isEqualTo(statusAndCode[0]);
            assertThat(body.getHttpStatusCode()).as(kind.name()).isEqualTo(statusAndCode[0]);
            assertThat(body.getErrorCode()).as(kind.name()).isEqualTo(statusAndCode[1]);
            assertThat(body.getRequestId()).matches(FrankieOne.ULID);
            assertThat(response.contentType()).isEqualTo("application/json");
            assertThat(body.getDetails()).isNotNull();
        });
    }

    @Test
    void internalFaultsAndAuthenticationFailuresRevealNothing() {
        ErrorObject internal = (ErrorObject) envelope.render(Failure.of(FailureKind.INTERNAL, "NullPointerException in X"), request).body();
        assertThat(internal.getErrorMsg()).isEqualTo("Internal error");
        assertThat(internal.getDetails()).isEmpty();
        ErrorObject unauthorised = (ErrorObject) envelope.render(Failure.of(FailureKind.UNAUTHENTICATED, "key unknown"), request).body();
        assertThat(unauthorised.getDetails()).isEmpty();
        assertThat(envelope.render(Failure.of(FailureKind.UNAVAILABLE, "db down"), request).headers())
                .containsEntry("Retry-After", "1");
    }

    @Test
    void oneDetailPerIssueWithItsDottedLocation() {
        Failure failure = new Failure(FailureKind.INVALID_INPUT, null, "two problems", List.of(
                new FieldIssue("tasks[1].id", "must be unique within tasks"),
                new FieldIssue("defaultErrorHandling.retryConfig.delayMs", "must be greater than or equal to 0")));
        ErrorObject body = (ErrorObject) envelope.render(failure, request).body();
        assertThat(body.getDetails()).extracting("issueLocation")
                .containsExactly("tasks[1].id", "defaultErrorHandling.retryConfig.delayMs");
    }

    @Test
    void coversExactlyTheWorkflowDefinitionPaths() {
        assertThat(envelope.covers("/v2/workflowDefinitions")).isTrue();
        assertThat(envelope.covers("/v2/workflowDefinitions/x/versions")).isTrue();
        assertThat(envelope.covers("/v2/workflowDefinitionsX")).isFalse();
        assertThat(envelope.covers("/v2/workflows")).isFalse();
        assertThat(envelope.covers("/admin/v1/credentials")).isFalse();
    }
}

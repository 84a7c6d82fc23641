package io.workflowversions.dialect.patchworks;

import io.workflowversions.http.ApiException;
import io.workflowversions.http.Failure;
import io.workflowversions.http.FailureKind;
import io.workflowversions.http.FieldIssue;
import java.util.List;

/**
 * The dialect's own failures. They carry {@link #VERBATIM} as their code: the envelope writes their texts as they
 * are, while failures raised elsewhere (framework, validation, store) get the contract's standard texts.
 */
final class Problems {

    static final String VERBATIM = "patchworks";

    private Problems() {
    }

    /** 422 {message, errors{field: [text]}}. */
    static ApiException invalid(String field, String text) {
        return invalid(List.of(new FieldIssue(field, text)));
    }

    static ApiException invalid(List<FieldIssue> issues) {
        return new ApiException(new Failure(FailureKind.RULE_VIOLATED, VERBATIM, issues.get(0).message(), issues));
    }

    /** 400 {message}: a query parameter the endpoint does not support. */
    static ApiException badQuery(String message) {
        return new ApiException(new Failure(FailureKind.INVALID_INPUT, VERBATIM, message, List.of()));
    }

    static ApiException unauthenticated() {
        return new ApiException(new Failure(FailureKind.UNAUTHENTICATED, VERBATIM, "Unauthenticated.", List.of()));
    }

    static ApiException invalidCredentials() {
        return new ApiException(new Failure(FailureKind.UNAUTHENTICATED, VERBATIM, "Invalid credentials.", List.of()));
    }

    static ApiException forbidden() {
        return new ApiException(new Failure(FailureKind.FORBIDDEN, VERBATIM, "This action is unauthorized.", List.of()));
    }

    /** Whether the credentials were refused: such a failure is answered with the dialect's own text instead. */
    static boolean credentialsRefused(Throwable failure) {
        return failure instanceof ApiException api && api.failure().kind() == FailureKind.UNAUTHENTICATED;
    }
}

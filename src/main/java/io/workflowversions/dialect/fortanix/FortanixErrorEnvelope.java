package io.workflowversions.dialect.fortanix;

import io.workflowversions.http.ErrorEnvelope;
import io.workflowversions.http.ErrorResponse;
import io.workflowversions.http.Failure;
import io.workflowversions.http.FailureKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * Fortanix CCM answers every failure with a plain-text sentence and the status alone tells what went wrong; its
 * clients print the body as it is. Client mistakes are 400 (never 5xx); 503 means the database is away.
 */
@ApplicationScoped
public class FortanixErrorEnvelope implements ErrorEnvelope {

    static final String TEXT = "text/plain; charset=UTF-8";

    @Override
    public String dialect() {
        return FortanixPaths.DIALECT;
    }

    @Override
    public boolean covers(String path) {
        return FortanixPaths.owns(path);
    }

    @Override
    public ErrorResponse render(Failure failure, RequestInfo request) {
        FailureKind kind = failure.kind();
        int status = switch (kind) {
            case MALFORMED_BODY, INVALID_INPUT, RULE_VIOLATED -> 400;
            default -> kind.defaultStatus();
        };
        Map<String, String> headers = kind == FailureKind.UNAUTHENTICATED
                ? Map.of("WWW-Authenticate", FortanixPaths.LOGIN.equals(request.path()) ? "Basic realm=\"ccm\"" : "Bearer")
                : Map.of();
        return new ErrorResponse(status, TEXT, sentence(failure), headers);
    }

    /** One line of text; never empty, never a stack trace. */
    private static String sentence(Failure failure) {
        if (failure.missing() != null) {
            String what = failure.isMissing(Failure.Missing.Thing.WORKFLOW) ? "Workflow " : "Version ";
            return what + failure.missing().key().replace('\r', ' ').replace('\n', ' ') + " was not found in this account";
        }
        String message = failure.message();
        if (message == null || message.isBlank()) {
            message = failure.kind().title();
        }
        return message.replace('\r', ' ').replace('\n', ' ');
    }
}

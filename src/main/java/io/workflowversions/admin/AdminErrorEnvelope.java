package io.workflowversions.admin;

import io.workflowversions.http.ErrorEnvelope;
import io.workflowversions.http.ErrorResponse;
import io.workflowversions.http.Failure;
import io.workflowversions.http.ProblemEnvelope;
import jakarta.enterprise.context.ApplicationScoped;

/** The admin API answers every failure as an RFC 7807 problem document. */
@ApplicationScoped
public class AdminErrorEnvelope implements ErrorEnvelope {

    static final String PREFIX = "/admin/";

    @Override
    public boolean covers(String path) {
        return path.startsWith(PREFIX);
    }

    @Override
    public ErrorResponse render(Failure failure, RequestInfo request) {
        return ProblemEnvelope.render(failure, request);
    }
}

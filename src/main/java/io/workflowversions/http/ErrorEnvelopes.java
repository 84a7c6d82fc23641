package io.workflowversions.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Comparator;
import java.util.List;

/** Picks the envelope for a request path: the longest matching dialect prefix, else problem JSON. */
@ApplicationScoped
public class ErrorEnvelopes {

    private final List<ErrorEnvelope> envelopes;

    ErrorEnvelopes(Instance<ErrorEnvelope> envelopes) {
        this.envelopes = envelopes.stream()
                .sorted(Comparator.comparingInt((ErrorEnvelope e) -> e.pathPrefix().length()).reversed())
                .toList();
    }

    public ErrorResponse render(Failure failure, ErrorEnvelope.RequestInfo request) {
        for (ErrorEnvelope envelope : envelopes) {
            if (request.path().startsWith(envelope.pathPrefix())) {
                return envelope.render(failure, request);
            }
        }
        return ProblemEnvelope.render(failure, request);
    }

    /** Whether a path belongs to one of the APIs (so unmatched routes under it get an envelope, not a page). */
    public boolean covers(String path) {
        return envelopes.stream().anyMatch(e -> path.startsWith(e.pathPrefix()));
    }
}

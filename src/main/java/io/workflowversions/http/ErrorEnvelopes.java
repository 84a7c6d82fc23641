package io.workflowversions.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.List;

/** Picks the envelope for a request path: the API that owns the path, else problem JSON. */
@ApplicationScoped
public class ErrorEnvelopes {

    private final List<ErrorEnvelope> envelopes;

    ErrorEnvelopes(Instance<ErrorEnvelope> envelopes) {
        this.envelopes = envelopes.stream().toList();
    }

    public ErrorResponse render(Failure failure, ErrorEnvelope.RequestInfo request) {
        for (ErrorEnvelope envelope : envelopes) {
            if (envelope.covers(request.path())) {
                return envelope.render(failure, request);
            }
        }
        return ProblemEnvelope.render(failure, request);
    }

    /** The envelope of a dialect, as {@link ErrorEnvelope#dialect()} names it. */
    public ErrorEnvelope ofDialect(String dialect) {
        return envelopes.stream().filter(e -> dialect.equals(e.dialect())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No dialect " + dialect));
    }

    /** The dialect that owns a path, or null. */
    public String dialectOf(String path) {
        for (ErrorEnvelope envelope : envelopes) {
            if (envelope.covers(path)) {
                return envelope.dialect();
            }
        }
        return null;
    }

    /** Whether a path belongs to one of the APIs (so unmatched routes under it get an envelope, not a page). */
    public boolean covers(String path) {
        return envelopes.stream().anyMatch(e -> e.covers(path));
    }
}

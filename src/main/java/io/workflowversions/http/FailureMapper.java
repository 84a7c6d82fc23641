package io.workflowversions.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every failure of every JAX-RS resource ends here and leaves in the envelope of the API it was sent to. */
public class FailureMapper {

    private static final Logger LOG = Logger.getLogger(FailureMapper.class);
    private static final int FIRST = 1;

    private final FailureClassifier classifier;
    private final ErrorEnvelopes envelopes;
    private final ErrorAnswers answers;

    FailureMapper(FailureClassifier classifier, ErrorEnvelopes envelopes, ErrorAnswers answers) {
        this.classifier = classifier;
        this.envelopes = envelopes;
        this.answers = answers;
    }

    /**
     * Each type is named, not only {@code Throwable}: the framework picks the mapper of the nearest type, and has
     * built-in ones for the narrower types (security, JSON, validation, HTTP) that would otherwise answer first.
     */
    @ServerExceptionMapper(priority = FIRST, value = {Throwable.class, AuthenticationFailedException.class,
            UnauthorizedException.class, ForbiddenException.class, WebApplicationException.class,
            JsonProcessingException.class, MismatchedInputException.class, ValidationException.class})
    public Response anyFailure(Throwable thrown, HttpServerRequest request) {
        Failure failure = classifier.classify(thrown);
        ErrorEnvelope.RequestInfo info = RequestInfos.of(request);
        log(failure, info, thrown);
        return answers.response(envelopes.render(failure, info));
    }

    private static String chain(Throwable thrown) {
        StringBuilder text = new StringBuilder(thrown.toString());
        for (Throwable cause = thrown.getCause(); cause != null && cause != thrown; cause = cause.getCause()) {
            text.append(" <- ").append(cause);
            if (cause.getCause() == cause) {
                break;
            }
        }
        return text.toString();
    }

    static void log(Failure failure, ErrorEnvelope.RequestInfo request, Throwable thrown) {
        int status = failure.kind().defaultStatus();
        if (failure.kind() == FailureKind.INTERNAL) {
            LOG.errorf(thrown, "%s %s failed unexpectedly", request.method(), request.path());
        } else if (failure.kind() == FailureKind.UNAVAILABLE) {
            LOG.warnf("%s %s answered %d: %s (%s)", request.method(), request.path(), status, failure.message(),
                    thrown == null ? "-" : thrown.toString());
        } else {
            LOG.debugf("%s %s answered %s: %s (%s)", request.method(), request.path(), failure.kind().slug(), failure.message(),
                    thrown == null ? "-" : chain(thrown));
        }
    }
}

package io.workflowversions.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

/** A rendered failure as the REST layer's answer: for exception mappers and for filters that refuse a request. */
@ApplicationScoped
public class ErrorAnswers {

    private final CurrentVertxRequest current;
    private final ObjectMapper mapper;

    ErrorAnswers(CurrentVertxRequest current, ObjectMapper mapper) {
        this.current = current;
        this.mapper = mapper;
    }

    public Response response(ErrorResponse response) {
        Response.ResponseBuilder builder = Response.status(response.status())
                .type(response.contentType())
                .entity(recorded(response));
        response.headers().forEach(builder::header);
        return builder.build();
    }

    /**
     * A failure refused before its resource method is written without the REST layer's writer interceptors, so a
     * recorded request's envelope is written here, as the text it goes out as, and handed to the recorder.
     */
    private Object recorded(ErrorResponse response) {
        RoutingContext context = current.getCurrent();
        if (AnswerTap.of(context) == null || response.body() == null) {
            return response.body();
        }
        try {
            String text = response.text(mapper);
            AnswerTap.answered(context, text);
            return text;
        } catch (JsonProcessingException e) {
            return response.body();
        }
    }
}

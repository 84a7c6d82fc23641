package io.workflowversions.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * RestAssured filters that check each request and response against a spec in {@code openapi/}, so that the specs
 * and the code cannot drift apart. Tests that send deliberately invalid requests check only the response.
 */
public final class SpecValidation {

    private static final Map<String, OpenApiValidationFilter> STRICT = new ConcurrentHashMap<>();
    private static final Map<String, OpenApiValidationFilter> RESPONSES = new ConcurrentHashMap<>();

    private SpecValidation() {
    }

    /** Validates request and response. */
    public static OpenApiValidationFilter strict(String specFile) {
        return STRICT.computeIfAbsent(specFile, file -> new OpenApiValidationFilter(validator(file, LevelResolver.create())));
    }

    /** Validates only the response, for requests that are wrong on purpose. */
    public static OpenApiValidationFilter responsesOnly(String specFile) {
        return RESPONSES.computeIfAbsent(specFile, file -> new OpenApiValidationFilter(validator(file,
                LevelResolver.create().withLevel("validation.request", ValidationReport.Level.IGNORE))));
    }

    private static OpenApiInteractionValidator validator(String file, LevelResolver.Builder levels) {
        return OpenApiInteractionValidator
                .createForSpecificationUrl(Path.of("openapi", file).toAbsolutePath().toUri().toString())
                .withLevelResolver(levels.build())
                .build();
    }
}

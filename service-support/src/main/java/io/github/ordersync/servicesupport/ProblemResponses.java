package io.github.ordersync.servicesupport;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.ProblemDetail;

/**
 * Every error response a controller documents (4xx, 5xx) is an RFC 9457 problem detail in the OpenAPI document:
 * {@code application/problem+json} with the {@link ProblemDetail} schema. Controllers then write only the code, the
 * description and, where it helps, an example: {@code @ApiResponse(responseCode = "404", description = "...")}.
 */
final class ProblemResponses implements OpenApiCustomizer {

    static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        boolean documented = false;
        for (var path : openApi.getPaths().values()) {
            for (Operation operation : path.readOperations()) {
                if (operation.getResponses() == null) {
                    continue;
                }
                for (var response : operation.getResponses().entrySet()) {
                    if (isError(response.getKey())) {
                        asProblem(response.getValue());
                        documented = true;
                    }
                }
            }
        }
        if (documented) {
            ModelConverters.getInstance()
                    .readAll(ProblemDetail.class)
                    .forEach((name, schema) -> openApi.schema(name, schema));
        }
    }

    private static boolean isError(String code) {
        return code.startsWith("4") || code.startsWith("5");
    }

    /** One {@code application/problem+json} body, keeping the examples the controller gave for any media type. */
    private static void asProblem(ApiResponse response) {
        MediaType problem = new MediaType().schema(new Schema<>().$ref(ProblemDetail.class.getSimpleName()));
        if (response.getContent() != null) {
            response.getContent().values().stream()
                    .filter(given -> given.getExamples() != null)
                    .forEach(given -> given.getExamples().forEach(problem::addExamples));
        }
        response.setContent(new Content().addMediaType(PROBLEM_JSON, problem));
    }
}

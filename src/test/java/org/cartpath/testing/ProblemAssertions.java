package org.cartpath.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;

/** Checks that an API answer is RFC 9457 problem+json of the expected type, naming the field at fault. */
public final class ProblemAssertions {

    private ProblemAssertions() {
    }

    /** The problem, for further checks. */
    public static JsonNode assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = Http.json(response);
        assertThat(problem.get("type").asText()).as(response.body()).isEqualTo("/problems/" + type);
        assertThat(problem.get("detail").asText()).isNotBlank();
        return problem;
    }

    /** The problem, which must name {@code field} among its errors. */
    public static JsonNode assertProblem(HttpResponse<String> response, int status, String type, String field) {
        JsonNode problem = assertProblem(response, status, type);
        assertThat(problem.get("errors")).as(response.body()).isNotNull();
        assertThat(problem.get("errors").valueStream().map(error -> error.get("field").asText()))
                .as(response.body()).contains(field);
        return problem;
    }
}

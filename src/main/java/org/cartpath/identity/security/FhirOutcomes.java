package org.cartpath.identity.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refusals of the FHIR façade's filter chain, written before the FHIR server runs: a FHIR {@code OperationOutcome}
 * (JSON), as FHIR clients expect, rather than problem+json.
 */
final class FhirOutcomes {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FhirOutcomes() {
    }

    /** {@code code} is from the FHIR value set issue-type (login, forbidden…). */
    static void write(HttpServletResponse response, int status, String code, String diagnostics) throws IOException {
        Map<String, Object> outcome = Map.of("resourceType", "OperationOutcome", "issue",
                List.of(Map.of("severity", "error", "code", code, "diagnostics", diagnostics)));
        response.setStatus(status);
        response.setContentType("application/fhir+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"cartpath\"");
        }
        response.getWriter().write(JSON.writeValueAsString(outcome));
    }
}

package org.cartpath.shared;

import java.util.List;
import java.util.Map;

/**
 * A request that cannot be carried out, with the answer the client gets: a stable problem type (a URI
 * under {@code /problems/}), an HTTP status, a human detail and, for validation, the fields at fault.
 * The API renders it as RFC 9457 problem+json and pages as an NHS-style error summary.
 */
public class ProblemException extends RuntimeException {

    public record FieldProblem(String field, String message) {
    }

    private final String type;
    private final int status;
    private final String title;
    private final List<FieldProblem> fieldProblems;
    private final Map<String, Object> properties;

    public ProblemException(String type, int status, String title, String detail) {
        this(type, status, title, detail, List.of(), Map.of());
    }

    public ProblemException(String type, int status, String title, String detail, List<FieldProblem> fieldProblems,
            Map<String, Object> properties) {
        super(detail);
        this.type = type;
        this.status = status;
        this.title = title;
        this.fieldProblems = List.copyOf(fieldProblems);
        this.properties = Map.copyOf(properties);
    }

    /** The kebab-case name of the problem type; the type URI is {@code /problems/<type>}. */
    public String type() {
        return type;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public List<FieldProblem> fieldProblems() {
        return fieldProblems;
    }

    public Map<String, Object> properties() {
        return properties;
    }

    /** 400: the request is malformed or a field is invalid. */
    public static ProblemException invalid(String field, String message) {
        return new ProblemException("invalid-request", 400, "The request is not valid", field + ": " + message,
                List.of(new FieldProblem(field, message)), Map.of());
    }

    /** 400 with several fields at fault. */
    public static ProblemException invalid(List<FieldProblem> problems) {
        String detail = problems.stream().map(p -> p.field() + ": " + p.message())
                .reduce((a, b) -> a + "; " + b).orElse("The request is not valid");
        return new ProblemException("invalid-request", 400, "The request is not valid", detail, problems, Map.of());
    }

    /** 409: the request conflicts with the current state (a duplicate, a stale version, an illegal transition). */
    public static ProblemException conflict(String type, String detail) {
        return new ProblemException(type, 409, "Conflict with the current state", detail);
    }

    /** 422: the request is well formed but breaks a rule. */
    public static ProblemException unprocessable(String type, String detail) {
        return new ProblemException(type, 422, "The request breaks a rule", detail);
    }

    /** 403: the actor is known but their role does not allow this. */
    public static ProblemException forbidden(String detail) {
        return new ProblemException("forbidden", 403, "Not allowed", detail);
    }
}

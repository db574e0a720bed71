package org.cartpath.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.RequestIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DatabindException;

/**
 * Every API error is RFC 9457 problem+json with a stable type under {@code /problems/}, a human detail,
 * the request id, and for validation the fields at fault. Never a stack trace; a 500 only for a real
 * fault, never for bad input.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrorHandling extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandling.class);

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> problem(ProblemException e, HttpServletRequest request) {
        ProblemDetail body = problemDetail(e.status(), e.type(), e.title(), e.detail(), request);
        if (!e.fieldProblems().isEmpty()) {
            body.setProperty("errors", e.fieldProblems().stream()
                    .map(p -> Map.of("field", p.field(), "message", p.message())).toList());
        }
        e.properties().forEach(body::setProperty);
        return ResponseEntity.status(e.status()).body(body);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e, HttpServletRequest request) {
        return ResponseEntity.status(403)
                .body(problemDetail(403, "forbidden", "Not allowed", "Your role does not allow this", request));
    }

    @ExceptionHandler(AuthenticationCredentialsNotFoundException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationCredentialsNotFoundException e,
            HttpServletRequest request) {
        return ResponseEntity.status(401).body(problemDetail(401, "unauthenticated", "Not signed in",
                "Sign in, or send 'Authorization: Bearer <token>'", request));
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> conflict(DataIntegrityViolationException e, HttpServletRequest request) {
        log.warn("Constraint violation on {}: {}", request.getRequestURI(), e.getMostSpecificCause().getMessage());
        return ResponseEntity.status(409).body(problemDetail(409, "constraint-violation", "Conflict with existing records",
                "The change conflicts with records that already exist", request));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        if (DatabaseUnavailable.explains(e)) {
            log.warn("Database unavailable on {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
            return unavailable(DatabaseUnavailable.RETRY_AFTER_SECONDS, DatabaseUnavailable.TYPE,
                    DatabaseUnavailable.TITLE, DatabaseUnavailable.DETAIL, request);
        }
        if (DatabaseUnavailable.busy(e)) {
            log.warn("Transaction collided on every attempt on {} {}: {}", request.getMethod(), request.getRequestURI(),
                    e.toString());
            return unavailable(DatabaseUnavailable.BUSY_RETRY_AFTER_SECONDS, DatabaseUnavailable.BUSY_TYPE,
                    DatabaseUnavailable.BUSY_TITLE, DatabaseUnavailable.BUSY_DETAIL, request);
        }
        log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return ResponseEntity.status(500).body(problemDetail(500, "internal-error", "Something went wrong",
                "cartpath could not complete the request. Quote request id " + RequestIds.current()
                        + " to your administrator.", request));
    }

    /** 503 problem+json with Retry-After: the database cannot be reached, or kept refusing the change. */
    private ResponseEntity<ProblemDetail> unavailable(String retryAfter, String type, String title, String detail,
            HttpServletRequest request) {
        return ResponseEntity.status(503).header("Retry-After", retryAfter)
                .body(problemDetail(503, type, title, detail, request));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
                .toList();
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, errors.stream()
                .map(m -> m.get("field") + ": " + m.get("message")).reduce((a, b) -> a + "; " + b)
                .orElse("The request is not valid"));
        body.setTitle("The request is not valid");
        body.setProperty("errors", errors);
        return handleExceptionInternal(e, body, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable refusal = e.getCause(); refusal != null; refusal = refusal.getCause()) {
            // a body longer than RequestBodyLimits allows, noticed while the JSON was being read
            if (refusal instanceof ProblemException problem && request instanceof ServletWebRequest servlet) {
                return ResponseEntity.status(problem.status()).body(problem(problem, servlet.getRequest()).getBody());
            }
        }
        String field = null;
        Throwable cause = e.getCause();
        while (cause != null && !(cause instanceof DatabindException)) {
            cause = cause.getCause();
        }
        if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            field = databind.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse(null);
        }
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field == null
                ? "The request body is missing or is not valid JSON"
                : "The value of '" + field + "' is not valid here");
        body.setTitle("The request body cannot be read");
        body.setType(URI.create("/problems/unreadable-body"));
        if (field != null) {
            body.setProperty("errors", List.of(Map.of("field", field, "message", "has a value of the wrong type or format")));
        }
        return handleExceptionInternal(e, body, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
                problem.setType(URI.create("/problems/" + ProblemTypes.forStatus(status.value())));
            }
            if (RequestIds.current() != null) {
                problem.setProperty("requestId", RequestIds.current());
            }
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    static ProblemDetail problemDetail(int status, String type, String title, String detail,
            HttpServletRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail);
        body.setType(URI.create("/problems/" + type));
        body.setTitle(title);
        body.setInstance(URI.create(request.getRequestURI()));
        if (RequestIds.current() != null) {
            body.setProperty("requestId", RequestIds.current());
        }
        return body;
    }
}

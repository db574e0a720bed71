package org.cartpath.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cartpath.shared.RequestIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outermost guard for a database that cannot be reached: the session store, sign-in, API tokens and
 * idempotency keys all read PostgreSQL before any controller runs, so their failure would otherwise escape as a
 * 500. Here it becomes 503 problem+json (an HTML page for pages) with {@code Retry-After}. Controllers' own
 * failures are answered the same way by {@link ApiErrorHandling} and {@link PageErrorHandling}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class DatabaseUnavailableFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

    private final JsonMapper mapper;

    DatabaseUnavailableFilter(JsonMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!DatabaseUnavailable.explains(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("Database unavailable on {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
            response.resetBuffer();
            response.setStatus(503);
            response.setHeader("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            if (wantsPage(request)) {
                response.setContentType("text/html");
                response.getWriter().write(page());
            } else {
                response.setContentType("application/problem+json");
                response.getWriter().write(mapper.writeValueAsString(problem(request)));
            }
        }
    }

    private static boolean wantsPage(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String accept = request.getHeader("Accept");
        return !path.startsWith("/api/") && !path.startsWith("/actuator/") && accept != null
                && accept.contains("text/html");
    }

    private static Map<String, Object> problem(HttpServletRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "/problems/" + DatabaseUnavailable.TYPE);
        body.put("title", DatabaseUnavailable.TITLE);
        body.put("status", 503);
        body.put("detail", DatabaseUnavailable.DETAIL);
        body.put("instance", request.getRequestURI());
        if (RequestIds.current() != null) {
            body.put("requestId", RequestIds.current());
        }
        return body;
    }

    private static String page() {
        String requestId = RequestIds.current() == null ? "" : HtmlUtils.htmlEscape(RequestIds.current());
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + DatabaseUnavailable.TITLE
                + " – cartpath</title></head><body><main><h1>" + DatabaseUnavailable.TITLE + "</h1><p>"
                + DatabaseUnavailable.DETAIL + "</p><p>Request id: " + requestId + "</p></main></body></html>";
    }
}

package org.cartpath.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.cartpath.shared.RequestIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id (a caller's well-formed {@code X-Request-Id} is kept, so ids carry across
 * systems), returns it in the response, puts it in the log context and the audit rows, and writes one log
 * line per request: method, path, status, duration, who.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger("org.cartpath.requests");

    /** Request attribute naming the actor, set once the request has been authenticated. */
    static final String WHO = "cartpath.who";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String incoming = request.getHeader(RequestIds.HEADER);
        String requestId = incoming != null && incoming.matches("[A-Za-z0-9._-]{8,64}") ? incoming
                : UUID.randomUUID().toString();
        MDC.put(RequestIds.MDC_KEY, requestId);
        response.setHeader(RequestIds.HEADER, requestId);
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            if (!request.getRequestURI().startsWith("/assets/")) {
                Object who = request.getAttribute(WHO);
                log.info("{} {} {} {}ms {}", request.getMethod(), request.getRequestURI(), response.getStatus(),
                        (System.nanoTime() - start) / 1_000_000, who == null ? "-" : who);
            }
            MDC.remove(RequestIds.MDC_KEY);
        }
    }
}

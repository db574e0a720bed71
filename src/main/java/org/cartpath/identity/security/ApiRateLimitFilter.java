package org.cartpath.identity.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.cartpath.identity.CurrentActor;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * A per-client request limit for the API (per actor, or per address for anonymous calls), in fixed
 * one-minute windows, kept in memory per application instance. Over the limit the answer is 429
 * problem+json with {@code Retry-After}.
 */
class ApiRateLimitFilter extends OncePerRequestFilter {

    private record Window(long minute, AtomicInteger count) {
    }

    private final int limitPerMinute;
    private final Clock clock;
    private final JsonMapper mapper;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    ApiRateLimitFilter(int limitPerMinute, Clock clock, JsonMapper mapper) {
        this.limitPerMinute = limitPerMinute;
        this.clock = clock;
        this.mapper = mapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String client = CurrentActor.get().map(a -> "actor:" + a.id()).orElse("address:" + request.getRemoteAddr());
        long millis = clock.millis();
        long minute = millis / 60_000;
        Window window = windows.compute(client, (key, current) ->
                current == null || current.minute() != minute ? new Window(minute, new AtomicInteger()) : current);
        if (window.count().incrementAndGet() > limitPerMinute) {
            response.setHeader("Retry-After", String.valueOf(60 - (millis / 1000) % 60));
            ProblemResponses.write(request, response, mapper, 429, "rate-limited", "Too many requests",
                    "More than " + limitPerMinute + " requests in a minute; try again shortly");
            return;
        }
        if (windows.size() > 10_000) {
            windows.entrySet().removeIf(e -> e.getValue().minute() != minute);
        }
        chain.doFilter(request, response);
    }
}

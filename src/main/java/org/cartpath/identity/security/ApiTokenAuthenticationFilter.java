package org.cartpath.identity.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.cartpath.identity.ApiTokenManagement;
import org.cartpath.shared.Actor;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Authorization: Bearer cpt_…}: a system client. The token is checked against the database on every
 * request. A malformed, unknown or revoked token is answered 401 at once, never treated as anonymous.
 */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    private final ApiTokenManagement tokens;
    private final JsonMapper mapper;

    ApiTokenAuthenticationFilter(ApiTokenManagement tokens, JsonMapper mapper) {
        this.tokens = tokens;
        this.mapper = mapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            ProblemResponses.write(request, response, mapper, 401, "unauthenticated", "Not signed in",
                    "Only 'Authorization: Bearer <token>' is accepted");
            return;
        }
        Optional<Actor> actor = tokens.authenticate(header.substring(7).trim());
        if (actor.isEmpty()) {
            ProblemResponses.write(request, response, mapper, 401, "invalid-token", "Not signed in",
                    "The API token is not valid or has been revoked");
            return;
        }
        CartpathPrincipal principal = new CartpathPrincipal(actor.get(), false);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.authorities()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}

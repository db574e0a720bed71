package org.cartpath.identity.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.cartpath.identity.internal.CredentialCache;
import org.cartpath.identity.internal.IdentityStore;
import org.cartpath.shared.Actor;
import org.cartpath.shared.UserId;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Guards every request of a signed-in person (ADR 0003):
 * <ul>
 *   <li>15 minutes without a request ends the session (idle timeout); 12 hours after signing in it ends
 *       whatever the activity (absolute timeout). Both use the injected clock.</li>
 *   <li>The user is reloaded on every request, so a disabled account, a deactivated organisation or a changed role
 *       takes effect on the next request, on every application instance: from the {@link CredentialCache}, which
 *       every instance empties of a user as soon as a change to them commits (ADR 0029), else from the database.</li>
 *   <li>A user who must change their password can do nothing else until they have.</li>
 * </ul>
 */
class SessionGuardFilter extends OncePerRequestFilter {

    static final String SIGNED_IN_AT = "cartpath.signedInAt";
    static final String LAST_SEEN = "cartpath.lastSeen";
    static final Duration IDLE_TIMEOUT = Duration.ofMinutes(15);
    static final Duration ABSOLUTE_TIMEOUT = Duration.ofHours(12);

    private final IdentityStore store;
    private final CredentialCache cache;
    private final Clock clock;
    private final JsonMapper mapper;

    SessionGuardFilter(IdentityStore store, CredentialCache cache, Clock clock, JsonMapper mapper) {
        this.store = store;
        this.cache = cache;
        this.clock = clock;
        this.mapper = mapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        HttpSession session = request.getSession(false);
        if (session == null || !(authentication != null
                && authentication.getPrincipal() instanceof CartpathPrincipal principal && principal.actor().isPerson())) {
            chain.doFilter(request, response);
            return;
        }
        Instant now = Instant.now(clock);
        Instant signedInAt = (Instant) session.getAttribute(SIGNED_IN_AT);
        Instant lastSeen = (Instant) session.getAttribute(LAST_SEEN);
        if (signedInAt == null || lastSeen == null) {
            signedInAt = signedInAt == null ? now : signedInAt;
            lastSeen = now;
            session.setAttribute(SIGNED_IN_AT, signedInAt);
        }
        if (Duration.between(lastSeen, now).compareTo(IDLE_TIMEOUT) > 0) {
            end(request, response, session, "idle", "You were signed out after 15 minutes without activity");
            return;
        }
        if (Duration.between(signedInAt, now).compareTo(ABSOLUTE_TIMEOUT) > 0) {
            end(request, response, session, "absolute", "You were signed out 12 hours after signing in");
            return;
        }
        UserId user = UserId.of(principal.actor().id());
        Optional<IdentityStore.Credentials> current = cache.user(user.toString(), () -> store.credentials(user));
        if (current.isEmpty() || !current.get().account().enabled() || !current.get().organisationActive()) {
            end(request, response, session, "disabled", "Your account has been disabled");
            return;
        }
        CartpathPrincipal fresh = PasswordAuthenticationProvider.principalOf(current.get());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.authorities()));
        SecurityContextHolder.setContext(context);
        if (Duration.between(lastSeen, now).toSeconds() >= 5 || lastSeen.equals(now)) {
            session.setAttribute(LAST_SEEN, now);
        }
        if (fresh.mustChangePassword() && !allowedBeforePasswordChange(request)) {
            if (ProblemResponses.isApi(request)) {
                ProblemResponses.write(request, response, mapper, 403, "password-change-required",
                        "Password change required", "Change your temporary password before using cartpath");
            } else {
                response.sendRedirect(request.getContextPath() + "/account/password");
            }
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean allowedBeforePasswordChange(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/account/password") || path.equals("/sign-out") || path.startsWith("/assets/")
                || path.equals("/error");
    }

    private void end(HttpServletRequest request, HttpServletResponse response, HttpSession session, String why,
            String detail) throws IOException {
        Actor actor = ((CartpathPrincipal) SecurityContextHolder.getContext().getAuthentication().getPrincipal()).actor();
        logger.info("Session of " + actor.username() + " ended: " + why);
        session.invalidate();
        SecurityContextHolder.clearContext();
        if (ProblemResponses.isApi(request)) {
            ProblemResponses.write(request, response, mapper, 401, "session-expired", "Not signed in", detail);
        } else {
            response.sendRedirect(request.getContextPath() + "/sign-in?ended=" + why);
        }
    }
}

package org.cartpath.identity.security;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.cartpath.identity.internal.IdentityStore;
import org.cartpath.shared.Actor;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Signs people in with username and password, throttled by {@link SignInThrottle}. Unknown usernames cost
 * the same password hashing as known ones, so response times do not reveal which accounts exist.
 */
@Component
class PasswordAuthenticationProvider implements AuthenticationProvider {

    private final IdentityStore store;
    private final PasswordEncoder passwords;
    private final SignInThrottle throttle;
    private final ZoneId zone;
    private final String dummyHash;

    PasswordAuthenticationProvider(IdentityStore store, PasswordEncoder passwords, SignInThrottle throttle,
            DisplayZone zone) {
        this.store = store;
        this.passwords = passwords;
        this.throttle = throttle;
        this.zone = zone.zoneId();
        this.dummyHash = passwords.encode("not-a-real-password-" + System.nanoTime());
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName() == null ? "" : authentication.getName().trim();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null ? details.getRemoteAddress() : "unknown";
        if (username.isEmpty() || password.isEmpty()) {
            throw new BadCredentialsException("Enter your username and password");
        }
        Optional<java.time.Instant> paused = throttle.pausedUntil(username, address);
        if (paused.isPresent()) {
            throw new LockedException("Too many failed attempts. You can try again after "
                    + DateTimeFormatter.ofPattern("HH:mm").withZone(zone).format(paused.get()) + ".");
        }
        Optional<IdentityStore.Credentials> found = store.credentialsByUsername(username);
        boolean matches = passwords.matches(password, found.map(IdentityStore.Credentials::passwordHash).orElse(dummyHash));
        if (found.isEmpty() || !matches) {
            throttle.recordFailure(username, address);
            throw new BadCredentialsException("The username or password is not correct");
        }
        IdentityStore.Credentials credentials = found.get();
        if (!credentials.account().enabled() || !credentials.organisationActive()) {
            throttle.recordFailure(username, address);
            throw new DisabledException("This account is disabled. Ask your administrator.");
        }
        throttle.recordSuccess(username, address);
        CartpathPrincipal principal = principalOf(credentials);
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.authorities());
    }

    static CartpathPrincipal principalOf(IdentityStore.Credentials credentials) {
        var account = credentials.account();
        Actor actor = new Actor(account.id().toString(), Actor.ActorType.PERSON, account.username(),
                account.displayName(), account.organisationId(), account.organisationName(),
                account.organisationKind(), credentials.organisationOperator(), account.roles());
        return new CartpathPrincipal(actor, account.mustChangePassword());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}

package org.cartpath.identity;

import java.util.Optional;
import org.cartpath.identity.security.CartpathPrincipal;
import org.cartpath.shared.Actor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The actor of the current request. Controllers can also declare an {@link Actor} parameter, which is
 * resolved from here.
 */
public final class CurrentActor {

    private CurrentActor() {
    }

    public static Optional<Actor> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof CartpathPrincipal principal) {
            return Optional.of(principal.actor());
        }
        return Optional.empty();
    }

    public static Actor require() {
        return get().orElseThrow(() -> new IllegalStateException("No signed-in actor for this request"));
    }
}

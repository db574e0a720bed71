package org.cartpath.platform.web;

import java.util.List;

/** What every page's header shows: who is signed in, for which organisation, and where they can go. */
public record Shell(boolean signedIn, String displayName, String organisationName, List<Link> navigation) {

    public record Link(String label, String href, boolean current) {
    }

    static Shell anonymous() {
        return new Shell(false, null, null, List.of());
    }
}

package org.cartpath.custody.web;

import java.util.List;
import org.cartpath.custody.ChainOfIdentityId;
import org.cartpath.custody.InvalidIdentifierException;
import org.cartpath.custody.internal.IdentifierStore;
import org.cartpath.journey.CaseFinder;
import org.cartpath.journey.CaseId;
import org.cartpath.shared.Actor;
import org.springframework.stereotype.Component;

/**
 * The worklist finds a case by its chain-of-identity number, scanned ({@code &/CH…}) or typed with or without
 * the data identifier and spaces ({@code CH G9701 26 000123}).
 */
@Component
class ChainOfIdentityCaseFinder implements CaseFinder {

    private final IdentifierStore identifiers;

    ChainOfIdentityCaseFinder(IdentifierStore identifiers) {
        this.identifiers = identifiers;
    }

    @Override
    public List<CaseId> casesMatching(Actor actor, String term) {
        String compact = term.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        if (!compact.startsWith("&/")) {
            compact = "&/" + compact;
        }
        if (compact.length() != 17 || !compact.startsWith("&/CH")) {
            return List.of();
        }
        try {
            return identifiers.caseOf(ChainOfIdentityId.parse(compact)).map(List::of).orElse(List.of());
        } catch (InvalidIdentifierException notACoi) {
            return List.of();
        }
    }
}

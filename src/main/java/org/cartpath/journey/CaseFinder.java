package org.cartpath.journey;

import java.util.List;
import org.cartpath.shared.Actor;

/**
 * Finds cases by an identifier another module owns, for the worklist search (ADR 0008: search by name,
 * NHS number or COI). The custody module finds a case by its chain-of-identity number. The worklist still
 * shows only the actor's centre's cases, whatever a finder returns.
 */
public interface CaseFinder {
    List<CaseId> casesMatching(Actor actor, String term);
}

package org.cartpath.journey;

import java.util.Collection;
import java.util.Map;
import org.cartpath.shared.Actor;

/**
 * Implemented by stage modules that know something about a case a list of cases must show at a glance (the referrer's
 * "Urgent"), so that the worklist and the coordinator's home can mark it without the journey module depending on them.
 */
public interface CaseFlags {

    /** A word for each of the cases that carries the flag ("Urgent"); the others are absent. */
    Map<CaseId, String> flags(Actor actor, Collection<CaseId> cases);

    /**
     * The cases among {@code cases} whose flag puts them before the others in every list of cases and tasks
     * ({@link CaseUrgency}); none unless the contributor says so.
     */
    default java.util.Set<CaseId> urgent(Actor actor, Collection<CaseId> cases) {
        return java.util.Set.of();
    }

    /** Every contributor's flags for the cases, one line per case. */
    static Map<CaseId, String> of(Collection<CaseFlags> contributors, Actor actor, Collection<CaseId> cases) {
        Map<CaseId, String> all = new java.util.HashMap<>();
        if (cases.isEmpty()) {
            return all;
        }
        contributors.forEach(c -> c.flags(actor, cases).forEach((id, flag) -> all.merge(id, flag, (a, b) -> a + ", " + b)));
        return all;
    }
}

package org.cartpath.catalogue;

import java.util.List;

/**
 * One way to qualify for an indication, e.g. "second line: refractory to or relapsed within 12 months of
 * first-line chemoimmunotherapy, transplant suitable". All of its criteria must hold.
 */
public record EligibilityPathway(String id, String text, String source, List<EligibilityCriterion> criteria) {

    public EligibilityPathway {
        criteria = List.copyOf(criteria);
    }
}

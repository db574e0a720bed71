package org.cartpath.followup.outcomes;

/**
 * Metabolic response of lymphoma on PET-CT at nodal and extranodal sites, by the Lugano classification (Cheson BD,
 * Fisher RI, Barrington SF, et al. Recommendations for initial evaluation, staging, and response assessment of
 * Hodgkin and non-Hodgkin lymphoma: the Lugano classification. J Clin Oncol 2014;32(27):3059–3068, Table 3): new
 * FDG-avid foci consistent with lymphoma are progressive metabolic disease; otherwise a Deauville score of 1–3, with or
 * without a residual mass, is a complete metabolic response; a score of 4 or 5 is a partial metabolic response when
 * uptake has fallen from baseline, no metabolic response when it has not changed, and progressive metabolic disease
 * when it has risen. Bone-marrow criteria are not graded here. See docs/clinical/outcomes-calculators.md.
 */
public final class LuganoPetResponse {

    public enum Uptake {
        REDUCED, NO_CHANGE, INCREASED
    }

    public enum Category {
        COMPLETE_METABOLIC_RESPONSE, PARTIAL_METABOLIC_RESPONSE, NO_METABOLIC_RESPONSE, PROGRESSIVE_METABOLIC_DISEASE
    }

    private LuganoPetResponse() {
    }

    /** The category from the Deauville score (1–5), the change in uptake from baseline and new avid lesions. */
    public static Category assess(int deauvilleScore, Uptake uptakeComparedWithBaseline, boolean newLesions) {
        if (deauvilleScore < 1 || deauvilleScore > 5) {
            throw new IllegalArgumentException("the Deauville score runs from 1 to 5");
        }
        if (newLesions) {
            return Category.PROGRESSIVE_METABOLIC_DISEASE;
        }
        if (deauvilleScore <= 3) {
            return Category.COMPLETE_METABOLIC_RESPONSE;
        }
        return switch (uptakeComparedWithBaseline) {
            case REDUCED -> Category.PARTIAL_METABOLIC_RESPONSE;
            case NO_CHANGE -> Category.NO_METABOLIC_RESPONSE;
            case INCREASED -> Category.PROGRESSIVE_METABOLIC_DISEASE;
        };
    }
}

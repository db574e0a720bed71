package org.cartpath.reporting;

import org.cartpath.followup.ResponseFramework;

/**
 * Which best responses count as a response in the overall response rate (docs/clinical/outcome-measures.md, "Best
 * overall response"): B-ALL — complete remission with or without count recovery, MRD-negative or not (overall
 * remission rate of ELIANA, Maude et al. N Engl J Med 2018;378:439–448); Lugano 2014 — complete or partial (metabolic)
 * response (Cheson et al. J Clin Oncol 2014;32:3059–3068); IMWG 2016 — partial response or better (Kumar et al.
 * Lancet Oncol 2016;17:e328–e346).
 */
public final class ResponseRules {

    private ResponseRules() {
    }

    public static boolean isResponse(ResponseFramework framework, String category) {
        int rank = framework.rank(category);
        return switch (framework) {
            case B_ALL -> rank <= framework.rank("COMPLETE_REMISSION_INCOMPLETE_COUNT_RECOVERY");
            case LUGANO_2014_PET -> rank <= framework.rank("PARTIAL_METABOLIC_RESPONSE");
            case LUGANO_2014_CT, IMWG_2016 -> rank <= framework.rank("PARTIAL_RESPONSE");
        };
    }
}

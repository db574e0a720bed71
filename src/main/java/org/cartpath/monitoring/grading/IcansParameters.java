package org.cartpath.monitoring.grading;

/**
 * The parameters of ICANS grading that guidelines and labels set, and that the catalogue will supply per
 * label version.
 *
 * @param capdBelowAgeYears                      children younger than this are assessed with CAPD, not ICE
 * @param capdWithDevelopmentalDelayUpToAgeYears with developmental delay, CAPD is used up to and including
 *                                               this age
 */
public record IcansParameters(int capdBelowAgeYears, int capdWithDevelopmentalDelayUpToAgeYears) {

    /**
     * CAPD under 12: Santomasso BD et al., "Management of Immune-Related Adverse Events in Patients Treated
     * With Chimeric Antigen Receptor T-Cell Therapy: ASCO Guideline", J Clin Oncol 2021;39(35):3978–3992.
     * CAPD with developmental delay up to and including 21: the age range CAPD was validated in (Traube C et al.,
     * Crit Care Med 2014;42(3):656–663).
     */
    public static final IcansParameters DEFAULT = new IcansParameters(12, 21);

    public IcansParameters {
        if (capdBelowAgeYears < 0 || capdWithDevelopmentalDelayUpToAgeYears < 0) {
            throw new IllegalArgumentException("CAPD age limits must not be negative");
        }
    }
}

package org.cartpath.followup.outcomes;

import java.math.BigDecimal;

/**
 * Response of multiple myeloma by the International Myeloma Working Group uniform response criteria (Kumar S, Paiva B,
 * Anderson KC, et al. International Myeloma Working Group consensus criteria for response and minimal residual disease
 * assessment in multiple myeloma. Lancet Oncol 2016;17(8):e328–e346, Table 3; building on Durie BGM, Harousseau JL,
 * Miguel JS, et al. International uniform response criteria for multiple myeloma. Leukemia 2006;20(9):1467–1473), for
 * one assessment from the serum and urine M-protein. Confirmation by two consecutive assessments is the caller's job.
 *
 * <p>Progression is tested first, from the nadir (the lowest confirmed value): serum M-protein up by ≥ 25 % and by
 * ≥ 0.5 g/dL, or by ≥ 1 g/dL when the nadir was ≥ 5 g/dL; urine M-protein up by ≥ 25 % and by ≥ 200 mg/24 h; or new
 * bone lesions or plasmacytomas. The other categories are tested from best to worst, reductions measured from
 * baseline:
 * <ul>
 * <li>stringent complete response: complete response, a normal free light chain ratio and no clonal plasma cells in
 * the marrow;</li>
 * <li>complete response: negative immunofixation of serum and urine, no soft-tissue plasmacytomas, &lt; 5 % plasma
 * cells in the marrow (without a marrow result no complete response is given);</li>
 * <li>very good partial response: M-protein detectable by immunofixation only, or serum M-protein down ≥ 90 % with
 * urine M-protein &lt; 100 mg/24 h;</li>
 * <li>partial response: serum M-protein down ≥ 50 % and urine M-protein down ≥ 90 % or to &lt; 200 mg/24 h;</li>
 * <li>minimal response: serum M-protein down ≥ 25 % (and the urine, when measurable at baseline, i.e. ≥ 200 mg/24 h,
 * down ≥ 50 %; the criteria's "50–89 %", whose upper end only separates minimal from partial response);</li>
 * <li>otherwise stable disease.</li>
 * </ul>
 * Soft-tissue plasmacytoma size, free light chain-only and marrow-only disease are outside this calculator. The rules
 * and their boundaries are listed in docs/clinical/outcomes-calculators.md. Arithmetic is exact decimal arithmetic, so
 * a reduction of exactly 90 % is a reduction of 90 %.
 */
public final class ImwgResponse {

    public enum Category {
        STRINGENT_COMPLETE_RESPONSE, COMPLETE_RESPONSE, VERY_GOOD_PARTIAL_RESPONSE, PARTIAL_RESPONSE,
        MINIMAL_RESPONSE, STABLE_DISEASE, PROGRESSIVE_DISEASE
    }

    /**
     * One assessment. The nadirs default to the baselines when {@code null}; {@code marrowPlasmaCellsPercent},
     * {@code flcRatioNormal} and {@code clonalPlasmaCellsInMarrow} may be {@code null} (not measured).
     */
    public record Assessment(BigDecimal baselineSerumMProteinGPerDl, BigDecimal currentSerumMProteinGPerDl,
            BigDecimal nadirSerumMProteinGPerDl, BigDecimal baselineUrineMProteinMgPer24h,
            BigDecimal currentUrineMProteinMgPer24h, BigDecimal nadirUrineMProteinMgPer24h,
            boolean serumImmunofixationNegative, boolean urineImmunofixationNegative,
            boolean mProteinDetectableOnlyByImmunofixation, BigDecimal marrowPlasmaCellsPercent,
            boolean softTissuePlasmacytomas, Boolean flcRatioNormal, Boolean clonalPlasmaCellsInMarrow,
            boolean newBoneLesionsOrPlasmacytomas) {

        public Assessment {
            if (baselineSerumMProteinGPerDl.signum() <= 0) {
                throw new IllegalArgumentException("the baseline serum M-protein must be measurable (> 0)");
            }
            nadirSerumMProteinGPerDl = nadirSerumMProteinGPerDl != null ? nadirSerumMProteinGPerDl
                    : baselineSerumMProteinGPerDl;
            nadirUrineMProteinMgPer24h = nadirUrineMProteinMgPer24h != null ? nadirUrineMProteinMgPer24h
                    : baselineUrineMProteinMgPer24h;
            if (nadirSerumMProteinGPerDl.compareTo(baselineSerumMProteinGPerDl) > 0
                    || nadirUrineMProteinMgPer24h.compareTo(baselineUrineMProteinMgPer24h) > 0) {
                throw new IllegalArgumentException("a nadir cannot be above its baseline");
            }
        }
    }

    static final BigDecimal PROGRESSION_RELATIVE = new BigDecimal("1.25");
    static final BigDecimal PROGRESSION_SERUM_ABSOLUTE_G_PER_DL = new BigDecimal("0.5");
    static final BigDecimal PROGRESSION_SERUM_HIGH_NADIR_G_PER_DL = new BigDecimal("5");
    static final BigDecimal PROGRESSION_SERUM_HIGH_NADIR_ABSOLUTE_G_PER_DL = new BigDecimal("1");
    static final BigDecimal PROGRESSION_URINE_ABSOLUTE_MG = new BigDecimal("200");
    static final BigDecimal CR_MARROW_PLASMA_CELLS_BELOW = new BigDecimal("5");
    static final BigDecimal VGPR_URINE_BELOW_MG = new BigDecimal("100");
    static final BigDecimal PR_URINE_BELOW_MG = new BigDecimal("200");
    static final BigDecimal URINE_MEASURABLE_FROM_MG = new BigDecimal("200");

    private ImwgResponse() {
    }

    public static Category assess(Assessment a) {
        if (progressed(a)) {
            return Category.PROGRESSIVE_DISEASE;
        }
        boolean complete = a.serumImmunofixationNegative() && a.urineImmunofixationNegative()
                && !a.softTissuePlasmacytomas() && a.marrowPlasmaCellsPercent() != null
                && a.marrowPlasmaCellsPercent().compareTo(CR_MARROW_PLASMA_CELLS_BELOW) < 0;
        if (complete) {
            return Boolean.TRUE.equals(a.flcRatioNormal()) && Boolean.FALSE.equals(a.clonalPlasmaCellsInMarrow())
                    ? Category.STRINGENT_COMPLETE_RESPONSE : Category.COMPLETE_RESPONSE;
        }
        BigDecimal serumBaseline = a.baselineSerumMProteinGPerDl();
        BigDecimal serum = a.currentSerumMProteinGPerDl();
        BigDecimal urineBaseline = a.baselineUrineMProteinMgPer24h();
        BigDecimal urine = a.currentUrineMProteinMgPer24h();
        if (a.mProteinDetectableOnlyByImmunofixation()
                || reducedBy(serum, serumBaseline, "0.90") && urine.compareTo(VGPR_URINE_BELOW_MG) < 0) {
            return Category.VERY_GOOD_PARTIAL_RESPONSE;
        }
        if (reducedBy(serum, serumBaseline, "0.50")
                && (reducedBy(urine, urineBaseline, "0.90") || urine.compareTo(PR_URINE_BELOW_MG) < 0)) {
            return Category.PARTIAL_RESPONSE;
        }
        boolean urineMeasurable = urineBaseline.compareTo(URINE_MEASURABLE_FROM_MG) >= 0;
        if (reducedBy(serum, serumBaseline, "0.25") && (!urineMeasurable || reducedBy(urine, urineBaseline, "0.50"))) {
            return Category.MINIMAL_RESPONSE;
        }
        return Category.STABLE_DISEASE;
    }

    private static boolean progressed(Assessment a) {
        if (a.newBoneLesionsOrPlasmacytomas()) {
            return true;
        }
        BigDecimal serumNadir = a.nadirSerumMProteinGPerDl();
        BigDecimal serumRise = a.currentSerumMProteinGPerDl().subtract(serumNadir);
        boolean serum = risenBy25Percent(a.currentSerumMProteinGPerDl(), serumNadir)
                && serumRise.compareTo(PROGRESSION_SERUM_ABSOLUTE_G_PER_DL) >= 0;
        boolean serumFromHighNadir = serumNadir.compareTo(PROGRESSION_SERUM_HIGH_NADIR_G_PER_DL) >= 0
                && serumRise.compareTo(PROGRESSION_SERUM_HIGH_NADIR_ABSOLUTE_G_PER_DL) >= 0;
        BigDecimal urineNadir = a.nadirUrineMProteinMgPer24h();
        boolean urine = risenBy25Percent(a.currentUrineMProteinMgPer24h(), urineNadir)
                && a.currentUrineMProteinMgPer24h().subtract(urineNadir).compareTo(PROGRESSION_URINE_ABSOLUTE_MG) >= 0;
        return serum || serumFromHighNadir || urine;
    }

    /** current ≥ 1.25 × nadir: a rise of at least 25 % from the nadir. */
    private static boolean risenBy25Percent(BigDecimal current, BigDecimal nadir) {
        return current.compareTo(nadir.multiply(PROGRESSION_RELATIVE)) >= 0;
    }

    /** current ≤ (1 − fraction) × baseline: a fall of at least {@code fraction}; never from a baseline of 0. */
    private static boolean reducedBy(BigDecimal current, BigDecimal baseline, String fraction) {
        if (baseline.signum() == 0) {
            return false;
        }
        return current.compareTo(baseline.multiply(BigDecimal.ONE.subtract(new BigDecimal(fraction)))) <= 0;
    }
}

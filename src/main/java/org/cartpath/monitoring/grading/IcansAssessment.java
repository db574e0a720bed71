package org.cartpath.monitoring.grading;

import org.cartpath.shared.ProblemException;

/**
 * What is observed at the bedside for an ICANS grade. Field names are those of the API. Tremor, myoclonus
 * and intracranial haemorrhage are not inputs: CTCAE grades them and they do not change the ICANS grade
 * (ASTCT 2019).
 *
 * <p>The age limit 0–120 is input sanity, not a clinical rule.
 *
 * @param ageYears                             completed years; decides ICE or CAPD with
 *                                             {@code developmentalDelay}
 * @param developmentalDelay                   allows CAPD beyond the age cut-off
 * @param iceScore                             the ICE total (0–10) when ICE is the tool, otherwise empty
 * @param capdScore                            the CAPD total (0–32) when CAPD is the tool, otherwise empty
 * @param unableToAssess                       the tool could not be done because the patient cannot be
 *                                             roused; then no score is given and consciousness is
 *                                             {@link Consciousness#UNAROUSABLE}
 * @param consciousness                        the level of consciousness
 * @param consciousnessAttributableToOtherCause a depressed consciousness has another cause, such as sedating
 *                                             medication, and does not count (ASTCT 2019)
 * @param seizure                              seizures since the last assessment
 * @param motorWeakness                        deep focal motor weakness such as hemiparesis or paraparesis
 * @param cerebralEdema                        raised intracranial pressure or cerebral oedema
 */
public record IcansAssessment(
        int ageYears,
        boolean developmentalDelay,
        Integer iceScore,
        Integer capdScore,
        boolean unableToAssess,
        Consciousness consciousness,
        boolean consciousnessAttributableToOtherCause,
        Seizure seizure,
        boolean motorWeakness,
        CerebralEdema cerebralEdema) {

    public IcansAssessment {
        if (ageYears < 0 || ageYears > 120) {
            throw ProblemException.invalid("ageYears", "must be between 0 and 120");
        }
        if (iceScore != null && (iceScore < 0 || iceScore > 10)) {
            throw ProblemException.invalid("iceScore", "must be between 0 and 10");
        }
        if (capdScore != null && (capdScore < 0 || capdScore > 32)) {
            throw ProblemException.invalid("capdScore", "must be between 0 and 32");
        }
        if (consciousness == null) {
            throw ProblemException.invalid("consciousness", "is required");
        }
        if (seizure == null) {
            throw ProblemException.invalid("seizure", "is required (NONE when there was none)");
        }
        if (cerebralEdema == null) {
            throw ProblemException.invalid("cerebralEdema", "is required (NONE when there is none)");
        }
        if (unableToAssess && consciousness != Consciousness.UNAROUSABLE) {
            // ASTCT 2019: an awake patient who cannot answer (e.g. global aphasia) scores ICE 0, grade 3;
            // only an unarousable patient is "unable to perform" the assessment, grade 4.
            throw ProblemException.invalid("unableToAssess", "is only for a patient who cannot be roused"
                    + " (consciousness UNAROUSABLE); a patient who is awake but cannot answer is scored");
        }
    }
}

package org.cartpath.monitoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.cartpath.monitoring.grading.CapdAnswer;
import org.cartpath.monitoring.grading.CerebralEdema;
import org.cartpath.monitoring.grading.Consciousness;
import org.cartpath.monitoring.grading.OxygenDevice;
import org.cartpath.monitoring.grading.Seizure;
import org.cartpath.monitoring.grading.Vasopressor;

/**
 * What the nurse or doctor observed, as entered: stored as it is, so that the grade can be audited and other
 * scales derived later (docs/clinical/crs-grading.md). Field names are those of the API. The ICE items are given
 * for patients assessed with ICE, the eight CAPD answers for those assessed with CAPD; which one applies
 * follows from the age and developmental delay recorded when monitoring started.
 *
 * @param hypotension       low blood pressure needing fluids or vasopressors
 * @param imaging           what neuroimaging showed, in words (the grade takes {@code cerebralEdema})
 */
public record AssessmentInput(
        Instant assessedAt,
        BigDecimal temperatureCelsius,
        Integer heartRatePerMinute,
        Integer systolicMmHg,
        Integer diastolicMmHg,
        Integer respiratoryRatePerMinute,
        Integer oxygenSaturationPercent,
        boolean hypotension,
        List<Vasopressor> vasopressors,
        OxygenDevice oxygenDevice,
        BigDecimal oxygenFlowLitresPerMinute,
        boolean feverAttributableToOtherCause,
        boolean antipyreticOrAnticytokineGiven,
        boolean deathFromCrs,
        IceItems iceItems,
        List<CapdAnswer> capdAnswers,
        boolean unableToAssess,
        Consciousness consciousness,
        boolean consciousnessAttributableToOtherCause,
        Seizure seizure,
        boolean motorWeakness,
        CerebralEdema cerebralEdema,
        String imaging,
        String notes) {

    public AssessmentInput {
        vasopressors = vasopressors == null ? List.of() : List.copyOf(vasopressors);
        capdAnswers = capdAnswers == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(capdAnswers));
    }

    /** The five ICE items (ASTCT 2019): orientation 0–4, naming 0–3, commands, writing, attention 0–1. */
    public record IceItems(Integer orientation, Integer naming, Integer followsCommands, Integer writing,
            Integer attention) {
    }
}

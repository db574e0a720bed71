package org.cartpath.monitoring.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.cartpath.monitoring.AssessmentInput;
import org.cartpath.monitoring.grading.CapdAnswer;
import org.cartpath.monitoring.grading.CerebralEdema;
import org.cartpath.monitoring.grading.Consciousness;
import org.cartpath.monitoring.grading.OxygenDevice;
import org.cartpath.monitoring.grading.Seizure;
import org.cartpath.monitoring.grading.Vasopressor;
import org.cartpath.shared.RequestFields;
import org.cartpath.shared.TextLimits;

/**
 * An assessment as the API (and, converted from its fields, the form) receives it: every required field
 * checked and named, enums as text, whole numbers as JSON numbers.
 */
record AssessmentRequest(
        Instant assessedAt,
        BigDecimal temperatureCelsius,
        BigDecimal heartRatePerMinute,
        BigDecimal systolicMmHg,
        BigDecimal diastolicMmHg,
        BigDecimal respiratoryRatePerMinute,
        BigDecimal oxygenSaturationPercent,
        Boolean hypotension,
        @Size(max = TextLimits.ITEMS) List<@Size(max = TextLimits.SHORT) String> vasopressors,
        @Size(max = TextLimits.SHORT) String oxygenDevice,
        BigDecimal oxygenFlowLitresPerMinute,
        Boolean feverAttributableToOtherCause,
        Boolean antipyreticOrAnticytokineGiven,
        Boolean deathFromCrs,
        @Valid IceItemsRequest iceItems,
        @Size(max = TextLimits.ITEMS) List<@Size(max = TextLimits.SHORT) String> capdAnswers,
        Boolean unableToAssess,
        @Size(max = TextLimits.SHORT) String consciousness,
        Boolean consciousnessAttributableToOtherCause,
        @Size(max = TextLimits.SHORT) String seizure,
        Boolean motorWeakness,
        @Size(max = TextLimits.SHORT) String cerebralEdema,
        @Size(max = TextLimits.LONG) String imaging,
        @Size(max = TextLimits.LONG) String notes) {

    record IceItemsRequest(BigDecimal orientation, BigDecimal naming, BigDecimal followsCommands, BigDecimal writing,
            BigDecimal attention) {
    }

    static AssessmentRequest empty() {
        return new AssessmentRequest(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null);
    }

    AssessmentInput toInput() {
        RequestFields.required()
                .field("assessedAt", assessedAt)
                .field("temperatureCelsius", temperatureCelsius)
                .field("hypotension", hypotension)
                .field("vasopressors", vasopressors)
                .field("oxygenDevice", oxygenDevice)
                .field("feverAttributableToOtherCause", feverAttributableToOtherCause)
                .field("antipyreticOrAnticytokineGiven", antipyreticOrAnticytokineGiven)
                .field("unableToAssess", unableToAssess)
                .field("consciousness", consciousness)
                .field("consciousnessAttributableToOtherCause", consciousnessAttributableToOtherCause)
                .field("seizure", seizure)
                .field("motorWeakness", motorWeakness)
                .field("cerebralEdema", cerebralEdema)
                .check();
        AssessmentInput.IceItems ice = iceItems == null ? null : new AssessmentInput.IceItems(
                RequestFields.wholeNumber(iceItems.orientation(), "iceItems.orientation"),
                RequestFields.wholeNumber(iceItems.naming(), "iceItems.naming"),
                RequestFields.wholeNumber(iceItems.followsCommands(), "iceItems.followsCommands"),
                RequestFields.wholeNumber(iceItems.writing(), "iceItems.writing"),
                RequestFields.wholeNumber(iceItems.attention(), "iceItems.attention"));
        return new AssessmentInput(assessedAt, temperatureCelsius,
                RequestFields.wholeNumber(heartRatePerMinute, "heartRatePerMinute"),
                RequestFields.wholeNumber(systolicMmHg, "systolicMmHg"),
                RequestFields.wholeNumber(diastolicMmHg, "diastolicMmHg"),
                RequestFields.wholeNumber(respiratoryRatePerMinute, "respiratoryRatePerMinute"),
                RequestFields.wholeNumber(oxygenSaturationPercent, "oxygenSaturationPercent"),
                hypotension, RequestFields.choices(vasopressors, Vasopressor.class, "vasopressors"),
                RequestFields.choice(oxygenDevice, OxygenDevice.class, "oxygenDevice"), oxygenFlowLitresPerMinute,
                feverAttributableToOtherCause, antipyreticOrAnticytokineGiven, Boolean.TRUE.equals(deathFromCrs), ice,
                capdAnswers == null ? null : RequestFields.choices(capdAnswers, CapdAnswer.class, "capdAnswers"),
                unableToAssess, RequestFields.choice(consciousness, Consciousness.class, "consciousness"),
                consciousnessAttributableToOtherCause, RequestFields.choice(seizure, Seizure.class, "seizure"),
                motorWeakness, RequestFields.choice(cerebralEdema, CerebralEdema.class, "cerebralEdema"),
                blankToNull(imaging), blankToNull(notes));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}

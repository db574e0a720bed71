package org.cartpath.monitoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.cartpath.journey.CaseId;

/**
 * One version of an assessment: the inputs as entered, the CRS and ICANS grades computed from them with the
 * reasons, and the grader version that computed them. A correction is a new version of the same series,
 * naming the version it corrects and why.
 *
 * @param seriesId     the same for every version of one assessment (the id of its first version)
 * @param icansTool    ICE or CAPD
 * @param icansScore   the ICE (0–10) or CAPD (0–32) total; empty when the patient could not be roused
 * @param current      whether this is the latest version of its series
 */
public record RecordedAssessment(
        UUID id,
        UUID seriesId,
        int version,
        UUID correctsId,
        String correctionReason,
        CaseId caseId,
        Instant assessedAt,
        int dayNumber,
        AssessmentInput inputs,
        BigDecimal temperatureCelsius,
        int crsGrade,
        List<String> crsDrivers,
        String crsExplanation,
        int icansGrade,
        String icansTool,
        Integer icansScore,
        List<String> icansDrivers,
        String icansExplanation,
        String graderVersion,
        String recordedByName,
        Instant recordedAt,
        boolean current) {
}

package org.cartpath.monitoring;

import java.util.List;

/**
 * A case's monitoring at a glance: day 0 and today's day number, the latest weight, the latest assessment,
 * the highest grades so far, episodes, registry windows, the label-driven dates and what is due.
 *
 * @param latestWeight   empty until a weight is recorded
 * @param latest         the latest current assessment, empty before the first
 * @param highestCrsGrade highest CRS grade of any current assessment, empty before the first
 */
public record MonitoringSummary(
        MonitoringAnchor anchor,
        int dayNumber,
        WeightMeasurement latestWeight,
        RecordedAssessment latest,
        Integer highestCrsGrade,
        Integer highestIcansGrade,
        List<RecordedAssessment> assessments,
        List<ToxicityEpisode> episodes,
        List<RegistryWindow> registryWindows,
        MonitoringDates dates,
        AssessmentsDue due) {
}

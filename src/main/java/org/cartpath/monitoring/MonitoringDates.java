package org.cartpath.monitoring;

/**
 * The label-driven dates of a case and the assessment schedule cartpath applies.
 *
 * @param labelVersionId     the label version the dates come from
 * @param schedule           the schedule in words, saying which part is the label's and which the centre's default
 * @param scheduleIsDefault  the daily period is cartpath's default because the catalogue has no number
 */
public record MonitoringDates(
        String labelVersionId,
        LabelDate dailyMonitoringUntil,
        LabelDate monitoringUntil,
        LabelDate stayNearCentreUntil,
        LabelDate noDrivingUntil,
        String schedule,
        boolean scheduleIsDefault) {
}

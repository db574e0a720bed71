package org.cartpath.catalogue;

/**
 * What the label asks for after infusion (docs/clinical/follow-up.md). A number the label version does not give
 * is a {@link SourcedNumber} without a value and with a note.
 *
 * @param dailyMonitoringDays             days of at least daily monitoring from infusion
 * @param monitoringDays                  days of monitoring for CRS and neurological events from infusion
 * @param stayNearCentreDays              days the patient stays within reach of the treatment centre
 * @param noDrivingDays                   days the patient must not drive
 * @param tocilizumabDosesOnSite          doses of tocilizumab held on site for the patient before infusion
 * @param capdBelowAgeYears               ICANS is graded with CAPD instead of ICE below this age
 * @param capdDevelopmentalDelayMaxAgeYears CAPD may be used up to this age with developmental delay
 * @param tocilizumab                     the label's tocilizumab-for-CRS numbers; null when the version gives none
 *                                        (versions compiled before the field existed: ADR 0010 never rewrites a
 *                                        stored version), and {@link Catalogue#tocilizumab} answers the catalogue's
 */
public record MonitoringParameters(
        SourcedNumber dailyMonitoringDays,
        SourcedNumber monitoringDays,
        SourcedNumber stayNearCentreDays,
        SourcedNumber noDrivingDays,
        SourcedNumber tocilizumabDosesOnSite,
        SourcedNumber capdBelowAgeYears,
        SourcedNumber capdDevelopmentalDelayMaxAgeYears,
        TocilizumabParameters tocilizumab) {
}

package org.cartpath.monitoring;

import java.time.Instant;
import java.util.UUID;
import org.cartpath.journey.CaseId;

/**
 * An alert raised by the monitoring rule set, for the treating centre's consultants and coordinators.
 *
 * @param grade the grade reached, for CRS and ICANS alerts
 */
public record MonitoringAlert(
        UUID id,
        CaseId caseId,
        String caseReference,
        Kind kind,
        Integer grade,
        int dayNumber,
        String detail,
        UUID assessmentId,
        Instant raisedAt,
        String acknowledgedByName,
        Instant acknowledgedAt,
        String acknowledgementNote) {

    public enum Kind {
        CRS_GRADE("CRS"),
        ICANS_GRADE("ICANS"),
        FEVER("Fever"),
        MISSED_ASSESSMENT("Missed assessment");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public boolean acknowledged() {
        return acknowledgedAt != null;
    }
}

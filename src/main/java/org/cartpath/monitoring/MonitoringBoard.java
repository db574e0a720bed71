package org.cartpath.monitoring;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.CaseUrgency;
import org.cartpath.journey.CaseView;
import org.cartpath.monitoring.internal.AlertStore;
import org.cartpath.monitoring.internal.AnchorStore;
import org.cartpath.monitoring.internal.AssessmentStore;
import org.cartpath.monitoring.internal.MonitoringAccess;
import org.cartpath.monitoring.internal.MonitoringLabels;
import org.cartpath.monitoring.internal.MonitoringSettings;
import org.cartpath.monitoring.internal.TocilizumabStore;
import org.cartpath.shared.Actor;
import org.cartpath.shared.DataVisibility;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.ProblemException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monitoring board (ADR 0011): every patient of the actor's centre from day 0 to day 28
 * ({@code cartpath.monitoring.board-days}): urgent cases first ({@link CaseUrgency}, the rule every list of cases
 * follows), then most recently infused first.
 */
@Service
public class MonitoringBoard {

    /** How many of the latest temperatures the trend line shows. */
    static final int TREND_POINTS = 12;

    private final AnchorStore anchors;
    private final AssessmentStore assessments;
    private final TocilizumabStore tocilizumab;
    private final AlertStore alerts;
    private final MonitoringLabels labels;
    private final MonitoringManagement management;
    private final CaseJourney journey;
    private final CaseUrgency urgency;
    private final MonitoringSettings settings;
    private final Clock clock;
    private final ZoneId zone;

    MonitoringBoard(AnchorStore anchors, AssessmentStore assessments, TocilizumabStore tocilizumab, AlertStore alerts,
            MonitoringLabels labels, MonitoringManagement management, CaseJourney journey, CaseUrgency urgency,
            MonitoringSettings settings, Clock clock, @Value("${cartpath.time.zone:Europe/London}") String zone) {
        this.urgency = urgency;
        this.anchors = anchors;
        this.assessments = assessments;
        this.tocilizumab = tocilizumab;
        this.alerts = alerts;
        this.labels = labels;
        this.management = management;
        this.journey = journey;
        this.settings = settings;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    public int boardDays() {
        return settings.boardDays();
    }

    @Transactional(readOnly = true)
    public List<BoardRow> board(Actor actor) {
        if (actor.organisationKind() != OrganisationKind.TREATMENT_CENTRE
                || MonitoringAccess.READERS.stream().noneMatch(actor::hasRole)) {
            throw ProblemException.forbidden("The monitoring board is for the treatment centre's ward nurses,"
                    + " consultants, coordinators and pharmacists");
        }
        Instant now = Instant.now(clock);
        LocalDate today = LocalDate.ofInstant(now, zone);
        List<BoardRow> rows = new ArrayList<>();
        for (MonitoringAnchor anchor : anchors.ofCentreSince(DataVisibility.clinicalScope(actor), today.minusDays(settings.boardDays()))) {
            CaseView view = journey.get(actor, anchor.caseId());
            int day = anchor.dayNumber(today);
            if (!MonitoringAccess.ASSESSED_STAGES.contains(view.therapyCase().stage()) || day < 0
                    || day > settings.boardDays()) {
                continue;
            }
            rows.add(row(anchor, view, day, now, today));
        }
        return urgency.urgentFirst(actor, rows, BoardRow::caseId);
    }

    private BoardRow row(MonitoringAnchor anchor, CaseView view, int day, Instant now, LocalDate today) {
        List<RecordedAssessment> current = assessments.current(anchor.caseId());
        RecordedAssessment latest = current.isEmpty() ? null : current.get(current.size() - 1);
        BigDecimal highestTemperature = current.stream()
                .filter(a -> !a.assessedAt().isBefore(now.minus(Duration.ofHours(24))))
                .map(RecordedAssessment::temperatureCelsius).max(Comparator.naturalOrder()).orElse(null);
        List<BigDecimal> trend = current.stream().skip(Math.max(0, current.size() - TREND_POINTS))
                .map(RecordedAssessment::temperatureCelsius).toList();
        List<TocilizumabDoseGiven> doses = tocilizumab.doses(anchor.caseId());
        int open = (int) alerts.ofCase(anchor.caseId()).stream().filter(a -> !a.acknowledged()).count();
        return new BoardRow(anchor.caseId(), anchor.caseReference(), view.therapyCase().stage().label(), day,
                latest == null ? null : latest.assessedAt(), latest == null ? null : latest.crsGrade(),
                latest == null ? null : latest.icansGrade(),
                current.stream().map(RecordedAssessment::crsGrade).max(Integer::compare).orElse(null),
                current.stream().map(RecordedAssessment::icansGrade).max(Integer::compare).orElse(null),
                highestTemperature, trend, doses.size(),
                doses.isEmpty() ? null : doses.get(doses.size() - 1).givenAt(),
                management.due(anchor, current, today), open, labels.dates(anchor));
    }
}

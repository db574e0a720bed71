package org.cartpath.manufacturing;

import static org.cartpath.manufacturing.ManufacturingAccess.mirrored;
import static org.cartpath.manufacturing.ManufacturingAccess.requireStage;
import static org.cartpath.manufacturing.ManufacturingAccess.trimmed;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cartpath.audit.AuditTrail;
import org.cartpath.journey.CaseId;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.Stage;
import org.cartpath.journey.TherapyCase;
import org.cartpath.manufacturing.internal.ManufacturingStore;
import org.cartpath.scheduling.PlanStep;
import org.cartpath.scheduling.PlannedStep;
import org.cartpath.scheduling.SlotBookings;
import org.cartpath.shared.Actor;
import org.cartpath.shared.DataVisibility;
import org.cartpath.shared.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The manufacturer's status reports and what they add up to (ADR 0012). Manufacturer operators (their own cases
 * only; or a coordinator mirroring the manufacturer's portal) report status: material received moves the case into
 * manufacturing; a failure takes the route its report names ({@link OutOfSpecificationRoutes}). It also reads a case's
 * manufacturing history (reports and lots), the coordinator's overview across manufacturers and the failures
 * counted by reason. A release and everything after it on the lot are {@link LotReleases}'.
 */
@Service
public class ManufacturingReports {

    private final ManufacturingAccess access;
    private final OutOfSpecificationRoutes routes;
    private final ManufacturingStore store;
    private final CaseJourney journey;
    private final SlotBookings bookings;
    private final AuditTrail audit;
    private final Clock clock;

    ManufacturingReports(ManufacturingAccess access, OutOfSpecificationRoutes routes, ManufacturingStore store,
            CaseJourney journey, SlotBookings bookings, AuditTrail audit, Clock clock) {
        this.access = access;
        this.routes = routes;
        this.store = store;
        this.journey = journey;
        this.bookings = bookings;
        this.audit = audit;
        this.clock = clock;
    }

    /** A status report without a product: material received, started, in QC, or failed. */
    public record StatusReport(ManufacturingStatus status, FailureReason failureReason, FailureResolution resolution,
            String reason, LocalDate expectedReleaseOn) {
    }

    @Transactional
    public ManufacturingReport report(Actor actor, CaseId caseId, StatusReport command) {
        TherapyCase therapyCase = access.requireReporter(actor, caseId, "STATUS_REPORT");
        if (command.status() == null) {
            throw ProblemException.invalid("status", "is required");
        }
        if (command.status() == ManufacturingStatus.RELEASED || command.status() == ManufacturingStatus.OUT_OF_SPECIFICATION) {
            throw ProblemException.invalid("status", "a release, in or out of specification, is reported with its "
                    + "certificate of analysis: POST …/product-lots");
        }
        requireFutureOrToday(command.expectedReleaseOn());
        int attempt = access.currentAttempt(caseId);
        if (command.status() == ManufacturingStatus.FAILED) {
            routes.requireFailureRoute(command);
        }
        Instant now = Instant.now(clock);
        ManufacturingReport report = new ManufacturingReport(UUID.randomUUID(), attempt, command.status(),
                command.failureReason(), command.resolution(), trimmed(command.reason()), command.expectedReleaseOn(),
                mirrored(actor), now, actor.displayName());
        String summary = summary(report);
        switch (command.status()) {
            case MATERIAL_RECEIVED -> {
                if (therapyCase.stage() == Stage.COLLECTED) {
                    journey.advance(actor, caseId, Stage.IN_MANUFACTURING, summary);
                } else {
                    requireStage(therapyCase, Stage.IN_MANUFACTURING);
                    journey.note(actor, caseId, "MANUFACTURING_REPORTED", summary);
                }
            }
            case FAILED -> routes.followFailure(actor, caseId, therapyCase, command.resolution(), attempt, summary);
            default -> {
                requireStage(therapyCase, Stage.IN_MANUFACTURING);
                journey.note(actor, caseId, "MANUFACTURING_REPORTED", summary);
            }
        }
        store.insertReport(caseId, report, actor);
        audit.record(actor, "MANUFACTURING_REPORTED", "TherapyCase", caseId.toString(), null, auditView(report), report.reason());
        return report;
    }

    // --- reading -------------------------------------------------------------------------------------

    /** Everything manufacturing knows of a case: its reports and lots. */
    public record History(List<ManufacturingReport> reports, List<ProductLot> lots) {
        public ManufacturingReport latestReport() {
            return reports.isEmpty() ? null : reports.get(reports.size() - 1);
        }

        public ProductLot latestLot() {
            return lots.isEmpty() ? null : lots.get(lots.size() - 1);
        }
    }

    @Transactional(readOnly = true)
    public History history(Actor actor, CaseId caseId) {
        journey.get(actor, caseId);
        return new History(store.reports(caseId), store.lots(caseId));
    }

    /**
     * A line of the coordinator's overview of manufacturing across all manufacturers.
     *
     * @param plannedRelease the release date the booking planned, if the case has an active booking
     * @param slippageDays   days from the planned release (else from the first date the manufacturer gave) to
     *                       the latest expected release
     */
    public record OverviewLine(TherapyCase therapyCase, ManufacturingReport latest, LocalDate plannedRelease,
            LocalDate firstExpectedRelease, LocalDate latestExpectedRelease, Long slippageDays, ProductLot lot) {
    }

    /**
     * Every case of the actor's centre from booking to release, with its latest status and how far the
     * expected release has slipped against the booked plan (or, without a plan, against the first date the
     * manufacturer gave).
     */
    @Transactional(readOnly = true)
    public List<OverviewLine> overview(Actor actor) {
        List<OverviewLine> lines = new ArrayList<>();
        for (TherapyCase c : journey.casesAtCentre(actor, EnumSet.of(Stage.SLOT_BOOKED, Stage.COLLECTED,
                Stage.IN_MANUFACTURING, Stage.RELEASED))) {
            List<ManufacturingReport> reports = store.reports(c.id());
            List<LocalDate> expected = reports.stream().map(ManufacturingReport::expectedReleaseOn)
                    .filter(java.util.Objects::nonNull).toList();
            LocalDate first = expected.isEmpty() ? null : expected.get(0);
            LocalDate latest = expected.isEmpty() ? null : expected.get(expected.size() - 1);
            LocalDate planned = bookings.activeBooking(actor, c.id())
                    .flatMap(booking -> bookings.plan(actor, booking.id()).step(PlanStep.RELEASE))
                    .map(PlannedStep::plannedOn).orElse(null);
            LocalDate baseline = planned != null ? planned : first;
            List<ProductLot> lots = store.lots(c.id());
            lines.add(new OverviewLine(c, reports.isEmpty() ? null : reports.get(reports.size() - 1), planned, first,
                    latest, baseline == null || latest == null ? null
                    : java.time.temporal.ChronoUnit.DAYS.between(baseline, latest),
                    lots.isEmpty() ? null : lots.get(lots.size() - 1)));
        }
        return lines;
    }

    /**
     * Failed manufactures by reason, for the outcomes reports (ADR 0012), every reason present (0 when none): a
     * treatment centre counts its own cases, a manufacturer its own reports, a commissioner or registry all of them.
     * Anyone else gets 403.
     */
    @Transactional(readOnly = true)
    public Map<FailureReason, Long> failuresByReason(Actor actor) {
        List<Object[]> rows = store.failuresByReason(DataVisibility.aggregateScope(actor, "Manufacturing failures"));
        Map<FailureReason, Long> counts = new java.util.EnumMap<>(FailureReason.class);
        for (FailureReason reason : FailureReason.values()) {
            counts.put(reason, 0L);
        }
        rows.forEach(row -> counts.put((FailureReason) row[0], (Long) row[1]));
        return counts;
    }

    // --- rules ---------------------------------------------------------------------------------------

    private void requireFutureOrToday(LocalDate date) {
        if (date != null && date.isBefore(journey.today())) {
            throw ProblemException.invalid("expectedReleaseOn", "must be today or later");
        }
    }

    private static String summary(ManufacturingReport report) {
        StringBuilder text = new StringBuilder(report.status().label());
        if (report.failureReason() != null) {
            text.append(": ").append(report.failureReason().name().toLowerCase().replace('_', ' '));
        }
        if (report.reason() != null) {
            text.append(" (").append(report.reason()).append(")");
        }
        if (report.expectedReleaseOn() != null) {
            text.append("; expected release ").append(report.expectedReleaseOn());
        }
        if (report.mirrored()) {
            text.append(" [mirrored from the manufacturer's portal]");
        }
        return text.toString();
    }

    private static Map<String, Object> auditView(ManufacturingReport r) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("status", r.status().name());
        view.put("attempt", r.attempt());
        view.put("failureReason", r.failureReason() == null ? null : r.failureReason().name());
        view.put("resolution", r.resolution() == null ? null : r.resolution().name());
        view.put("expectedReleaseOn", r.expectedReleaseOn() == null ? null : r.expectedReleaseOn().toString());
        view.put("mirrored", r.mirrored());
        return view;
    }
}

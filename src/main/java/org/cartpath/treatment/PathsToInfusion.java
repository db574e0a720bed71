package org.cartpath.treatment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.cartpath.custody.ChainOfCustody;
import org.cartpath.identity.ElectronicSignatures;
import org.cartpath.journey.CaseId;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.CaseView;
import org.cartpath.journey.Stage;
import org.cartpath.manufacturing.ManufacturingReports;
import org.cartpath.manufacturing.ManufacturingReport;
import org.cartpath.manufacturing.ManufacturingStatus;
import org.cartpath.manufacturing.ProductLot;
import org.cartpath.scheduling.BookingPlan;
import org.cartpath.scheduling.PlanStep;
import org.cartpath.scheduling.PlannedStep;
import org.cartpath.scheduling.SlotBooking;
import org.cartpath.scheduling.SlotBookings;
import org.cartpath.shared.Actor;
import org.cartpath.treatment.checklist.ChecklistEvaluation;
import org.cartpath.treatment.internal.InfusionStore;
import org.cartpath.treatment.internal.LymphodepletionStore;
import org.cartpath.treatment.internal.TreatmentAccess;
import org.cartpath.treatment.lymphodepletion.LymphodepletionCourse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assembles a case's path to infusion from the modules that hold its parts: the booking's plan (scheduling), the
 * stage changes (journey), the lot and its decisions (manufacturing), the bedside check (custody), and this module's
 * lymphodepletion, checklist and infusion. For the treating centre only.
 */
@Service
public class PathsToInfusion {

    private final TreatmentAccess access;
    private final SlotBookings bookings;
    private final CaseJourney journey;
    private final ManufacturingReports manufacturing;
    private final ChainOfCustody custody;
    private final LymphodepletionStore plans;
    private final Lymphodepletion lymphodepletion;
    private final PreInfusionChecklist checklist;
    private final InfusionStore infusions;
    private final ElectronicSignatures signatures;
    private final ZoneId zone;

    PathsToInfusion(TreatmentAccess access, SlotBookings bookings, CaseJourney journey, ManufacturingReports manufacturing,
            ChainOfCustody custody, LymphodepletionStore plans, Lymphodepletion lymphodepletion,
            PreInfusionChecklist checklist, InfusionStore infusions, ElectronicSignatures signatures,
            @Value("${cartpath.time.zone:Europe/London}") String zone) {
        this.access = access;
        this.bookings = bookings;
        this.journey = journey;
        this.manufacturing = manufacturing;
        this.custody = custody;
        this.plans = plans;
        this.lymphodepletion = lymphodepletion;
        this.checklist = checklist;
        this.infusions = infusions;
        this.signatures = signatures;
        this.zone = ZoneId.of(zone);
    }

    /** The path; reading it looks at the patient's consent for the checklist, which is logged as a read. */
    @Transactional
    public PathToInfusion of(Actor actor, CaseId caseId) {
        CaseView view = access.read(actor, caseId);
        String base = "/cases/" + caseId;
        BookingPlan plan = bookings.history(actor, caseId).stream().max(Comparator.comparing(SlotBooking::bookedAt))
                .map(b -> bookings.plan(actor, b.id())).orElse(new BookingPlan(List.of()));
        ManufacturingReports.History made = manufacturing.history(actor, caseId);
        ProductLot lot = made.latestLot();
        Optional<LymphodepletionStatus> ld = lymphodepletion.statusOf(caseId);
        Optional<InfusionRecord> infusion = infusions.ofCase(caseId);
        boolean beforeInfusion = view.therapyCase().stage() == Stage.RECEIVED
                || view.therapyCase().stage() == Stage.LYMPHODEPLETION;
        ChecklistStatus list = beforeInfusion ? checklist.evaluate(actor, view) : null;
        Optional<ChainOfCustody.BedsideCheck> bedside = custody.bedsideCheck(actor, caseId);

        List<PathToInfusion.Step> steps = new ArrayList<>();
        steps.add(step("Cells collected (apheresis)", plan, PlanStep.APHERESIS, entered(actor, caseId, Stage.COLLECTED),
                null, "Collection check by two people"));
        steps.add(step("Cells at the manufacturer", plan, PlanStep.SHIPMENT_TO_SITE,
                entered(actor, caseId, Stage.IN_MANUFACTURING), null, "Received by the manufacturer"));
        LocalDate started = made.reports().stream().filter(r -> r.status() == ManufacturingStatus.MANUFACTURING_STARTED)
                .map(ManufacturingReport::reportedAt).findFirst().map(this::day).orElse(null);
        steps.add(step("Manufacturing", plan, PlanStep.MANUFACTURING, started, null, "Manufacturing started"));
        steps.add(step("Released with its certificate", plan, PlanStep.RELEASE, lot == null ? null : day(lot.reportedAt()),
                null, lot == null ? null : "Lot " + lot.certificate().lotNumber()));
        steps.add(step("Product received and verified", plan, PlanStep.RETURN_SHIPMENT,
                entered(actor, caseId, Stage.RECEIVED), null, "Receipt check by two people"));
        steps.add(lymphodepletionStep(plan, ld));
        steps.add(infusionStep(plan, ld, infusion));

        List<PathToInfusion.Document> documents = new ArrayList<>();
        if (lot != null) {
            documents.add(new PathToInfusion.Document("Certificate of analysis, lot " + lot.certificate().lotNumber(),
                    "Viability " + lot.certificate().viabilityPercent().toPlainString() + "%, " + lot.certificate().bags()
                            + " bag(s)" + (lot.latestAssessment() == null ? "; not checked yet"
                            : "; checked: " + lot.latestAssessment().result().label().toLowerCase(java.util.Locale.ROOT)),
                    "/cases/" + caseId + "/certificate-of-analysis", manifestations("ProductLot", lot.id().toString())));
        }
        for (LymphodepletionPlanRecord p : plans.plans(caseId)) {
            documents.add(new PathToInfusion.Document("Lymphodepletion plan, version " + p.version(), p.plan().regimenName()
                    + ", " + p.plan().firstDay() + " to " + p.plan().lastDay() + (p.verified() ? "" : "; not verified"),
                    base + "/lymphodepletion", manifestations("LymphodepletionPlan", p.id().toString())));
        }
        if (list != null) {
            documents.add(new PathToInfusion.Document("Pre-infusion checklist", list.complete() ? "Complete"
                    : list.open().size() + " item(s) open", base + "/pre-infusion-checklist", list.items().stream()
                    .filter(i -> i.entry() != null).map(i -> i.item().label() + ": " + i.state().name().toLowerCase()
                            + " by " + i.entry().byName() + " (" + i.entry().roleLabel().toLowerCase(java.util.Locale.ROOT) + ")")
                    .toList()));
        }
        bedside.ifPresent(b -> documents.add(new PathToInfusion.Document("Bedside identity check", b.productBag()
                + ", completed " + day(b.completedAt()), null, List.of(b.firstCheckerName() + " — verified",
                b.secondCheckerName() + " — witnessed"))));
        infusion.ifPresent(i -> documents.add(new PathToInfusion.Document("Infusion record", "Day 0 " + i.dayZero() + ", "
                + i.bagsUsed() + " bag(s), " + i.doseCellsPerKg().toPlainString() + " cells per kg", base + "/infusion",
                manifestations("Infusion", i.id().toString()))));
        return new PathToInfusion(caseId, view.therapyCase().reference(), view.therapyCase().stage(), steps, documents,
                flags(ld, list, infusion, custody.identityStopped(actor, caseId)));
    }

    private PathToInfusion.Step lymphodepletionStep(BookingPlan plan, Optional<LymphodepletionStatus> ld) {
        Optional<PlannedStep> booked = plan.step(PlanStep.LYMPHODEPLETION);
        LocalDate from = ld.map(s -> s.plan().plan().firstDay()).or(() -> booked.map(PlannedStep::plannedOn)).orElse(null);
        LocalDate until = ld.map(s -> s.plan().plan().lastDay()).or(() -> booked.map(PlannedStep::windowEnd)).orElse(null);
        String basis = ld.map(s -> "Lymphodepletion plan version " + s.plan().version())
                .or(() -> booked.map(PlannedStep::basis)).orElse(null);
        LocalDate first = ld.flatMap(s -> s.doses().stream().map(LymphodepletionStatus.DoseLine::record)
                .filter(r -> r != null && r.givenAt() != null).map(r -> day(r.givenAt())).min(Comparator.naturalOrder()))
                .orElse(null);
        String actual = ld.map(s -> s.complete() ? "Complete" : s.doses().stream().filter(d -> d.record() != null).count()
                + " of " + s.doses().stream().filter(d -> !d.dose().withheld()).count() + " doses recorded").orElse(null);
        return new PathToInfusion.Step("Lymphodepletion", from, until == null ? from : until, basis, first,
                ld.map(LymphodepletionStatus::lastGivenOn).orElse(null), first == null ? null : actual);
    }

    private PathToInfusion.Step infusionStep(BookingPlan plan, Optional<LymphodepletionStatus> ld,
            Optional<InfusionRecord> infusion) {
        Optional<PlannedStep> booked = plan.step(PlanStep.INFUSION);
        LocalDate planned = ld.map(s -> s.plan().plannedInfusionOn()).or(() -> booked.map(PlannedStep::plannedOn))
                .orElse(null);
        String basis = ld.map(s -> "Planned for " + s.plan().plannedInfusionOn() + "; the window is " + s.windowEarliest()
                + " to " + s.windowLatest()).or(() -> booked.map(PlannedStep::basis)).orElse(null);
        return new PathToInfusion.Step("Infusion (day 0)", planned, planned, basis,
                infusion.map(InfusionRecord::dayZero).orElse(null), null,
                infusion.map(i -> "Infused, lot " + i.lotNumber()).orElse(null));
    }

    private static PathToInfusion.Step step(String name, BookingPlan plan, PlanStep planStep, LocalDate actual,
            LocalDate actualUntil, String what) {
        Optional<PlannedStep> planned = plan.step(planStep);
        return new PathToInfusion.Step(name, planned.map(PlannedStep::plannedOn).orElse(null),
                planned.map(PlannedStep::plannedOn).orElse(null), planned.map(PlannedStep::basis).orElse(null), actual,
                actualUntil, actual == null ? null : what);
    }

    private List<String> flags(Optional<LymphodepletionStatus> ld, ChecklistStatus list, Optional<InfusionRecord> infusion,
            boolean stopped) {
        List<String> flags = new ArrayList<>();
        if (stopped) {
            flags.add("STOP: an identity hard stop is open on this case");
        }
        ld.ifPresent(s -> s.flags().forEach(flag -> flags.add(flag == LymphodepletionCourse.Flag.REPEAT_LYMPHODEPLETION_NEEDED
                ? "Repeat lymphodepletion needed: the infusion window closed on " + s.windowLatest()
                : "The planned infusion on " + s.plan().plannedInfusionOn() + " is outside the window " + s.windowEarliest()
                        + " to " + s.windowLatest())));
        if (list != null) {
            list.items().stream().filter(i -> i.state() == ChecklistEvaluation.State.OVERRIDDEN).forEach(i ->
                    flags.add("Checklist item '" + i.item().label() + "' overridden by " + i.entry().byName()));
        }
        infusion.ifPresent(i -> flags.addAll(i.flags()));
        return flags;
    }

    private LocalDate entered(Actor actor, CaseId caseId, Stage stage) {
        return journey.enteredStageAt(actor, caseId, stage).map(this::day).orElse(null);
    }

    private List<String> manifestations(String type, String id) {
        return signatures.forRecord(type, id).stream().map(s -> s.manifestation(zone)).toList();
    }

    private LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, zone);
    }
}

package org.cartpath.treatment;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.CaseView;
import org.cartpath.journey.Stage;
import org.cartpath.manufacturing.LotDecision;
import org.cartpath.manufacturing.ManufacturingReports;
import org.cartpath.manufacturing.ProductLot;
import org.cartpath.patient.Consent;
import org.cartpath.patient.Entry;
import org.cartpath.patient.EntryKind;
import org.cartpath.patient.PatientId;
import org.cartpath.patient.PatientManagement;
import org.cartpath.shared.Actor;
import org.cartpath.treatment.checklist.ChecklistEvaluation.Finding;
import org.cartpath.treatment.checklist.ChecklistEvaluation.Status;
import org.cartpath.treatment.checklist.ChecklistItem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What the other modules' records say about each checklist item (ADR 0017): the receipt from the journey (the
 * two-person receipt check moves the case to "Product received"), QA's acceptance from manufacturing, the course from
 * lymphodepletion, the tocilizumab count from monitoring, and the consent on the patient's record.
 */
@Component
class ChecklistFindings {

    private final CaseJourney journey;
    private final ManufacturingReports manufacturing;
    private final TocilizumabOnSite tocilizumab;
    private final PatientManagement patients;
    private final Lymphodepletion lymphodepletion;
    private final ZoneId zone;

    ChecklistFindings(CaseJourney journey, ManufacturingReports manufacturing, TocilizumabOnSite tocilizumab,
            PatientManagement patients, Lymphodepletion lymphodepletion,
            @Value("${cartpath.time.zone:Europe/London}") String zone) {
        this.journey = journey;
        this.manufacturing = manufacturing;
        this.tocilizumab = tocilizumab;
        this.patients = patients;
        this.lymphodepletion = lymphodepletion;
        this.zone = ZoneId.of(zone);
    }

    Map<String, Finding> of(Actor actor, CaseView view) {
        Map<String, Finding> findings = new HashMap<>();
        findings.put(ChecklistItem.PRODUCT_RECEIVED, received(actor, view));
        findings.put(ChecklistItem.QA_RELEASE_ACCEPTED, accepted(actor, view));
        findings.put(ChecklistItem.LYMPHODEPLETION_IN_WINDOW, lymphodepletion(view));
        findings.put(ChecklistItem.TOCILIZUMAB_ON_SITE, tocilizumab(actor, view));
        findings.put(ChecklistItem.CONSENT_CURRENT, consent(actor, view));
        return findings;
    }

    private Finding received(Actor actor, CaseView view) {
        Optional<LocalDate> on = journey.enteredStageAt(actor, view.therapyCase().id(), Stage.RECEIVED)
                .map(at -> LocalDate.ofInstant(at, zone));
        return on.map(day -> new Finding(Status.MET, "Received and its identity verified by two people on " + day, false))
                .orElse(new Finding(Status.NOT_MET, "Not received yet: the case is at '" + view.therapyCase().stage().label()
                        + "'", false));
    }

    private Finding accepted(Actor actor, CaseView view) {
        ProductLot lot = manufacturing.history(actor, view.therapyCase().id()).latestLot();
        if (lot == null) {
            return new Finding(Status.NOT_MET, "The manufacturer has released no lot", false);
        }
        LotDecision acceptance = lot.decision(LotDecision.Kind.QA_ACCEPTANCE);
        if (acceptance == null) {
            return new Finding(Status.NOT_MET, "Lot " + lot.certificate().lotNumber() + " waits for QA's acceptance", false);
        }
        return new Finding(Status.MET, "Lot " + lot.certificate().lotNumber() + " accepted by " + acceptance.decidedBy()
                + " on " + LocalDate.ofInstant(acceptance.decidedAt(), zone) + " (signed)", false);
    }

    private Finding lymphodepletion(CaseView view) {
        Optional<LymphodepletionStatus> status = lymphodepletion.statusOf(view.therapyCase().id());
        if (status.isEmpty() || !status.get().plan().verified()) {
            return new Finding(Status.NOT_MET, status.isEmpty() ? "No lymphodepletion plan"
                    : "The pharmacist has not verified the lymphodepletion plan", false);
        }
        LymphodepletionStatus s = status.get();
        if (!s.complete()) {
            long open = s.doses().stream().filter(d -> !d.dose().withheld() && d.record() == null).count();
            return new Finding(Status.NOT_MET, open == 0 ? "No dose was given" : open + " planned dose"
                    + (open == 1 ? "" : "s") + " without a record", false);
        }
        LocalDate today = journey.today();
        String window = "infuse from " + s.windowEarliest() + " to " + s.windowLatest();
        if (today.isBefore(s.windowEarliest())) {
            return new Finding(Status.NOT_MET, "Completed " + s.lastGivenOn() + "; " + window + ": too early today", false);
        }
        if (today.isAfter(s.windowLatest())) {
            return new Finding(Status.NOT_MET, "Completed " + s.lastGivenOn() + "; the window closed on " + s.windowLatest()
                    + ": repeat lymphodepletion is needed", false);
        }
        return new Finding(Status.MET, "Completed " + s.lastGivenOn() + "; " + window, false);
    }

    private Finding tocilizumab(Actor actor, CaseView view) {
        // asked first: catching the refusal of the joined transaction would leave it rollback-only (a 500 on commit)
        if (!tocilizumab.maySee(actor, view)) {
            return new Finding(Status.UNDECIDED, "The tocilizumab count is shown to ward nurses, consultants, coordinators"
                    + " and pharmacists", true);
        }
        TocilizumabOnSite.Count stock = tocilizumab.count(actor, view);
        return switch (stock.status()) {
            case ENOUGH -> new Finding(Status.MET, stock.summary() + " Counted by " + stock.countedByName() + ".", true);
            case SHORT, NOT_COUNTED -> new Finding(Status.NOT_MET, stock.summary(), true);
            case NO_REQUIREMENT_IN_CATALOGUE -> new Finding(Status.UNDECIDED, stock.summary()
                    + " Confirm the doses the centre's protocol asks for.", true);
        };
    }

    private Finding consent(Actor actor, CaseView view) {
        List<Entry<Consent>> entries = patients.entries(actor, new PatientId(view.therapyCase().patientId()),
                EntryKind.CONSENT, "Pre-infusion checklist: consent");
        // entries come newest first: the latest decision stands (on one day, the later recording)
        Optional<Consent> latest = entries.stream().filter(Entry::active).map(Entry::details)
                .filter(c -> c.type() == Consent.Type.TREATMENT).findFirst();
        if (latest.isEmpty()) {
            return new Finding(Status.UNDECIDED, "No consent to treatment is recorded in cartpath: check the signed form",
                    true);
        }
        if (latest.get().decision() == Consent.Decision.WITHDRAWN) {
            return new Finding(Status.NOT_MET, "Consent to treatment was withdrawn on " + latest.get().decidedOn()
                    + ": the product is not given without consent", false);
        }
        return new Finding(Status.MET, "Consent to treatment given on " + latest.get().decidedOn()
                + " (on the patient's record)", true);
    }
}

package org.cartpath.referral;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.cartpath.audit.AuditTrail;
import org.cartpath.catalogue.Catalogue;
import org.cartpath.catalogue.Indication;
import org.cartpath.catalogue.Jurisdiction;
import org.cartpath.catalogue.LabelVersion;
import org.cartpath.catalogue.LabelledIndication;
import org.cartpath.catalogue.ProductCode;
import org.cartpath.identity.ElectronicSignature;
import org.cartpath.identity.ElectronicSignatures;
import org.cartpath.identity.SignatureMeaning;
import org.cartpath.identity.SignedRecord;
import org.cartpath.journey.CaseId;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.CaseView;
import org.cartpath.journey.Stage;
import org.cartpath.journey.TherapyCase;
import org.cartpath.patient.ClinicalSnapshot;
import org.cartpath.patient.PatientId;
import org.cartpath.patient.PatientManagement;
import org.cartpath.referral.eligibility.EligibilityEngine;
import org.cartpath.referral.eligibility.EligibilityStore.StoredAssessment;
import org.cartpath.referral.eligibility.EligibilityStore;
import org.cartpath.shared.Actor;
import org.cartpath.shared.CanonicalJson;
import org.cartpath.shared.Hashing;
import org.cartpath.shared.NotFoundException;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.RequestFields;
import org.cartpath.shared.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Eligibility assessment (docs/clinical/eligibility.md): the treating centre's consultant evaluates the case's patient
 * against the current label version of a product for an indication and jurisdiction, sees each criterion
 * met, not met or unknown with the data used and its source, then confirms or overrides the result with a
 * reason. The assessment is stored exactly as shown (the evaluation's canonical JSON and its digest), signed
 * with the consultant's password, never changed; confirming an eligible result moves the case to
 * ELIGIBILITY_ASSESSED. The case keeps the label version it was assessed under.
 *
 * <p>Signature meanings (21 CFR 11.50): APPROVED when the consultant confirms the result, OVERRIDDEN when they
 * override it, so that the meaning printed with the signature says which it was.
 */
@Service
public class EligibilityAssessments {

    /** What to assess for; any field left null is the case's own. */
    public record Choice(String productCode, String indication, String jurisdiction) {
        public static final Choice OF_THE_CASE = new Choice(null, null, null);
    }

    /** An evaluation ready to be shown, with the digest a later confirmation must match. */
    public record Preview(EligibilityEvaluation evaluation, String digest, int nextVersion) {
        public boolean reassessment() {
            return nextVersion > 1;
        }
    }

    static final String RECORD_TYPE = "EligibilityAssessment";
    static final String READ_PURPOSE = "eligibility assessment";
    private static final int MAX_REASON = 1000;

    private final CaseJourney journey;
    private final PatientManagement patients;
    private final Catalogue catalogue;
    private final ElectronicSignatures signatures;
    private final EligibilityStore store;
    private final AuditTrail audit;
    private final CanonicalJson canonical;
    private final JsonMapper json;
    private final Clock clock;
    private final ZoneId zone;

    EligibilityAssessments(CaseJourney journey, PatientManagement patients, Catalogue catalogue,
            ElectronicSignatures signatures, EligibilityStore store, AuditTrail audit, JsonMapper json, Clock clock,
            @Value("${cartpath.time.zone:Europe/London}") String zone) {
        this.journey = journey;
        this.patients = patients;
        this.catalogue = catalogue;
        this.signatures = signatures;
        this.store = store;
        this.audit = audit;
        this.canonical = new CanonicalJson(json);
        this.json = json;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    /** Whether the actor may run and record an assessment of this case now (the case page's action). */
    public boolean mayAssess(Actor actor, CaseView view) {
        return isTreatingConsultant(actor, view.therapyCase())
                && List.of(Stage.TRIAGED, Stage.ELIGIBILITY_ASSESSED).contains(view.therapyCase().stage());
    }

    /** Evaluates without recording: what the consultant sees before confirming. The read of the patient is logged. */
    @Transactional
    public Preview evaluate(Actor actor, CaseId caseId, Choice choice) {
        TherapyCase therapyCase = assessable(actor, caseId);
        EligibilityEvaluation evaluation = evaluation(actor, therapyCase, choice == null ? Choice.OF_THE_CASE : choice);
        return new Preview(evaluation, canonical.digest(evaluation), store.count(caseId) + 1);
    }

    /**
     * Evaluates again, checks it is what was shown ({@code shownDigest}, when given: 409 {@code
     * eligibility-changed} if the patient's data or the catalogue changed meanwhile), signs and stores it,
     * and moves the case on if it proceeds. Nothing is written when any check fails.
     */
    @Transactional
    public EligibilityAssessment record(Actor actor, CaseId caseId, Choice choice, EligibilityDecision decision,
            String reason, String password, String shownDigest) {
        TherapyCase therapyCase = assessable(actor, caseId);
        store.lock(caseId);
        int version = store.count(caseId) + 1;
        String why = checkedReason(reason, decision, version);
        if (password == null || password.isEmpty()) {
            throw ProblemException.invalid("password", "is required: re-enter your password to sign the assessment");
        }
        EligibilityEvaluation evaluation = evaluation(actor, therapyCase, choice == null ? Choice.OF_THE_CASE : choice);
        String text = canonical.write(evaluation);
        String digest = Hashing.sha256Hex(text);
        if (shownDigest != null && !shownDigest.isBlank() && !Hashing.sameDigest(shownDigest.strip(), digest)) {
            throw ProblemException.conflict("eligibility-changed", "The patient's data or the catalogue changed since "
                    + "the assessment was shown; review the new results and confirm again");
        }
        boolean proceeds = decision.proceeds(evaluation.outcome());
        UUID id = UUID.randomUUID();
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        ElectronicSignature signature = signatures.sign(actor, password, Role.CONSULTANT,
                decision == EligibilityDecision.CONFIRMED ? SignatureMeaning.APPROVED : SignatureMeaning.OVERRIDDEN,
                new SignedRecord(RECORD_TYPE, id.toString(), signedContent(caseId, version, evaluation, digest,
                        decision, proceeds, why)), why);
        StoredAssessment stored = new StoredAssessment(id, caseId, version, evaluation.labelVersionId(),
                evaluation.productCode(), evaluation.indication(), evaluation.jurisdiction(), evaluation.asOf(),
                evaluation.outcome(), decision, proceeds, why, text, digest, signature.id(), now, actor.id(),
                actor.displayName(), actor.organisationId().value(), actor.organisationName());
        store.insert(stored, actor);
        keepLabelVersion(actor, therapyCase, evaluation);
        moveCase(actor, therapyCase, evaluation, decision, proceeds, version);
        audit.record(actor, "ELIGIBILITY_ASSESSMENT_RECORDED", RECORD_TYPE, id.toString(), null,
                auditView(stored, therapyCase), why);
        return assessment(stored);
    }

    /** The case's assessments, newest first, for any organisation that sees the case in full; the read is logged. */
    @Transactional
    public List<EligibilityAssessment> assessments(Actor actor, CaseId caseId, String purpose) {
        TherapyCase therapyCase = visible(actor, caseId);
        List<StoredAssessment> stored = store.list(caseId);
        if (!stored.isEmpty()) {
            audit.recordAccess(actor, "Patient", therapyCase.patientId().toString(), purpose);
        }
        return stored.stream().map(this::assessment).toList();
    }

    @Transactional
    public EligibilityAssessment assessment(Actor actor, CaseId caseId, UUID id, String purpose) {
        TherapyCase therapyCase = visible(actor, caseId);
        StoredAssessment stored = store.find(caseId, id).orElseThrow(() -> new NotFoundException("eligibility assessment", id));
        audit.recordAccess(actor, "Patient", therapyCase.patientId().toString(), purpose);
        return assessment(stored);
    }

    /** The latest assessment of a case, without a scope check: for the panel, which checks its own scope. */
    Optional<EligibilityAssessment> latest(CaseId caseId) {
        return store.latest(caseId).map(this::assessment);
    }

    // --- the steps -----------------------------------------------------------------------------------------

    private TherapyCase visible(Actor actor, CaseId caseId) {
        CaseView view = journey.get(actor, caseId);
        if (!view.identityVisible()) {
            // manufacturers and couriers never see clinical data: the assessment does not exist for them
            throw new NotFoundException("case", caseId);
        }
        return view.therapyCase();
    }

    private TherapyCase assessable(Actor actor, CaseId caseId) {
        TherapyCase therapyCase = visible(actor, caseId);
        if (!isTreatingConsultant(actor, therapyCase)) {
            throw ProblemException.forbidden("Only the treating centre's consultants assess eligibility");
        }
        CaseStages.require(therapyCase, "an eligibility assessment", Stage.TRIAGED, Stage.ELIGIBILITY_ASSESSED);
        return therapyCase;
    }

    private static boolean isTreatingConsultant(Actor actor, TherapyCase therapyCase) {
        return actor.isPerson() && actor.hasRole(Role.CONSULTANT)
                && therapyCase.treatingCentre().equals(actor.organisationId());
    }

    private EligibilityEvaluation evaluation(Actor actor, TherapyCase therapyCase, Choice choice) {
        ProductCode product = RequestFields.choice(either(choice.productCode(), therapyCase.productCode()),
                ProductCode.class, "productCode");
        Jurisdiction jurisdiction = RequestFields.choice(either(choice.jurisdiction(), therapyCase.jurisdiction()),
                Jurisdiction.class, "jurisdiction");
        Indication asked = RequestFields.choice(either(choice.indication(), therapyCase.indication()), Indication.class,
                "indication");
        RequestFields.required().field("productCode", product).field("jurisdiction", jurisdiction).check();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LabelVersion version = catalogue.currentLabelVersion(product, jurisdiction, today).orElseThrow(() ->
                ProblemException.unprocessable("not-in-catalogue", "The catalogue holds no " + jurisdiction
                        + " label of " + catalogue.product(product).name() + " in force on " + today));
        ClinicalSnapshot snapshot = patients.snapshot(actor, new PatientId(therapyCase.patientId()), today, READ_PURPOSE);
        Indication indication = asked != null ? asked : snapshot.indicationCode() == null ? null
                : Indication.valueOf(snapshot.indicationCode());
        RequestFields.required().field("indication", indication).check();
        LabelledIndication labelled = version.indication(indication).orElseThrow(() ->
                ProblemException.unprocessable("not-in-catalogue", "Label version " + version.id() + " of "
                        + catalogue.product(product).name() + " has no indication " + indication.label()));
        return EligibilityEngine.evaluate(catalogue.product(product), version, labelled, snapshot);
    }

    private static String either(String requested, String ofTheCase) {
        return requested != null && !requested.isBlank() ? requested : ofTheCase;
    }

    private static String checkedReason(String reason, EligibilityDecision decision, int version) {
        RequestFields.required().field("decision", decision).check();
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why == null && decision == EligibilityDecision.OVERRIDDEN) {
            throw ProblemException.invalid("reason", "is required to override the result");
        }
        if (why == null && version > 1) {
            throw ProblemException.invalid("reason", "is required for a re-assessment: say what changed");
        }
        if (why != null && why.length() > MAX_REASON) {
            throw ProblemException.invalid("reason", "must be " + MAX_REASON + " characters or fewer");
        }
        return why;
    }

    /** The case records the product, indication, jurisdiction and label version it was assessed under. */
    private void keepLabelVersion(Actor actor, TherapyCase c, EligibilityEvaluation e) {
        if (!Objects.equals(c.productCode(), e.productCode()) || !Objects.equals(c.indication(), e.indication())
                || !Objects.equals(c.jurisdiction(), e.jurisdiction()) || !Objects.equals(c.labelVersionId(), e.labelVersionId())) {
            journey.assignProduct(actor, c.id(), e.productCode(), e.indication(), e.jurisdiction(), e.labelVersionId());
        }
    }

    private void moveCase(Actor actor, TherapyCase c, EligibilityEvaluation e, EligibilityDecision decision,
            boolean proceeds, int version) {
        String result = e.productName() + " for " + e.indicationLabel().toLowerCase(Locale.ROOT) + " ("
                + e.labelVersionId() + "): " + e.outcome().label().toLowerCase(Locale.ROOT) + ", "
                + decision.label().toLowerCase(Locale.ROOT);
        if (proceeds && c.stage() == Stage.TRIAGED) {
            journey.advance(actor, c.id(), Stage.ELIGIBILITY_ASSESSED, "Eligibility assessed: " + result
                    + "; proceeds to the national panel");
        } else {
            journey.note(actor, c.id(), proceeds ? "ELIGIBILITY_REASSESSED" : "ELIGIBILITY_NOT_CONFIRMED",
                    "Eligibility assessment " + version + ": " + result
                            + (proceeds ? "; proceeds to the national panel" : "; does not proceed"));
        }
    }

    private static Map<String, Object> signedContent(CaseId caseId, int version, EligibilityEvaluation e, String digest,
            EligibilityDecision decision, boolean proceeds, String reason) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("caseId", caseId.toString());
        content.put("version", version);
        content.put("labelVersionId", e.labelVersionId());
        content.put("outcome", e.outcome().name());
        content.put("evaluationDigest", digest);
        content.put("decision", decision.name());
        content.put("proceeds", proceeds);
        content.put("reason", reason);
        return content;
    }

    private static Map<String, Object> auditView(StoredAssessment a, TherapyCase c) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("caseId", a.caseId().toString());
        view.put("caseReference", c.reference());
        view.put("version", a.version());
        view.put("labelVersionId", a.labelVersionId());
        view.put("indication", a.indication());
        view.put("outcome", a.outcome().name());
        view.put("decision", a.decision().name());
        view.put("proceeds", a.proceeds());
        view.put("evaluationDigest", a.evaluationDigest());
        view.put("signatureId", a.signatureId().toString());
        return view;
    }

    private EligibilityAssessment assessment(StoredAssessment a) {
        EligibilityEvaluation evaluation = json.readValue(a.evaluation(), EligibilityEvaluation.class);
        Optional<ElectronicSignature> signature = signatures.find(a.signatureId());
        boolean intact = Hashing.sameDigest(Hashing.sha256Hex(a.evaluation()), a.evaluationDigest())
                && signature.map(s -> signatures.verify(s, new SignedRecord(RECORD_TYPE, a.id().toString(),
                        signedContent(a.caseId(), a.version(), evaluation, a.evaluationDigest(), a.decision(),
                                a.proceeds(), a.reason())))).orElse(false);
        return new EligibilityAssessment(a.id(), a.caseId(), a.version(), evaluation, a.evaluationDigest(), a.decision(),
                a.proceeds(), a.reason(), a.assessedAt(), a.assessedByName(), a.organisationName(), a.signatureId(),
                signature.map(s -> s.manifestation(zone)).orElse(null), intact);
    }
}

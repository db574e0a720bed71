package org.cartpath.treatment;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cartpath.audit.AuditTrail;
import org.cartpath.catalogue.Catalogue;
import org.cartpath.catalogue.LabelVersionAdded;
import org.cartpath.shared.Actor;
import org.cartpath.shared.DataVisibility;
import org.cartpath.shared.NotFoundException;
import org.cartpath.shared.OrganisationId;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.Role;
import org.cartpath.treatment.internal.LabelReviewStore;
import org.cartpath.treatment.internal.TreatmentAccess;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pharmacy's reviews of new label versions (docs/adr/0022-reactions-through-the-event-publication-registry.md).
 * When the operator adds a label version, every treatment centre with a case of that product under that
 * jurisdiction gets a review: a label change may change the lymphodepletion regimen, the dose or the checks before
 * infusion, and the centre's own protocol (ADR 0017) and checklist do not follow the catalogue by themselves. Cases keep
 * the version they were assessed under (docs/adr/0010-catalogue-label-versions-as-data.md), so nothing else changes.
 *
 * <p>A reaction through the event publication registry: it runs after the label version is committed, in its own
 * transaction, and is handed to this listener again after a failure or a restart; one review per centre and version
 * however often it runs.
 */
@Service
public class LabelReviews {

    static final int SHOWN = 50;
    private static final Actor REACTION = Actor.system("pharmacy label reviews");

    private final LabelReviewStore store;
    private final Catalogue catalogue;
    private final AuditTrail audit;
    private final Clock clock;

    LabelReviews(LabelReviewStore store, Catalogue catalogue, AuditTrail audit, Clock clock) {
        this.store = store;
        this.catalogue = catalogue;
        this.audit = audit;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(LabelVersionAdded added) {
        Instant now = Instant.now(clock);
        for (OrganisationId centre : store.centresTreatingWith(added.product().name(), added.jurisdiction().name())) {
            UUID id = UUID.randomUUID();
            if (store.openIfAbsent(id, centre, added.id(), added.product().name(), added.jurisdiction().name(),
                    added.effectiveFrom(), now)) {
                Map<String, Object> after = new LinkedHashMap<>();
                after.put("centreId", centre.toString());
                after.put("labelVersionId", added.id());
                after.put("effectiveFrom", added.effectiveFrom().toString());
                audit.record(REACTION, "LABEL_REVIEW_OPENED", "PharmacyLabelReview", id.toString(), null,
                        after, null);
            }
        }
    }

    /** The centre's label reviews, open ones first (the centre's clinical staff, as the pharmacy protocol). */
    @Transactional(readOnly = true)
    public List<LabelReview> reviews(Actor actor) {
        centre(actor, false);
        return store.ofCentre(DataVisibility.clinicalScope(actor), SHOWN).stream().map(this::view).toList();
    }

    /**
     * A pharmacist of the centre marks a review done, with an optional note (what was checked or changed).
     *
     * @throws ProblemException 404 for another centre's review, 409 if it was reviewed already
     */
    @Transactional
    public LabelReview markReviewed(Actor actor, UUID id, String note) {
        OrganisationId centre = centre(actor, true);
        String text = note == null || note.isBlank() ? null : note.strip();
        if (text != null && text.length() > 500) {
            throw ProblemException.invalid("note", "must be 500 characters or fewer");
        }
        LabelReviewStore.Row row = store.lock(centre, id).orElseThrow(() -> new NotFoundException("label review", id));
        if (row.reviewedAt() != null) {
            throw ProblemException.conflict("label-review-done", "The review of " + row.labelVersionId()
                    + " was marked done by " + row.reviewedByName() + " already");
        }
        store.markReviewed(id, UUID.fromString(actor.id()), actor.displayName(), Instant.now(clock), text);
        LabelReviewStore.Row after = store.lock(centre, id).orElseThrow();
        audit.record(actor, "LABEL_REVIEW_DONE", "PharmacyLabelReview", id.toString(), auditView(row),
                auditView(after), text);
        return view(after);
    }

    private static Map<String, Object> auditView(LabelReviewStore.Row row) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("labelVersionId", row.labelVersionId());
        view.put("reviewedBy", row.reviewedByName());
        view.put("reviewedAt", row.reviewedAt() == null ? null : row.reviewedAt().toString());
        return view;
    }

    private LabelReview view(LabelReviewStore.Row row) {
        String name = catalogue.products().stream().filter(p -> p.code().name().equals(row.productCode()))
                .map(p -> p.name()).findFirst().orElse(row.productCode());
        return new LabelReview(row.id(), row.labelVersionId(), row.productCode(), name, row.jurisdiction(),
                row.effectiveFrom(), row.openedAt(), row.reviewedByName(), row.reviewedAt(), row.note());
    }

    private static OrganisationId centre(Actor actor, boolean change) {
        if (actor.organisationKind() != OrganisationKind.TREATMENT_CENTRE) {
            throw ProblemException.forbidden("Label reviews belong to a treatment centre's pharmacy");
        }
        if (change && (!actor.isPerson() || !actor.hasRole(Role.PHARMACIST))) {
            throw ProblemException.forbidden("Only the centre's pharmacists mark a label review done");
        }
        if (!change && TreatmentAccess.READERS.stream().noneMatch(actor::hasRole)) {
            throw ProblemException.forbidden("Your role does not show the pharmacy protocol");
        }
        return actor.organisationId();
    }
}

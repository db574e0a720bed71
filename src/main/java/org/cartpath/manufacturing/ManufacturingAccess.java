package org.cartpath.manufacturing;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cartpath.journey.CaseId;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.CaseView;
import org.cartpath.journey.Stage;
import org.cartpath.journey.TherapyCase;
import org.cartpath.manufacturing.internal.ManufacturingStore;
import org.cartpath.scheduling.BookedManufacturers;
import org.cartpath.shared.Actor;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.Role;
import org.springframework.stereotype.Component;

/**
 * Who may act on a case's manufacturing, and the case's attempts and lots as the manufacturing services
 * ({@link ManufacturingReports}, {@link LotReleases}, {@link OutOfSpecificationRoutes}) all read them. Not an API:
 * package-private, and it joins the caller's transaction.
 */
@Component
class ManufacturingAccess {

    /** The audited entity of a lot's release, check, decisions and acceptance. */
    static final String LOT = "ProductLot";

    private final ManufacturingStore store;
    private final CaseJourney journey;
    private final BookedManufacturers booked;

    ManufacturingAccess(ManufacturingStore store, CaseJourney journey, BookedManufacturers booked) {
        this.store = store;
        this.journey = journey;
        this.booked = booked;
    }

    /**
     * The case's manufacturer (its operators or system token), or a coordinator mirroring its portal. The case's
     * manufacturer is the one holding its active booking (ADR 18): any other manufacturer gets 404 and the refusal is
     * audited, even one that made an earlier attempt (its reports and lots stay on record).
     */
    TherapyCase requireReporter(Actor actor, CaseId caseId, String action) {
        booked.requireCurrentManufacturer(actor, caseId, action);
        CaseView view = journey.get(actor, caseId);
        boolean manufacturer = actor.organisationKind() == OrganisationKind.MANUFACTURER
                && actor.hasRole(Role.MANUFACTURER_OPERATOR);
        boolean mirroringCoordinator = actor.organisationKind() == OrganisationKind.TREATMENT_CENTRE
                && actor.hasRole(Role.COORDINATOR) && actor.organisationId().equals(view.therapyCase().treatingCentre());
        if (!manufacturer && !mirroringCoordinator) {
            throw ProblemException.forbidden("Only the case's manufacturer, or a coordinator of the treating centre "
                    + "mirroring the manufacturer's portal, reports manufacturing");
        }
        return view.therapyCase();
    }

    CaseView requireCentre(Actor actor, CaseId caseId, Role... roles) {
        CaseView view = journey.get(actor, caseId);
        if (!view.identityVisible() || !actor.organisationId().equals(view.therapyCase().treatingCentre())) {
            throw ProblemException.forbidden("Only the treating centre does this");
        }
        if (!actor.hasAnyRole(roles)) {
            throw ProblemException.forbidden("Your role does not allow this");
        }
        return view;
    }

    static boolean mirrored(Actor actor) {
        return actor.organisationKind() == OrganisationKind.TREATMENT_CENTRE;
    }

    static void requireStage(TherapyCase therapyCase, Stage stage) {
        if (therapyCase.stage() != stage) {
            throw new ProblemException("illegal-transition", 409, "Not possible at this stage", "Case "
                    + therapyCase.reference() + " is at stage '" + therapyCase.stage().label() + "'; this needs '"
                    + stage.label() + "'", List.of(), Map.of("currentStage", therapyCase.stage().name()));
        }
    }

    int currentAttempt(CaseId caseId) {
        return 1 + (int) store.reports(caseId).stream().filter(r -> r.status() == ManufacturingStatus.FAILED).count();
    }

    ProductLot latestLot(CaseId caseId) {
        List<ProductLot> lots = store.lots(caseId);
        if (lots.isEmpty()) {
            throw ProblemException.unprocessable("no-product-lot", "The manufacturer has not released a lot for this case");
        }
        return lots.get(lots.size() - 1);
    }

    ProductLot lot(CaseId caseId, UUID lotId) {
        return store.lots(caseId).stream().filter(l -> l.id().equals(lotId)).findFirst().orElseThrow();
    }

    static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}

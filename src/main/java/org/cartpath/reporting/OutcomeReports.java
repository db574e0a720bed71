package org.cartpath.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cartpath.catalogue.Catalogue;
import org.cartpath.shared.Actor;
import org.cartpath.shared.DataScope;
import org.cartpath.shared.DataVisibility;
import org.cartpath.shared.NotFoundException;
import org.cartpath.shared.OrganisationId;
import org.cartpath.shared.ProblemException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outcomes of a cohort for an analyst (docs/clinical/outcome-measures.md, ADR 0021). The scope is
 * {@link DataVisibility#figuresScope}: a centre's analysts see their own centre's patients with every number; a
 * commissioner's analysts see every centre's, with counts of 1–4 patients suppressed. A centre's analyst naming another
 * centre in the filter gets 404 (as for any other organisation's id); so does anyone naming no treatment centre.
 */
@Service
public class OutcomeReports {

    private final OutcomeStore store;
    private final Catalogue catalogue;
    private final Clock clock;
    private final ZoneId zone;

    OutcomeReports(OutcomeStore store, Catalogue catalogue, Clock clock,
            @Value("${cartpath.time.zone:Europe/London}") String zone) {
        this.store = store;
        this.catalogue = catalogue;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    /** What the analyst may choose from: the centres (a commissioner only), products, indications and age bands. */
    public record Choices(Map<UUID, String> centres, Map<String, String> products, Map<String, String> indications,
            List<AgeBand> ageBands) {
    }

    @Transactional(readOnly = true)
    public Outcomes outcomes(Actor actor, CohortFilter requested) {
        DataScope scope = DataVisibility.figuresScope(actor);
        CohortFilter filter = scoped(scope, requested);
        Disclosure disclosure = scope.everyOrganisation() ? Disclosure.SUPPRESSED : Disclosure.FULL;
        String centreName = filter.centre() == null ? "Every treatment centre"
                : store.centreName(filter.centre()).orElseThrow(() -> new NotFoundException("treatment centre",
                        filter.centre()));
        List<CohortPatient> patients = store.infused(scope, filter, zone.getId());
        List<ManufacturingAttempt> attempts = store.manufacturingAttempts(scope, filter, zone.getId());
        List<ApprovedPatient> approved = store.approved(scope, filter, zone.getId());
        Outcomes.Cohort cohort = new Outcomes.Cohort(filter, centreName, describe(filter),
                disclosure.count(patients.size()), LocalDate.now(clock.withZone(zone)));
        return new Outcomes(cohort, disclosure.suppressSmallNumbers(),
                OutcomeMeasures.toxicity(patients, disclosure),
                OutcomeMeasures.service(patients, attempts, disclosure),
                OutcomeMeasures.survival(patients, disclosure),
                OutcomeMeasures.response(patients, disclosure),
                TimeToEventMeasures.eventFreeSurvival(patients, disclosure),
                TimeToEventMeasures.intentionToTreat(approved, disclosure),
                TimeToEventMeasures.durationOfResponse(patients, disclosure),
                TimeToEventMeasures.relapse(patients, disclosure));
    }

    /**
     * The commissioner's comparison of centres (a funnel plot; ADR 0032): every centre's infused patients in the
     * filters (the centre filter aside), for the commissioner's analysts only; anyone else 403, since a centre's
     * analysts see their own centre alone.
     */
    @Transactional(readOnly = true)
    public CentreComparison.Funnel funnel(Actor actor, CohortFilter requested, CentreComparison.Measure measure) {
        DataScope scope = DataVisibility.figuresScope(actor);
        if (!scope.everyOrganisation()) {
            throw ProblemException.forbidden("The comparison of centres is for the commissioner's analysts");
        }
        Map<UUID, String> names = store.centres();
        Map<UUID, List<CohortPatient>> byCentre = store.infusedByCentre(scope, requested.withCentre(null),
                zone.getId());
        Map<String, List<CohortPatient>> named = new java.util.LinkedHashMap<>();
        byCentre.forEach((id, patients) -> named.put(names.getOrDefault(id, "Centre " + id), patients));
        return CentreComparison.funnel(measure, named);
    }

    @Transactional(readOnly = true)
    public Choices choices(Actor actor) {
        DataScope scope = DataVisibility.figuresScope(actor);
        Map<String, String> products = new java.util.LinkedHashMap<>();
        store.productCodes(scope).forEach(code -> products.put(code, catalogue.productName(code)));
        Map<String, String> indications = new java.util.LinkedHashMap<>();
        store.indications(scope).forEach(code -> indications.put(code, Catalogue.indicationName(code)));
        return new Choices(scope.everyOrganisation() ? store.centres() : Map.of(), products, indications, List.of(AgeBand.values()));
    }

    private CohortFilter scoped(DataScope scope, CohortFilter requested) {
        if (scope.everyOrganisation()) {
            return requested;
        }
        if (requested.centre() != null && !scope.includes(new OrganisationId(requested.centre()))) {
            // another centre's data: it does not exist for this analyst (404, never 403, so ids leak nothing)
            throw new NotFoundException("treatment centre", requested.centre());
        }
        return requested.withCentre(scope.organisation().value());
    }

    private String describe(CohortFilter filter) {
        List<String> parts = new ArrayList<>();
        parts.add(filter.product() == null ? "Any product" : catalogue.productName(filter.product()));
        parts.add(filter.indication() == null ? "any indication" : Catalogue.indicationName(filter.indication()));
        parts.add(filter.ageBand() == null ? "any age" : "aged " + filter.ageBand().label().toLowerCase());
        if (filter.infusedFrom() != null || filter.infusedTo() != null) {
            parts.add("infused " + (filter.infusedFrom() == null ? "until " + filter.infusedTo()
                    : filter.infusedTo() == null ? "from " + filter.infusedFrom()
                    : filter.infusedFrom() + " to " + filter.infusedTo()));
        }
        return String.join(", ", parts);
    }
}

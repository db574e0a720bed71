package org.cartpath.reporting;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cartpath.catalogue.Catalogue;
import org.cartpath.shared.Actor;
import org.cartpath.shared.DataScope;
import org.cartpath.shared.DataVisibility;
import org.cartpath.shared.OrganisationKind;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Manufacturing figures by product: attempts by reported outcome, failures by reason, and the turnaround from the
 * material's receipt to release (docs/clinical/outcome-measures.md, "Manufacturing figures by product"). Scope
 * ({@link DataVisibility#aggregateScope}): a manufacturer counts only the attempts it reported itself, a treatment
 * centre its own cases', each with every number; a commissioner every attempt, with counts of 1–4 suppressed. Counts
 * only: no case, patient or chain-of-identity identifier.
 */
@Service
public class ManufacturingOutcomes {

    /** One product's figures. */
    public record Product(String product, String name, Outcomes.Manufacturing outcomes, Outcomes.Spread turnaroundDays) {
    }

    /** Every product's figures, for whom they were counted. */
    public record Figures(String countedFor, boolean suppressed, List<Product> products) {
    }

    private final JdbcClient jdbc;
    private final Catalogue catalogue;
    private final ZoneId zone;

    ManufacturingOutcomes(JdbcClient jdbc, Catalogue catalogue,
            @Value("${cartpath.time.zone:Europe/London}") String zone) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.zone = ZoneId.of(zone);
    }

    @Transactional(readOnly = true)
    public Figures figures(Actor actor) {
        DataScope scope = DataVisibility.aggregateScope(actor, "Manufacturing figures");
        // a manufacturer's own reports; a centre's own cases; every organisation's for the commissioner
        String owned = actor.organisationKind() == OrganisationKind.MANUFACTURER ? scope.owns("m.organisation_id")
                : scope.owns("c.treating_centre_id");
        Disclosure disclosure = scope.everyOrganisation() ? Disclosure.SUPPRESSED : Disclosure.FULL;
        Map<String, List<ManufacturingAttempt>> attempts = new LinkedHashMap<>();
        Map<String, List<Long>> turnaround = new LinkedHashMap<>();
        scope.bind(jdbc.sql("""
                select distinct on (m.case_id, m.attempt) c.product_code, m.status, m.failure_reason,
                       cast(m.reported_at at time zone :zone as date) as reported_on,
                       (select cast(min(r.reported_at) at time zone :zone as date) from manufacturing_report r
                         where r.case_id = m.case_id and r.attempt = m.attempt and r.status = 'MATERIAL_RECEIVED')
                           as received_on
                from manufacturing_report m
                join therapy_case c on c.id = m.case_id
                where m.status in ('RELEASED', 'OUT_OF_SPECIFICATION', 'FAILED') and c.product_code is not null
                  and\s""" + owned + " " + """
                order by m.case_id, m.attempt, m.reported_at desc, m.id"""))
                .param("zone", zone.getId())
                .query((row, n) -> {
                    String product = row.getString("product_code");
                    String status = row.getString("status");
                    attempts.computeIfAbsent(product, k -> new ArrayList<>())
                            .add(new ManufacturingAttempt(status, row.getString("failure_reason")));
                    LocalDate received = row.getObject("received_on", LocalDate.class);
                    List<Long> days = turnaround.computeIfAbsent(product, k -> new ArrayList<>());
                    if (received != null && !status.equals("FAILED")) {
                        days.add(ChronoUnit.DAYS.between(received, row.getObject("reported_on", LocalDate.class)));
                    }
                    return product;
                }).list();
        List<Product> products = new ArrayList<>();
        attempts.keySet().stream().sorted().forEach(code -> products.add(new Product(code, catalogue.productName(code),
                OutcomeMeasures.manufacturing(attempts.get(code), disclosure),
                OutcomeMeasures.spread(turnaround.get(code), 7, disclosure))));
        return new Figures(scope.everyOrganisation() ? "Every manufacturer and centre" : actor.organisationName(),
                disclosure.suppressSmallNumbers(), List.copyOf(products));
    }
}

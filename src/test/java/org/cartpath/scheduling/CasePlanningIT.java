package org.cartpath.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import org.cartpath.catalogue.Indication;
import org.cartpath.catalogue.Jurisdiction;
import org.cartpath.catalogue.ProductCode;
import org.cartpath.scheduling.internal.CasePlanning;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every product, jurisdiction and indication of the bundled catalogue can be planned; the API is documented. */
@CartpathIntegrationTest
class CasePlanningIT {

    @LocalServerPort
    int port;

    @Autowired
    CasePlanning planning;

    @Test
    void everyCombinationOfTheCatalogueIsPlannedWithLabelNumbersWhereThereAreAndDefaultsElsewhere() {
        for (ProductCode product : ProductCode.values()) {
            for (Jurisdiction jurisdiction : Jurisdiction.values()) {
                for (Indication indication : Indication.values()) {
                    CasePlanning.Basis basis = planning.basis("CP-TEST", product.name(), indication.name(),
                            jurisdiction.name(), null);
                    assertThat(basis.leadTimes().manufacturing().days()).as(product + " " + jurisdiction).isPositive();
                    assertThat(basis.lymphodepletion().infusionToAfterEnd())
                            .isGreaterThanOrEqualTo(basis.lymphodepletion().infusionFromAfterEnd());
                }
            }
        }
    }

    @Test
    void kymriahAndYescartaUseTheirLabelsManufacturingTimeAndRegimen() {
        CasePlanning.Basis kymriah = planning.basis("CP-TEST", "KYMRIAH", "B_ALL", "UK", null);
        assertThat(kymriah.labelVersionId()).isEqualTo("KYMRIAH-UK-2026-11");
        assertThat(kymriah.leadTimes().manufacturing().isDefault()).isFalse();
        assertThat(kymriah.leadTimes().manufacturing().days()).isEqualTo(28);
        assertThat(kymriah.leadTimes().shippingToSite().isDefault()).isTrue();
        assertThat(kymriah.lymphodepletion().isDefault()).isFalse();
        assertThat(kymriah.lymphodepletion().lastChemotherapyDay()).isEqualTo(3);
        assertThat(kymriah.lymphodepletion().infusionToAfterEnd()).isEqualTo(14);

        CasePlanning.Basis yescarta = planning.basis("CP-TEST", "YESCARTA", "LBCL", "UK", null);
        assertThat(yescarta.lymphodepletion().isDefault()).isFalse();
        assertThat(yescarta.lymphodepletion().lastChemotherapyDay()).isEqualTo(2);
        assertThat(yescarta.lymphodepletion().infusionFromAfterEnd()).isEqualTo(3);
        assertThat(yescarta.leadTimes().manufacturing().isDefault()).isTrue();

        CasePlanning.Basis unknownLabel = planning.basis("CP-TEST", "KYMRIAH", "B_ALL", "UK", "KYMRIAH-UK-1999-01");
        assertThat(unknownLabel.labelVersionId()).isNull();
        assertThat(unknownLabel.lymphodepletion().isDefault()).isTrue();
    }

    @Test
    void theSchedulingEndpointsAndTheirProblemTypesAreDocumented() {
        String openapi = Http.browser(port).get("/api/v1/openapi").body();
        assertThat(openapi).contains("/api/v1/capacity-publications", "/api/v1/bookings", "/api/v1/bookings/{id}/rescheduling",
                "/api/v1/bookings/{id}/cancellation", "/api/v1/cases/{id}/slot-availability", "/api/v1/waitlist-entries",
                "/api/v1/waitlists/{product}", "/api/v1/calendars/manufacturer", "/api/v1/manufacturer-bookings/export",
                "/api/v1/apheresis-capacity", "Idempotency-Key");
        String problems = Http.browser(port).get("/problems").body();
        assertThat(problems).contains("slot-taken", "apheresis-day-full", "slot-before-cells-arrive",
                "capacity-below-bookings", "case-not-approved");
    }
}

package org.cartpath.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.cartpath.journey.Stage;
import org.cartpath.shared.ProblemException;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.CaseFixtures;
import org.cartpath.testing.CaseFixtures.World;
import org.cartpath.testing.Http;
import org.cartpath.testing.IdentityFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** A manufacturer sees only its own manufacturing figures; a centre its own cases'; a referrer none. */
@CartpathIntegrationTest
class ManufacturingOutcomesIT {

    @LocalServerPort
    int port;

    @Autowired
    CaseFixtures cases;

    @Autowired
    ManufacturingOutcomes figures;

    private Http as(org.cartpath.identity.UserAccount user) {
        return Http.signedIn(port, user.username(), IdentityFixtures.PASSWORD);
    }

    private static long failed(JsonNode figures, String product) {
        for (JsonNode p : figures.get("products")) {
            if (p.get("product").asText().equals(product)) {
                return p.get("outcomes").get("failed").get("value").asLong();
            }
        }
        return 0;
    }

    @Test
    void aManufacturerSeesOnlyTheAttemptsItReportedAndACentreOnlyItsOwnCases() {
        World world = cases.caseAt(Stage.IN_MANUFACTURING, new BigDecimal("30"));
        World elsewhere = cases.caseAt(Stage.IN_MANUFACTURING, new BigDecimal("30"));
        String product = world.therapyCase().productCode();
        Http manufacturer = as(world.operator());
        assertThat(manufacturer.postJson("/api/v1/cases/" + world.therapyCase().id().value() + "/manufacturing-reports",
                Map.of("status", "FAILED", "failureReason", "LOW_VIABILITY", "resolution", "RE_COLLECTION"))
                .statusCode()).isEqualTo(201);

        String path = "/api/v1/outcomes/manufacturing";
        JsonNode own = Http.json(manufacturer.get(path));
        assertThat(own.get("suppressed").asBoolean()).isFalse();
        assertThat(failed(own, product)).isEqualTo(1);
        assertThat(own.get("products")).hasSize(1); // its own report only
        assertThat(own.get("products").get(0).get("outcomes").get("failuresByReason").toString())
                .contains("\"reason\":\"LOW_VIABILITY\"");
        assertThat(own.toString()).doesNotContain(world.therapyCase().reference());

        assertThat(failed(figures.figures(elsewhere.actor(elsewhere.operator())), product)).as("another manufacturer")
                .isZero();
        assertThat(failed(figures.figures(world.actor(world.coordinator())), product)).as("the centre").isEqualTo(1);
        assertThat(failed(figures.figures(elsewhere.actor(elsewhere.coordinator())), product)).as("another centre")
                .isZero();
        assertThatThrownBy(() -> figures.figures(world.actor(world.referrer()))).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(403));
    }

    private static long failed(ManufacturingOutcomes.Figures figures, String product) {
        return figures.products().stream().filter(p -> p.product().equals(product))
                .mapToLong(p -> p.outcomes().failed().value()).sum();
    }
}

package org.cartpath.treatment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.cartpath.journey.Stage;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.CaseFixtures;
import org.cartpath.testing.CaseFixtures.World;
import org.cartpath.testing.Http;
import org.cartpath.testing.IdentityFixtures;
import org.cartpath.treatment.TreatmentFixtures.Product;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The infusion page before the infusion: from the product's release on it lists what is still missing (without a
 * form until lymphodepletion has begun); before release it says where the case stands instead of showing nothing.
 */
@CartpathIntegrationTest
class InfusionPagesIT {

    @LocalServerPort
    int port;

    @Autowired
    TreatmentFixtures fixtures;

    @Autowired
    CaseFixtures cases;

    @Test
    void aReceivedProductShowsWhatIsMissingAndNoFormYet() {
        Product p = fixtures.released();
        fixtures.receiptChecked(p);
        String page = Http.signedIn(port, p.world().nurse().username(), IdentityFixtures.PASSWORD)
                .get("/cases/" + p.caseId() + "/infusion").body();
        assertThat(page).contains("data-testid=\"infusion-not-ready\"").contains("an infusion follows lymphodepletion")
                .contains("QA has not accepted lot " + p.lotNumber()).contains("No lymphodepletion plan")
                .doesNotContain("data-testid=\"infusion-form\"").doesNotContain("data-testid=\"infusion-not-yet\"");
    }

    @Test
    void beforeReleaseThePageSaysWhereTheCaseStands() {
        World world = cases.caseAt(Stage.IN_MANUFACTURING, new BigDecimal("24"));
        String page = Http.signedIn(port, world.nurse().username(), IdentityFixtures.PASSWORD)
                .get("/cases/" + world.therapyCase().id() + "/infusion").body();
        assertThat(page).contains("data-testid=\"infusion-not-yet\"").contains("In manufacturing")
                .doesNotContain("data-testid=\"infusion-form\"").doesNotContain("data-testid=\"infusion-not-ready\"");
    }
}

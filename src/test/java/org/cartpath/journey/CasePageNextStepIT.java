package org.cartpath.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.CaseFixtures;
import org.cartpath.testing.CaseFixtures.World;
import org.cartpath.testing.Http;
import org.cartpath.testing.IdentityFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every case page starts with what happens next and who does it: the open task, the role that does it by its name,
 * the due date, and for a person holding that role that it is theirs and the way to the page where it is done.
 */
@CartpathIntegrationTest
class CasePageNextStepIT {

    @LocalServerPort
    int port;

    @Autowired
    CaseFixtures cases;

    @Test
    void theCasePageStartsWithTheNextTaskItsRoleAndForThatRoleTheWayToDoIt() {
        World world = cases.caseAt(Stage.PANEL_APPROVED, new BigDecimal("24"));
        String page = "/cases/" + world.therapyCase().id();

        String coordinator = Http.signedIn(port, world.coordinator().username(), IdentityFixtures.PASSWORD).get(page)
                .body();
        String next = block(coordinator);
        assertThat(next).contains("What happens next, and who does it", "Book a manufacturing slot and apheresis",
                "data-testid=\"case-next-role\">Coordinator<", "due ")
                .contains("data-testid=\"case-next-yours\">Yours to do<", "data-testid=\"case-actions\"",
                        "/scheduling/cases/" + world.therapyCase().id() + "/booking");
        assertThat(coordinator.indexOf("data-testid=\"case-next\""))
                .as("the block comes before the case's details").isLessThan(coordinator.indexOf("Product and indication"));

        String consultant = block(Http.signedIn(port, world.consultant().username(), IdentityFixtures.PASSWORD)
                .get(page).body());
        assertThat(consultant).as("another role sees who does it, and no button").contains(
                "Book a manufacturing slot and apheresis", ">Coordinator<").doesNotContain("case-next-yours")
                .doesNotContain("/scheduling/cases/" + world.therapyCase().id() + "/booking");
    }

    @Test
    void aCaseWithNothingOpenSaysSo() {
        World world = cases.caseAt(Stage.PANEL_APPROVED, null);
        Http coordinator = Http.signedIn(port, world.coordinator().username(), IdentityFixtures.PASSWORD);
        String id = world.therapyCase().id().toString();
        assertThat(coordinator.postForm("/cases/" + id + "/withdrawal",
                java.util.Map.of("ending", "WITHDRAWN", "reason", "The family withdrew")).statusCode()).isEqualTo(302);
        assertThat(block(coordinator.get("/cases/" + id).body())).contains("Nothing is waiting on this case.")
                .doesNotContain("case-next-step");
    }

    private static String block(String page) {
        int start = page.indexOf("data-testid=\"case-next\"");
        assertThat(start).as("the what-next block is on the page").isPositive();
        return page.substring(start, page.indexOf("<dl", start));
    }
}

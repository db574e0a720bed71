package org.cartpath.treatment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import org.cartpath.identity.UserAccount;
import org.cartpath.journey.Stage;
import org.cartpath.shared.Role;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.CaseFixtures;
import org.cartpath.testing.CaseFixtures.World;
import org.cartpath.testing.Http;
import org.cartpath.testing.IdentityFixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The case page's path to infusion reads the pre-infusion checklist, whose tocilizumab count only some roles may see.
 * Roles that may not (cell lab, QA, apheresis nurse) got a 500: the refusal was caught inside the path's transaction,
 * which was then rollback-only. Every centre role gets the page, with the count marked as not shown to it.
 */
@CartpathIntegrationTest
class CasePageForEveryCentreRoleIT {

    @LocalServerPort
    int port;

    @Autowired
    CaseFixtures cases;

    @Autowired
    IdentityFixtures identity;

    @ParameterizedTest
    @EnumSource(value = Stage.class, names = {"RECEIVED", "LYMPHODEPLETION"})
    void theCellLabQaAndTheApheresisNurseOpenTheCasePageBeforeTheInfusion(Stage stage) {
        World world = cases.caseAt(stage, new BigDecimal("22"));
        for (Role role : new Role[] {Role.CELL_THERAPY_LAB, Role.QA, Role.APHERESIS_NURSE, Role.WARD_NURSE}) {
            UserAccount user = identity.user(world.centre(), role);
            HttpResponse<String> page = Http.signedIn(port, user.username(), IdentityFixtures.PASSWORD)
                    .get("/cases/" + world.therapyCase().id());
            assertThat(page.statusCode()).as(role + " at " + stage).isEqualTo(200);
            assertThat(page.body()).as(role + " at " + stage).contains("Path to infusion", world.therapyCase().reference())
                    .doesNotContain("Sorry, there is a problem");
        }
    }
}

package org.cartpath.treatment;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.cartpath.testing.Http;
import org.cartpath.testing.IdentityFixtures;
import org.cartpath.treatment.TreatmentFixtures.Product;
import org.springframework.stereotype.Component;

/**
 * A case infused through the real API, as the ward would: released, received, accepted, measured, counted,
 * lymphodepletion planned, verified and given, the checklist ticked, the bedside check done, the infusion recorded
 * (for the modules that react to the infusion, such as follow-up).
 */
@Component
public class InfusedCases {

    private final TreatmentFixtures fixtures;

    InfusedCases(TreatmentFixtures fixtures) {
        this.fixtures = fixtures;
    }

    /** An infused case; the infusion ended a minute ago by the real clock. */
    public Product infused(int port) {
        Product p = fixtures.released();
        fixtures.receiptChecked(p);
        fixtures.accepted(p);
        fixtures.measured(p, "24", "120", "35");
        fixtures.tocilizumab(p, 1);
        Http pharmacist = Http.signedIn(port, p.world().pharmacist().username(), IdentityFixtures.PASSWORD);
        Http nurse = Http.signedIn(port, p.world().nurse().username(), IdentityFixtures.PASSWORD);
        TreatmentStoryIT.planVerifyAndGiveAll(pharmacist, nurse, p, 6);
        TreatmentStoryIT.tickManualItems(nurse, p);
        fixtures.bedside(p);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        TreatmentStoryIT.created(nurse.postJson(TreatmentStoryIT.path(p, "/infusion"), Map.of("startedAt",
                now.minusSeconds(60).toString(), "endedAt", now.toString(), "bagsUsed", 1, "password",
                IdentityFixtures.PASSWORD)));
        return p;
    }
}

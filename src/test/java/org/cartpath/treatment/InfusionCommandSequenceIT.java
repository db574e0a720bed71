package org.cartpath.treatment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.cartpath.custody.chain.VerificationStep;
import org.cartpath.identity.UserAccount;
import org.cartpath.journey.Stage;
import org.cartpath.shared.ProblemException;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.Http;
import org.cartpath.testing.IdentityFixtures;
import org.cartpath.testing.MutableClock;
import org.cartpath.treatment.TreatmentFixtures.Product;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 7's property over the running application: no sequence of commands records an infusion without QA's
 * acceptance of the release, lymphodepletion complete with the infusion day inside the label's window, a complete
 * checklist and a matching two-person bedside check.
 *
 * <p>Each try takes a fresh released product and applies a random sequence (fixed seeds, so a failure replays) of the
 * commands people really issue, in any order and repeated: QA accepts; a nurse records the next lymphodepletion dose;
 * a nurse ticks or withdraws a checklist item; two nurses check the bag at the bedside, or one nurse tries both checks,
 * or another child's bag is scanned; a day passes; a nurse tries to record the infusion. The oracle is the test's own
 * account of which commands succeeded, not the application's readiness policy: when an infusion is recorded the
 * account must show every condition met; when it is refused nothing may change but the refusal's audit row. Every try
 * without an identity stop then completes what is missing and must be able to infuse, so the property cannot pass by
 * refusing everything.
 */
@CartpathIntegrationTest
class InfusionCommandSequenceIT {

    private static final int TRIES = 8;
    private static final int COMMANDS = 14;
    private static final List<String> MANUAL_ITEMS = List.of("NO_UNCONTROLLED_INFECTION", "CONSENT_CURRENT",
            "OBSERVATIONS_WITHIN_LIMITS");

    /** Kymriah B-ALL: infuse 2 to 14 days after completing lymphodepletion (label; DOMAIN.md §4). */
    private static final int WINDOW_FROM_DAYS = 2;
    private static final int WINDOW_TO_DAYS = 14;

    enum Command { ACCEPT, GIVE_NEXT_DOSE, TICK, WITHDRAW, BEDSIDE, BEDSIDE_ONE_PERSON, BEDSIDE_OTHER_BAG, NEXT_DAY, INFUSE }

    @LocalServerPort
    int port;

    @Autowired
    TreatmentFixtures fixtures;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    private Product otherChild;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** What the test knows happened, from the answers to its own commands. */
    private static final class Account {
        final Product product;
        Http nurse;
        final List<JsonNode> doses = new ArrayList<>();
        final Set<String> ticked = new HashSet<>();
        boolean accepted;
        int given;
        boolean bedsideChecked;
        boolean identityStopped;
        boolean infused;
        int refusals;

        Account(Product product, Http nurse, JsonNode plan) {
            this.product = product;
            this.nurse = nurse;
            plan.get("plan").get("doses").forEach(doses::add);
        }

        LocalDate lastDoseOn() {
            return doses.stream().map(d -> LocalDate.parse(d.get("date").asText())).max(LocalDate::compareTo).orElseThrow();
        }
    }

    @Test
    void noSequenceOfCommandsInfusesWithoutEveryCondition() {
        Set<Command> tried = EnumSet.noneOf(Command.class);
        int refusedAttempts = 0;
        int infused = 0;
        int stopped = 0;
        for (long seed = 1; seed <= TRIES; seed++) {
            Random random = new Random(seed);
            Account account = prepare();
            for (int i = 0; i < COMMANDS && !account.infused; i++) {
                Command command = Command.values()[random.nextInt(Command.values().length)];
                tried.add(command);
                int before = account.refusals;
                apply(account, command, random, "seed " + seed + " command " + i);
                refusedAttempts += account.refusals - before;
            }
            if (!account.infused && !account.identityStopped) {
                completeAndInfuse(account, "seed " + seed + " completion");
            }
            infused += account.infused ? 1 : 0;
            stopped += account.identityStopped ? 1 : 0;
            clock.reset();
        }
        assertThat(tried).as("the seeds exercise every command").containsAll(EnumSet.allOf(Command.class));
        assertThat(refusedAttempts).as("some attempts came too early").isPositive();
        assertThat(infused + stopped).as("every try ends infused or stopped at the bedside").isEqualTo(TRIES);
        assertThat(infused).as("the conditions can all be met").isPositive();
    }

    /** Released, received, measured and counted, with a verified plan whose first day was six days ago. */
    private Account prepare() {
        Product p = fixtures.released();
        fixtures.receiptChecked(p);
        fixtures.measured(p, "24", "120", "35");
        fixtures.tocilizumab(p, 1);
        Http pharmacist = as(p.world().pharmacist());
        JsonNode plan = TreatmentStoryIT.created(pharmacist.postJson(path(p, "/lymphodepletion-plans"),
                Map.of("anchorOn", LocalDate.now(TreatmentStoryIT.LONDON).minusDays(6).toString())));
        TreatmentStoryIT.created(pharmacist.postJson(path(p, "/lymphodepletion-plans/" + plan.get("id").asText()
                + "/verification"), Map.of("password", IdentityFixtures.PASSWORD)));
        return new Account(p, as(p.world().nurse()), plan);
    }

    private void apply(Account a, Command command, Random random, String step) {
        Product p = a.product;
        switch (command) {
            case ACCEPT -> {
                if (!a.accepted) {
                    fixtures.accepted(p);
                    a.accepted = true;
                }
            }
            case GIVE_NEXT_DOSE -> {
                if (a.given < a.doses.size()) {
                    give(a, a.doses.get(a.given));
                    a.given++;
                }
            }
            case TICK -> {
                String item = MANUAL_ITEMS.get(random.nextInt(MANUAL_ITEMS.size()));
                if (succeeded(a.nurse.postJson(path(p, "/pre-infusion-checklist/ticks"), Map.of("itemCode", item)), step)) {
                    a.ticked.add(item);
                }
            }
            case WITHDRAW -> {
                String item = MANUAL_ITEMS.get(random.nextInt(MANUAL_ITEMS.size()));
                if (succeeded(a.nurse.postJson(path(p, "/pre-infusion-checklist/withdrawals"), Map.of("itemCode", item,
                        "reason", "Observations to be repeated")), step)) {
                    a.ticked.remove(item);
                }
            }
            case BEDSIDE -> {
                if (refusedByCustody(() -> fixtures.bedside(p)) == null) {
                    a.bedsideChecked = true;
                }
            }
            case BEDSIDE_ONE_PERSON -> assertThat(refusedByCustody(() -> fixtures.bedside(p, p.world().nurse(),
                    p.world().nurse()))).as(step).isNotNull();
            case BEDSIDE_OTHER_BAG -> {
                String other = otherChild().coi();
                ProblemException refused = refusedByCustody(() -> fixtures.twoPersonCheck(p, p.productBagId(),
                        VerificationStep.BEDSIDE, List.of(p.coi(), other), p.world().nurse(), p.world().secondNurse()));
                assertThat(refused).as(step + ": another child's bag").isNotNull();
                a.identityStopped |= "identity-mismatch".equals(refused.type());
            }
            case NEXT_DAY -> {
                clock.advance(Duration.ofDays(1));
                a.nurse = as(p.world().nurse()); // a new shift: the session ended with the day
            }
            case INFUSE -> infuse(a, step);
        }
    }

    private void infuse(Account a, String step) {
        Product p = a.product;
        Stage stageBefore = fixtures.stage(p);
        long refusalsBefore = refusals(p);
        HttpResponse<String> response = a.nurse.postJson(path(p, "/infusion"), justEnded());
        if (response.statusCode() == 201) {
            LocalDate today = LocalDate.now(clock.withZone(TreatmentStoryIT.LONDON));
            assertThat(a.accepted).as(step + ": infused without QA acceptance").isTrue();
            assertThat(a.given).as(step + ": infused before lymphodepletion was complete").isEqualTo(a.doses.size());
            assertThat(today).as(step + ": infused outside the window")
                    .isBetween(a.lastDoseOn().plusDays(WINDOW_FROM_DAYS), a.lastDoseOn().plusDays(WINDOW_TO_DAYS));
            assertThat(a.ticked).as(step + ": infused with checklist items open").containsAll(MANUAL_ITEMS);
            assertThat(a.bedsideChecked).as(step + ": infused without a two-person bedside check").isTrue();
            assertThat(a.identityStopped).as(step + ": infused after another child's bag was scanned").isFalse();
            assertThat(fixtures.stage(p)).isEqualTo(Stage.MONITORING);
            assertThat(count("infusion", p)).isEqualTo(1);
            a.infused = true;
            return;
        }
        assertThat(response.statusCode()).as(step + ": " + response.body()).isEqualTo(422);
        assertThat(Http.json(response).get("type").asText()).endsWith("/infusion-not-ready");
        assertThat(fixtures.stage(p)).as(step + ": a refusal changes nothing").isEqualTo(stageBefore);
        for (String table : List.of("infusion", "follow_up_anchor", "monitoring_anchor")) {
            assertThat(count(table, p)).as(step + ": " + table).isZero();
        }
        assertThat(refusals(p)).as(step + ": the refusal is recorded").isEqualTo(refusalsBefore + 1);
        a.refusals++;
    }

    /** Does what the sequence left undone; with every condition met the infusion must be recorded. */
    private void completeAndInfuse(Account a, String step) {
        apply(a, Command.ACCEPT, null, step);
        while (a.given < a.doses.size()) {
            apply(a, Command.GIVE_NEXT_DOSE, null, step);
        }
        for (String item : MANUAL_ITEMS) {
            if (!a.ticked.contains(item)) {
                assertThat(succeeded(a.nurse.postJson(path(a.product, "/pre-infusion-checklist/ticks"),
                        Map.of("itemCode", item)), step)).as(step + ": tick " + item).isTrue();
                a.ticked.add(item);
            }
        }
        Product p = a.product;
        assertThat(refusedByCustody(() -> fixtures.bedside(p))).as(step + ": a fresh bedside check").isNull();
        a.bedsideChecked = true;
        infuse(a, step);
        assertThat(a.infused).as(step + ": every condition met, yet refused").isTrue();
    }

    private boolean succeeded(HttpResponse<String> response, String step) {
        assertThat(response.statusCode()).as(step + ": " + response.body()).isIn(201, 409, 422);
        return response.statusCode() == 201;
    }

    /** Null when custody completed the check; the refusal when it did not. */
    private static ProblemException refusedByCustody(Runnable check) {
        try {
            check.run();
            return null;
        } catch (ProblemException refused) {
            return refused;
        }
    }

    private void give(Account a, JsonNode dose) {
        LocalDate day = LocalDate.parse(dose.get("date").asText());
        TreatmentStoryIT.created(a.nurse.postJson(path(a.product, "/lymphodepletion-administrations"), Map.of("plannedOn",
                day.toString(), "drug", dose.get("drug").asText(), "status", "GIVEN", "givenAt",
                day.atTime(10, 0).atZone(TreatmentStoryIT.LONDON).toInstant().toString())));
    }

    private Map<String, Object> justEnded() {
        Instant end = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return Map.of("startedAt", end.minusSeconds(60).toString(), "endedAt", end.toString(), "bagsUsed", 1,
                "password", IdentityFixtures.PASSWORD);
    }

    private Product otherChild() {
        if (otherChild == null) {
            otherChild = fixtures.released();
        }
        return otherChild;
    }

    private long count(String table, Product p) {
        return jdbc.sql("select count(*) from " + table + " where case_id = ?").param(p.caseId().value())
                .query(Long.class).single();
    }

    private long refusals(Product p) {
        return jdbc.sql("select count(*) from audit_event where action = 'INFUSION_REFUSED' and entity_id = ?")
                .param(p.caseId().toString()).query(Long.class).single();
    }

    private Http as(UserAccount user) {
        return Http.signedIn(port, user.username(), IdentityFixtures.PASSWORD);
    }

    private static String path(Product p, String rest) {
        return TreatmentStoryIT.path(p, rest);
    }
}

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
 * ADR 0017's property over the running application: no sequence of commands records an infusion without QA's
 * acceptance of the release, lymphodepletion complete with the infusion day inside the label's window, a complete
 * checklist and a matching two-person bedside check.
 *
 * <p>Each try takes a fresh released product and applies a random sequence (fixed seeds, so a failure replays) of the
 * commands people really issue, in any order: QA accepts; a nurse records lymphodepletion doses; a nurse ticks or
 * withdraws a checklist item; two nurses check the bag at the bedside, or one nurse tries both checks, or another
 * child's bag is scanned; a day passes; a nurse tries to record the infusion. Each sequence is built to meet some
 * conditions and leave others unmet, so that attempts come right up to readiness; the first tries leave exactly one
 * condition unmet, each in turn. The oracle is the test's own
 * account of which commands succeeded, not the application's readiness policy: when an infusion is recorded the
 * account must show every condition met; when it is refused nothing may change but the refusal's audit row. Every try
 * without an identity stop then completes what is missing and must be able to infuse, so the property cannot pass by
 * refusing everything.
 */
@CartpathIntegrationTest
class InfusionCommandSequenceIT {

    private static final int TRIES = 10;
    private static final List<String> MANUAL_ITEMS = List.of("NO_UNCONTROLLED_INFECTION", "CONSENT_CURRENT",
            "OBSERVATIONS_WITHIN_LIMITS");

    /** Kymriah B-ALL: infuse 2 to 14 days after completing lymphodepletion (docs/clinical/lymphodepletion-timing.md). */
    private static final int WINDOW_FROM_DAYS = 2;
    private static final int WINDOW_TO_DAYS = 14;

    /** The plan's last dose is three days back: three more days keep every try inside the window. */
    private static final int MAX_DAYS_PASSED = 3;

    enum Command { ACCEPT, GIVE_NEXT_DOSE, GIVE_REMAINING_DOSES, TICK, WITHDRAW, BEDSIDE, BEDSIDE_ONE_PERSON,
        BEDSIDE_OTHER_BAG, NEXT_DAY, INFUSE }

    /** The conditions a try may leave unmet. */
    enum Condition { ACCEPTANCE, LYMPHODEPLETION, CHECKLIST, BEDSIDE }

    /** One command, with the checklist item it is about (ticks and withdrawals). */
    record Step(Command command, String item) {
        static Step of(Command command) {
            return new Step(command, null);
        }
    }

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
        int daysPassed;
        String lastRefusal;

        Account(Product product, Http nurse, JsonNode plan) {
            this.product = product;
            this.nurse = nurse;
            plan.get("plan").get("doses").forEach(doses::add);
        }

        /** The conditions this account says are unmet (the window is kept by the sequences). */
        Set<Condition> missing() {
            Set<Condition> missing = EnumSet.noneOf(Condition.class);
            if (!accepted) {
                missing.add(Condition.ACCEPTANCE);
            }
            if (given < doses.size()) {
                missing.add(Condition.LYMPHODEPLETION);
            }
            if (!ticked.containsAll(MANUAL_ITEMS)) {
                missing.add(Condition.CHECKLIST);
            }
            if (!bedsideChecked || identityStopped) {
                missing.add(Condition.BEDSIDE);
            }
            return missing;
        }

        LocalDate lastDoseOn() {
            return doses.stream().map(d -> LocalDate.parse(d.get("date").asText())).max(LocalDate::compareTo).orElseThrow();
        }
    }

    @Test
    void noSequenceOfCommandsInfusesWithoutEveryCondition() {
        Set<Command> tried = EnumSet.noneOf(Command.class);
        Set<Condition> refusedWithOnlyThisMissing = EnumSet.noneOf(Condition.class);
        int infused = 0;
        int stopped = 0;
        for (int seed = 1; seed <= TRIES; seed++) {
            Random random = new Random(seed);
            Account account = prepare();
            // The first tries leave exactly one condition unmet, each in turn; the others leave any.
            Set<Condition> unmet = EnumSet.noneOf(Condition.class);
            if (seed <= Condition.values().length) {
                unmet.add(Condition.values()[seed - 1]);
            } else {
                for (Condition c : Condition.values()) {
                    if (random.nextInt(3) == 0) {
                        unmet.add(c);
                    }
                }
            }
            boolean later = seed > Condition.values().length;
            boolean anotherBag = later && (seed == TRIES || random.nextInt(3) == 0);
            List<Step> sequence = sequence(random, unmet, account.doses.size(), later, anotherBag);
            for (int i = 0; i < sequence.size() && !account.infused; i++) {
                Step step = sequence.get(i);
                tried.add(step.command());
                Set<Condition> missing = account.missing();
                int before = account.refusals;
                apply(account, step, "seed " + seed + " step " + i + " " + step);
                if (account.refusals > before && missing.size() == 1) {
                    refusedWithOnlyThisMissing.addAll(missing);
                }
            }
            if (!account.infused && !account.identityStopped) {
                completeAndInfuse(account, "seed " + seed + " completion");
            }
            infused += account.infused ? 1 : 0;
            stopped += account.identityStopped ? 1 : 0;
            clock.reset();
        }
        assertThat(tried).as("the tries use every command").containsAll(EnumSet.allOf(Command.class));
        assertThat(refusedWithOnlyThisMissing).as("each condition alone was missing at some attempt, and refused")
                .containsAll(EnumSet.allOf(Condition.class));
        assertThat(infused + stopped).as("every try ends infused or stopped at the bedside").isEqualTo(TRIES);
        assertThat(infused).as("the conditions can all be met").isPositive();
    }

    /**
     * The commands that meet every condition not in {@code unmet} (and part of those in it), with noise: attempts,
     * withdrawals, one nurse trying both checks, a day passing, and (in some later tries) another child's bag;
     * shuffled, then a last attempt.
     */
    private static List<Step> sequence(Random random, Set<Condition> unmet, int doses, boolean anyNoise,
            boolean anotherBag) {
        List<Step> steps = new ArrayList<>();
        if (!unmet.contains(Condition.ACCEPTANCE)) {
            steps.add(Step.of(Command.ACCEPT));
        }
        if (unmet.contains(Condition.LYMPHODEPLETION)) {
            for (int i = random.nextInt(doses); i > 0; i--) {
                steps.add(Step.of(Command.GIVE_NEXT_DOSE));
            }
        } else {
            steps.add(Step.of(random.nextBoolean() ? Command.GIVE_REMAINING_DOSES : Command.GIVE_NEXT_DOSE));
            steps.add(Step.of(Command.GIVE_REMAINING_DOSES));
        }
        List<String> items = new ArrayList<>(MANUAL_ITEMS);
        java.util.Collections.shuffle(items, random);
        int ticks = unmet.contains(Condition.CHECKLIST) ? random.nextInt(items.size()) : items.size();
        items.subList(0, ticks).forEach(item -> steps.add(new Step(Command.TICK, item)));
        if (!unmet.contains(Condition.BEDSIDE)) {
            steps.add(Step.of(Command.BEDSIDE));
        }
        for (int i = random.nextInt(5); i > 0; i--) {
            steps.add(noise(random, anyNoise));
        }
        if (anyNoise) {
            steps.add(Step.of(Command.BEDSIDE_ONE_PERSON));
        }
        if (anotherBag) {
            steps.add(Step.of(Command.BEDSIDE_OTHER_BAG));
        }
        java.util.Collections.shuffle(steps, random);
        steps.add(Step.of(Command.INFUSE));
        return steps;
    }

    /** Attempts and a lone nurse's check; with {@code any}, also withdrawals and a day passing, which undo things. */
    private static Step noise(Random random, boolean any) {
        return switch (random.nextInt(any ? 5 : 3)) {
            case 2 -> Step.of(Command.BEDSIDE_ONE_PERSON);
            case 0, 1 -> Step.of(Command.INFUSE);
            case 3 -> new Step(Command.WITHDRAW, MANUAL_ITEMS.get(random.nextInt(MANUAL_ITEMS.size())));
            default -> Step.of(Command.NEXT_DAY);
        };
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

    private void apply(Account a, Step command, String step) {
        Product p = a.product;
        switch (command.command()) {
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
            case GIVE_REMAINING_DOSES -> {
                while (a.given < a.doses.size()) {
                    give(a, a.doses.get(a.given));
                    a.given++;
                }
            }
            case TICK -> {
                String item = command.item();
                if (succeeded(a.nurse.postJson(path(p, "/pre-infusion-checklist/ticks"), Map.of("itemCode", item)), step)) {
                    a.ticked.add(item);
                }
            }
            case WITHDRAW -> {
                String item = command.item();
                if (succeeded(a.nurse.postJson(path(p, "/pre-infusion-checklist/withdrawals"), Map.of("itemCode", item,
                        "reason", "Observations to be repeated")), step)) {
                    a.ticked.remove(item);
                }
            }
            case BEDSIDE -> {
                if (bedside(p)) {
                    a.bedsideChecked = true;
                }
            }
            case BEDSIDE_ONE_PERSON -> assertThat(refusedByCustody(() -> fixtures.bedside(p, p.world().nurse(),
                    p.world().nurse()))).as(step).isNotNull();
            case BEDSIDE_OTHER_BAG -> {
                String other = otherChild().coi();
                ProblemException refused = refusedByCustody(() -> fixtures.twoPersonCheck(p, p.productBagId(),
                        VerificationStep.BEDSIDE, List.of(fixtures.wristband(p), other), p.world().nurse(), p.world().secondNurse()));
                assertThat(refused).as(step + ": another child's bag").isNotNull();
                a.identityStopped |= "identity-mismatch".equals(refused.type());
            }
            case NEXT_DAY -> {
                if (a.daysPassed < MAX_DAYS_PASSED) {
                    // A little over a day, so that ticks and the bedside check (valid 24 hours) have lapsed for sure.
                    clock.advance(Duration.ofHours(25));
                    a.daysPassed++;
                    a.ticked.clear();
                    a.bedsideChecked = false;
                    a.nurse = as(p.world().nurse()); // a new shift: the session ended with the day
                }
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
        a.lastRefusal = response.body();
    }

    /** Does what the sequence left undone; with every condition met the infusion must be recorded. */
    private void completeAndInfuse(Account a, String step) {
        apply(a, Step.of(Command.ACCEPT), step);
        apply(a, Step.of(Command.GIVE_REMAINING_DOSES), step);
        for (String item : MANUAL_ITEMS) {
            if (!a.ticked.contains(item)) {
                assertThat(succeeded(a.nurse.postJson(path(a.product, "/pre-infusion-checklist/ticks"),
                        Map.of("itemCode", item)), step)).as(step + ": tick " + item).isTrue();
                a.ticked.add(item);
            }
        }
        Product p = a.product;
        assertThat(bedside(p)).as(step + ": a bedside check just before").isTrue();
        a.bedsideChecked = true;
        infuse(a, step);
        assertThat(a.infused).as(step + ": every condition met, yet refused: " + a.lastRefusal).isTrue();
    }

    private boolean succeeded(HttpResponse<String> response, String step) {
        assertThat(response.statusCode()).as(step + ": " + response.body()).isIn(201, 409, 422);
        return response.statusCode() == 201;
    }

    /**
     * The two nurses check the bag; when the first nurse began a check alone earlier in the sequence, the second nurse
     * completes that one. Whether custody completed a check.
     */
    private boolean bedside(Product p) {
        return refusedByCustody(() -> fixtures.bedside(p)) == null
                || refusedByCustody(() -> fixtures.secondBedsideCheck(p, p.world().secondNurse())) == null;
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

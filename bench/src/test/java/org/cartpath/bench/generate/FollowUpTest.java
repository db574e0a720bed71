package org.cartpath.bench.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FollowUpTest {

    private static final Instant NOW = Instant.parse("2026-12-08T00:00:00Z");

    private record Row(String table, Object[] values) {
    }

    private static List<Row> generate(List<Journey.Step> steps, Instant opened, long seed) {
        List<Row> rows = new ArrayList<>();
        FollowUp.of((table, values) -> rows.add(new Row(table, values)), (at, action, id, after) -> rows.add(
                        new Row("audit_event", new Object[] {at, action})),
                new FollowUp.Case(UUID.randomUUID(), "CP-2020-00001", UUID.randomUUID(), "KYMRIAH", "B_ALL",
                        "KYMRIAH-UK-2026-11", LocalDate.parse("2010-01-01"), steps, opened, NOW), new Random(seed));
        return rows;
    }

    private static List<Journey.Step> journeyTo(String last, int lastDay) {
        List<Journey.Step> steps = new ArrayList<>(List.of(new Journey.Step("REFERRED", 0),
                new Journey.Step("LYMPHODEPLETION", 67), new Journey.Step("INFUSED", 72),
                new Journey.Step("MONITORING", 72), new Journey.Step("FOLLOW_UP", 100)));
        if (last != null) {
            steps.add(new Journey.Step(last, lastDay));
        }
        return steps;
    }

    @Test
    void aPatientWhoDiedHasOneDeathOnTheDayTheCaseEndedAndNothingRecordedAfterIt() {
        Instant opened = NOW.minus(3000, ChronoUnit.DAYS);
        LocalDate died = LocalDate.ofInstant(opened.plus(900, ChronoUnit.DAYS), java.time.ZoneOffset.UTC);
        for (long seed = 0; seed < 50; seed++) {
            List<Row> rows = generate(journeyTo("DECEASED", 900), opened, seed);
            List<Row> events = rows.stream().filter(r -> r.table().equals("followup_outcome_event")).toList();
            assertEquals(1, events.stream().filter(r -> r.values()[2].equals("DEATH")).count());
            assertTrue(events.stream().filter(r -> r.values()[2].equals("DEATH"))
                    .allMatch(r -> r.values()[3].equals(died)));
            assertTrue(events.stream().allMatch(r -> !((LocalDate) r.values()[3]).isAfter(died)), "seed " + seed);
            assertTrue(rows.stream().filter(r -> r.table().equals("followup_response_assessment"))
                    .allMatch(r -> !((LocalDate) r.values()[4]).isAfter(died)));
        }
    }

    @Test
    void anInfusedPatientNotYetInFollowUpHasDayZeroAndLymphodepletionButNoFollowUpRows() {
        Instant opened = NOW.minus(80, ChronoUnit.DAYS);
        List<Journey.Step> steps = journeyTo(null, 0).subList(0, 4);
        List<Row> rows = generate(steps, opened, 1);
        assertEquals(1, rows.stream().filter(r -> r.table().equals("monitoring_anchor")).count());
        assertEquals(6, rows.stream().filter(r -> r.table().equals("lymphodepletion_administration")).count());
        assertFalse(rows.stream().anyMatch(r -> r.table().startsWith("followup_")));
    }

    @Test
    void aLivingPatientIsSeenAliveEveryYearUntilTodayAndEveryRowHasItsAuditRow() {
        Instant opened = NOW.minus(5 * 365 + 200, ChronoUnit.DAYS);
        List<Row> rows = generate(journeyTo(null, 0), opened, 7);
        long alive = rows.stream().filter(r -> r.table().equals("followup_outcome_event") && r.values()[2].equals("ALIVE"))
                .count();
        assertEquals(5, alive);
        long audited = rows.stream().filter(r -> r.table().equals("audit_event")).count();
        long episodes = rows.stream().filter(r -> r.table().equals("monitoring_episode")).count();
        // every row but the episodes (recorded with the toxicity assessments the generator leaves out) is audited
        assertEquals(rows.size() - audited - episodes, audited);
    }
}

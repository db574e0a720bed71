package org.cartpath.bench.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdentifiersTest {

    @Test
    void theCheckDigitOfAPublishedExampleNhsNumberIsItsLastDigit() {
        // 943 476 5919 is the NHS Data Dictionary's worked example of the modulus 11 check
        assertEquals(9, Identifiers.nhsCheckDigit("943476591"));
    }

    @Test
    void generatedNhsNumbersAreValidDistinctAndInTheTestRange() {
        Set<String> seen = new HashSet<>();
        long next = 9_990_000_000L;
        for (int i = 0; i < 5_000; i++) {
            String nhs = Identifiers.nhsNumberFrom(next);
            next = Long.parseLong(nhs) + 1;
            assertTrue(nhs.startsWith("999"), nhs);
            assertEquals(nhs.charAt(9) - '0', Identifiers.nhsCheckDigit(nhs.substring(0, 9)), nhs);
            assertTrue(seen.add(nhs), "repeated " + nhs);
        }
    }

    @Test
    void chainOfIdentityAndDonationIdentifiersHaveTheFormatsCartpathChecks() {
        String coi = Identifiers.coi(Identifiers.fin('C', 7), 2026, 42);
        assertEquals("CHC00072600004" + "2", coi);
        assertTrue(coi.matches("^CH[A-NP-Z1-9][A-Z0-9]{4}[0-9]{2}[A-Z0-9]{6}$"));
        assertTrue(Identifiers.din("G9701", 2019, 3).matches("^[A-NP-Z1-9][A-Z0-9]{4}[0-9]{8}$"));
    }

    @Test
    void copyTextEscapesWhatWouldBreakARowAndMarksNulls() {
        assertEquals("a\\tb\\nc\\\\d", Identifiers.copyText("a\tb\nc\\d"));
        assertEquals("\\N", Identifiers.copyText(null));
        assertEquals("plain", Identifiers.copyText("plain"));
    }

    @Test
    void aJourneyNeverGoesPastTheCaseAgeAndFollowsThePathInOrder() {
        Random random = new Random(1);
        for (int i = 0; i < 2_000; i++) {
            int age = random.nextInt(3_650);
            List<Journey.Step> steps = Journey.of(age, 15, random);
            assertEquals("REFERRED", steps.get(0).stage());
            int day = 0;
            for (Journey.Step step : steps) {
                assertTrue(step.day() >= day && step.day() <= age, steps.toString());
                day = step.day();
            }
            for (int s = 0; s < steps.size() - 1; s++) {
                assertTrue(!Journey.terminal(steps.get(s).stage()), "a terminal stage is last: " + steps);
            }
        }
    }

    @Test
    void oldCasesAreMostlyPastInfusionAndNewOnesAreNot() {
        Random random = new Random(2);
        int oldInfused = 0;
        int newInfused = 0;
        for (int i = 0; i < 1_000; i++) {
            oldInfused += Journey.reached(Journey.of(2_000, 15, random), "INFUSED") ? 1 : 0;
            newInfused += Journey.reached(Journey.of(10, 15, random), "INFUSED") ? 1 : 0;
        }
        assertTrue(oldInfused > 850, "old cases infused: " + oldInfused);
        assertEquals(0, newInfused);
        assertNotEquals(0, oldInfused);
    }
}

package org.cartpath.bench.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The stages one generated case went through, with the day (from its opening) of each, given how long ago it was
 * opened: cartpath's journey (referral to follow-up, DESIGN.md) with typical intervals (docs/clinical/lead-times.md:
 * about five weeks from referral to collection, three to four weeks of manufacturing). Some cases are declined at
 * eligibility or withdrawn; some patients die in follow-up; follow-up is completed after {@code followUpYears}.
 * Pure: the same inputs and random sequence give the same journey.
 */
public final class Journey {

    public static final String[] PATH = {"REFERRED", "TRIAGED", "ELIGIBILITY_ASSESSED", "PANEL_APPROVED", "SLOT_BOOKED",
            "COLLECTED", "IN_MANUFACTURING", "RELEASED", "RECEIVED", "LYMPHODEPLETION", "INFUSED", "MONITORING",
            "FOLLOW_UP"};
    private static final int[] TYPICAL_DAY = {0, 3, 8, 15, 22, 36, 37, 62, 65, 67, 72, 72, 100};

    /** One stage entered on a day after the case's opening. */
    public record Step(String stage, int day) {
    }

    private Journey() {
    }

    public static List<Step> of(int ageDays, int followUpYears, Random random) {
        List<Step> steps = new ArrayList<>();
        int day = 0;
        for (int i = 0; i < PATH.length; i++) {
            if (i > 0) {
                int gap = TYPICAL_DAY[i] - TYPICAL_DAY[i - 1];
                day += gap == 0 ? 0 : Math.max(1, gap + random.nextInt(Math.max(1, gap)) - gap / 2);
            }
            if (day > ageDays) {
                return steps;
            }
            steps.add(new Step(PATH[i], day));
            if (PATH[i].equals("ELIGIBILITY_ASSESSED") && random.nextInt(100) < 6) {
                steps.add(new Step("DECLINED", day + 1 <= ageDays ? day + 1 : day));
                return steps;
            }
            if (PATH[i].equals("SLOT_BOOKED") && random.nextInt(100) < 2) {
                steps.add(new Step("WITHDRAWN", day + 1 <= ageDays ? day + 1 : day));
                return steps;
            }
        }
        // in follow-up: about one patient in four dies in the first years; follow-up ends after followUpYears
        int deathDay = random.nextInt(100) < 25 ? day + 30 + random.nextInt(3 * 365) : Integer.MAX_VALUE;
        int completeDay = day + followUpYears * 365;
        if (deathDay <= ageDays && deathDay < completeDay) {
            steps.add(new Step("DECEASED", deathDay));
        } else if (completeDay <= ageDays) {
            steps.add(new Step("COMPLETED", completeDay));
        }
        return steps;
    }

    public static boolean terminal(String stage) {
        return stage.equals("COMPLETED") || stage.equals("DECLINED") || stage.equals("WITHDRAWN")
                || stage.equals("DECEASED");
    }

    /** Whether the case reached {@code stage} on its way (the last step counts). */
    public static boolean reached(List<Step> steps, String stage) {
        return steps.stream().anyMatch(s -> s.stage().equals(stage));
    }

    public static int dayOf(List<Step> steps, String stage) {
        return steps.stream().filter(s -> s.stage().equals(stage)).findFirst().map(Step::day).orElse(-1);
    }
}

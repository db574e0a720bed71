package org.cartpath.reporting.measures;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The cumulative incidence of one kind of event in the presence of a competing event, by the Aalen–Johansen estimator
 * (Aalen OO, Johansen S. An empirical transition matrix for non-homogeneous Markov chains based on censored
 * observations. Scand J Stat 1978;5:141–150), as in Kalbfleisch JD, Prentice RL, The Statistical Analysis of Failure
 * Time Data, 2nd ed. 2002, §8.2: at each distinct time t with n at risk, d₁ events of interest and d₂ competing events,
 * CIF₁(t) = CIF₁(t−) + S(t−)·d₁/n and S(t) = S(t−)·(1 − (d₁ + d₂)/n), S being the Kaplan–Meier estimate of freedom
 * from either event. Unlike 1 − Kaplan–Meier (which treats the competing event as censoring) it never overstates the
 * incidence. Here: relapse or progression, with death without relapse as the competing risk
 * (docs/clinical/outcome-measures.md, "Cumulative incidence of relapse").
 */
public final class AalenJohansen {

    /** What ended a subject's follow-up. */
    public enum Status {
        CENSORED, EVENT, COMPETING
    }

    /** One subject: the time (≥ 0) and its status. */
    public record Subject(double time, Status status) {
        public Subject {
            if (!Double.isFinite(time) || time < 0 || status == null) {
                throw new IllegalArgumentException("time must be a finite number ≥ 0 and a status given");
            }
        }
    }

    /** One distinct time at which an event or competing event occurred. */
    public record Step(double time, int atRisk, int events, int competing, double cumulativeIncidence,
            double competingIncidence) {
    }

    private AalenJohansen() {
    }

    /** The steps of the cumulative incidence, at each time with an event of either kind, ascending. */
    public static List<Step> estimate(List<Subject> subjects) {
        List<Subject> sorted = subjects.stream().sorted(Comparator.comparingDouble(Subject::time)).toList();
        List<Step> steps = new ArrayList<>();
        int atRisk = sorted.size();
        double freeOfBoth = 1.0;
        double incidence = 0.0;
        double competingIncidence = 0.0;
        for (int i = 0; i < sorted.size(); ) {
            double time = sorted.get(i).time();
            int events = 0;
            int competing = 0;
            int leaving = 0;
            int j = i;
            for (; j < sorted.size() && sorted.get(j).time() == time; j++) {
                switch (sorted.get(j).status()) {
                    case EVENT -> events++;
                    case COMPETING -> competing++;
                    case CENSORED -> { } // censored at t are still at risk at t, as in Kaplan–Meier
                }
                leaving++;
            }
            if (events + competing > 0) {
                double n = atRisk;
                incidence += freeOfBoth * events / n;
                competingIncidence += freeOfBoth * competing / n;
                freeOfBoth *= 1 - (events + competing) / n;
                steps.add(new Step(time, atRisk, events, competing, incidence, competingIncidence));
            }
            atRisk -= leaving;
            i = j;
        }
        return List.copyOf(steps);
    }
}

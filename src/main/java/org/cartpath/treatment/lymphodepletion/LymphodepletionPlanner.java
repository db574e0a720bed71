package org.cartpath.treatment.lymphodepletion;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.cartpath.catalogue.LymphodepletionRegimen;
import org.cartpath.catalogue.LymphodepletionRegimen.Agent;
import org.cartpath.catalogue.LymphodepletionRegimen.DayReference;
import org.cartpath.catalogue.LymphodepletionRegimen.Drug;
import org.cartpath.shared.ProblemException;
import org.cartpath.treatment.dosing.BodySurfaceArea;
import org.cartpath.treatment.dosing.CreatinineClearance;

/**
 * Plans lymphodepletion from the label's regimen (docs/clinical/dosing.md): each drug's daily dose from the body
 * surface area, fludarabine adjusted by the pharmacy's renal band table, rounded by the centre's rule,
 * dated, and the window in which the infusion must follow. Plain Java.
 *
 * <p>Regimens dated from the infusion (Yescarta: cy + flu on days −5, −4, −3) are anchored on the planned
 * infusion day; regimens dated from their first day (Kymriah: 2 to 14 days after lymphodepletion ends)
 * are anchored on the first chemotherapy day, and the infusion window follows from the last one.
 */
public final class LymphodepletionPlanner {

    private LymphodepletionPlanner() {
    }

    /**
     * @param anchor the planned infusion day for {@link DayReference#INFUSION} regimens, else the first
     *               chemotherapy day
     * @param clearance null when no creatinine clearance is known: fludarabine cannot then be planned
     */
    public static LymphodepletionPlan plan(LymphodepletionRegimen regimen, LocalDate anchor, BodySurfaceArea bsa,
            CreatinineClearance clearance, RenalBandTable renal, DoseRounding rounding) {
        return plan(regimen, anchor, bsa, clearance, "CrCl", "mL/min", renal, rounding);
    }

    /**
     * As above, naming the renal measure the bands are read against and its unit ("eGFR", "mL/min/1.73 m²" for a
     * child: docs/clinical/renal-function.md), so that the band applied says what it was applied to.
     */
    public static LymphodepletionPlan plan(LymphodepletionRegimen regimen, LocalDate anchor, BodySurfaceArea bsa,
            CreatinineClearance clearance, String measure, String unit, RenalBandTable renal, DoseRounding rounding) {
        boolean hasFludarabine = regimen.agents().stream().anyMatch(a -> a.drug() == Drug.FLUDARABINE);
        if (hasFludarabine && clearance == null) {
            throw ProblemException.unprocessable("creatinine-clearance-required",
                    "Fludarabine is dosed by renal function: record a creatinine and calculate the clearance first");
        }
        RenalBandTable.RenalBand band = clearance == null ? null : renal.bandFor(clearance.mlPerMin());
        List<PlannedDose> doses = new ArrayList<>();
        for (Agent agent : regimen.agents()) {
            if (agent.doseMgPerM2PerDay() == null || !agent.doseMgPerM2PerDay().present()) {
                throw ProblemException.unprocessable("regimen-incomplete", "The catalogue gives no dose for "
                        + agent.drug() + " in regimen " + regimen.id() + "; the pharmacy must plan it by hand");
            }
            BigDecimal labelDose = agent.doseMgPerM2PerDay().value();
            for (int day : agent.days()) {
                LocalDate date = anchor.plusDays(day);
                doses.add(dose(agent.drug(), labelDose, date, 0, bsa, band, measure, unit, rounding));
            }
        }
        doses.sort(Comparator.comparing(PlannedDose::date).thenComparing(PlannedDose::drug));
        LocalDate first = doses.get(0).date();
        LocalDate last = doses.get(doses.size() - 1).date();
        LocalDate earliest;
        LocalDate latest;
        String windowSource;
        if (regimen.dayReference() == DayReference.INFUSION) {
            earliest = anchor;
            latest = anchor;
            windowSource = regimen.source() + ": infusion on day 0";
        } else {
            LymphodepletionRegimen.InfusionWindow window = regimen.infusionWindow();
            if (window == null || window.fromDays() == null || !window.fromDays().present()
                    || window.toDays() == null || !window.toDays().present()) {
                throw ProblemException.unprocessable("regimen-incomplete", "The catalogue gives no infusion window "
                        + "for regimen " + regimen.id());
            }
            earliest = last.plusDays(window.fromDays().intValue());
            latest = last.plusDays(window.toDays().intValue());
            windowSource = window.fromDays().source();
        }
        // days relative to the infusion: to the planned day 0, or to the earliest day the window allows
        LocalDate dayZero = regimen.dayReference() == DayReference.INFUSION ? anchor : earliest;
        List<PlannedDose> dated = doses.stream().map(d -> new PlannedDose(d.date(),
                (int) java.time.temporal.ChronoUnit.DAYS.between(dayZero, d.date()), d.drug(), d.labelMgPerM2(),
                d.givenMgPerM2(), d.mg(), d.note())).toList();
        return new LymphodepletionPlan(regimen.id(), regimen.name(), regimen.source(), bsa.squareMetres(),
                bsa.formula().name(), clearance == null ? null : clearance.mlPerMin(), band == null ? null : renal.id(),
                band == null ? null : band.describe(measure, unit), dated, first, last, earliest, latest, windowSource);
    }

    private static PlannedDose dose(Drug drug, BigDecimal labelDose, LocalDate date, int day, BodySurfaceArea bsa,
            RenalBandTable.RenalBand band, String measure, String unit, DoseRounding rounding) {
        BigDecimal perM2 = labelDose;
        String note = null;
        if (drug == Drug.FLUDARABINE && band != null && (band.percentOfDose() == null
                || band.percentOfDose().compareTo(new BigDecimal("100")) != 0)) {
            if (band.percentOfDose() == null) {
                return new PlannedDose(date, day, drug, labelDose, null, null, "Withheld: "
                        + band.describe(measure, unit));
            }
            perM2 = labelDose.multiply(band.percentOfDose()).divide(new BigDecimal("100"), 2, RoundingMode.HALF_UP);
            note = "Reduced: " + band.describe(measure, unit);
        }
        BigDecimal mg = rounding.round(drug, perM2.multiply(bsa.squareMetres()));
        return new PlannedDose(date, day, drug, labelDose, perM2, mg, note);
    }
}

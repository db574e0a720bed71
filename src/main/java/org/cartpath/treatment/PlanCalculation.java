package org.cartpath.treatment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cartpath.patient.ClinicalSnapshot;
import org.cartpath.patient.Dated;
import org.cartpath.treatment.dosing.BodySurfaceArea;
import org.cartpath.treatment.dosing.CreatinineClearance;
import org.cartpath.treatment.dosing.SerumCreatinine;
import org.cartpath.treatment.dosing.Sex;
import org.cartpath.treatment.internal.TreatmentSettings;
import org.cartpath.treatment.lymphodepletion.MeasurementAge;

/**
 * The inputs of a lymphodepletion plan read from the patient's record as of the day of the calculation, checked
 * (present, recent enough), and turned into a body surface area and, when fludarabine is given, a creatinine
 * clearance. A problem is a refusal (the service records it) rather than an exception, so that the caller decides.
 */
record PlanCalculation(BodySurfaceArea bsa, CreatinineClearance clearance, PlanInputs inputs, DosingRules rules,
        RenalTableVersion renal, List<String> warnings, Optional<Refusal> refusal) {

    /** A reason the plan cannot be calculated: a problem type and what is missing or too old. */
    record Refusal(String type, String detail) {
    }

    /** Cockcroft–Gault was derived in adults (CreatinineClearance); under this age the plan says so. */
    static final int ADULT_AGE = 18;

    static PlanCalculation of(ClinicalSnapshot s, boolean fludarabine, LocalDate today, TreatmentSettings settings,
            DosingRules rules, RenalTableVersion renal) {
        Dated<BigDecimal> weight = s.weightKg();
        Dated<BigDecimal> height = s.heightCm();
        Dated<BigDecimal> creatinine = fludarabine ? s.creatinineMicromolPerLitre() : null;
        PlanInputs inputs = new PlanInputs(today, value(weight), on(weight), value(height), on(height), value(creatinine),
                on(creatinine), s.ageYears(), s.sex() == null ? null : s.sex().name(), rules.bsaFormula().name(),
                rules.rounding().incrementsMg(), renal.table().id(), renal.table().name(), renal.version(), rules.version(),
                settings.ldMaxMeasurementAgeDays(), settings.ldMaxCreatinineAgeDays());
        List<String> missing = new ArrayList<>();
        if (weight == null) {
            missing.add("a weight");
        }
        if (height == null) {
            missing.add("a height");
        }
        Sex sex = null;
        if (fludarabine) {
            if (creatinine == null) {
                missing.add("a serum creatinine");
            }
            if (s.ageYears() == null) {
                missing.add("a date of birth");
            }
            sex = s.sex() == null ? null : switch (s.sex()) {
                case FEMALE -> Sex.FEMALE;
                case MALE -> Sex.MALE;
                default -> null;
            };
            if (sex == null) {
                missing.add("the patient's sex as female or male (Cockcroft–Gault needs it)");
            }
        }
        if (!missing.isEmpty()) {
            return refused(inputs, rules, renal, new Refusal("measurement-missing", "Lymphodepletion doses need "
                    + String.join(", ", missing) + " on the patient's record" + (fludarabine
                    ? " (fludarabine is dosed by the creatinine clearance)" : "")));
        }
        Optional<Refusal> stale = staleness(inputs, today, settings);
        if (stale.isPresent()) {
            return refused(inputs, rules, renal, stale.get());
        }
        BodySurfaceArea bsa = BodySurfaceArea.of(rules.bsaFormula(), height.value(), weight.value());
        CreatinineClearance clearance = fludarabine ? CreatinineClearance.cockcroftGault(s.ageYears(), weight.value(), sex,
                new SerumCreatinine(creatinine.value(), SerumCreatinine.Unit.UMOL_PER_L)) : null;
        List<String> warnings = new ArrayList<>();
        if (clearance != null && s.ageYears() < ADULT_AGE) {
            warnings.add("Cockcroft–Gault was derived in adults; the patient is " + s.ageYears()
                    + ": confirm renal function with a paediatric estimate before applying the renal band");
        }
        if (rules.isDefault()) {
            warnings.add("Dosed by cartpath's default rules (Mosteller, whole milligrams): the pharmacy has set none");
        }
        if (renal.isDefault()) {
            warnings.add("Renal adjustment by cartpath's default table (" + renal.table().name()
                    + "): the pharmacy has set none");
        }
        return new PlanCalculation(bsa, clearance, inputs, rules, renal, warnings, Optional.empty());
    }

    /** Whether a measurement the plan uses has become too old to dose by, as of {@code today}. */
    static Optional<Refusal> staleness(PlanInputs in, LocalDate today, TreatmentSettings settings) {
        List<String> old = new ArrayList<>();
        int max = settings.ldMaxMeasurementAgeDays();
        if (MeasurementAge.tooOld(in.weighedOn(), today, max)) {
            old.add("the weight (" + in.weightKg().stripTrailingZeros().toPlainString() + " kg) was measured on "
                    + in.weighedOn());
        }
        if (MeasurementAge.tooOld(in.heightMeasuredOn(), today, max)) {
            old.add("the height was measured on " + in.heightMeasuredOn());
        }
        boolean creatinineOld = MeasurementAge.tooOld(in.creatinineTestedOn(), today, settings.ldMaxCreatinineAgeDays());
        if (creatinineOld) {
            old.add("the creatinine was tested on " + in.creatinineTestedOn());
        }
        if (old.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Refusal("measurement-too-old", "Lymphodepletion doses are not calculated from old "
                + "measurements: " + String.join("; ", old) + ". The centre's limit is " + max + " days for weight and "
                + "height" + (in.creatinineTestedOn() == null ? "" : " and " + settings.ldMaxCreatinineAgeDays()
                + " days for creatinine") + "; record a new measurement"));
    }

    private static PlanCalculation refused(PlanInputs inputs, DosingRules rules, RenalTableVersion renal, Refusal refusal) {
        return new PlanCalculation(null, null, inputs, rules, renal, List.of(), Optional.of(refusal));
    }

    private static BigDecimal value(Dated<BigDecimal> dated) {
        return dated == null ? null : dated.value();
    }

    private static LocalDate on(Dated<BigDecimal> dated) {
        return dated == null ? null : dated.on();
    }
}

package org.cartpath.treatment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cartpath.catalogue.RenalFunctionParameters;
import org.cartpath.patient.ClinicalSnapshot;
import org.cartpath.patient.Dated;
import org.cartpath.treatment.dosing.BedsideSchwartz;
import org.cartpath.treatment.dosing.BodySurfaceArea;
import org.cartpath.treatment.dosing.CreatinineClearance;
import org.cartpath.treatment.dosing.RenalFunction;
import org.cartpath.treatment.dosing.SerumCreatinine;
import org.cartpath.treatment.dosing.Sex;
import org.cartpath.treatment.internal.TreatmentSettings;
import org.cartpath.treatment.lymphodepletion.MeasurementAge;

/**
 * The inputs of a lymphodepletion plan read from the patient's record as of the day of the calculation, checked
 * (present, recent enough), and turned into a body surface area and, when fludarabine is given, a renal function
 * estimate chosen by age (docs/clinical/renal-function.md): Cockcroft–Gault for adults, the bedside Schwartz eGFR for
 * children. A problem is a refusal (the service records it) rather than an exception, so that the caller decides.
 *
 * @param renal          the estimate the fludarabine bands are read against; null without fludarabine
 * @param overrideNeeded why the renal estimate may only be used with a pharmacist's signed reason; empty when not
 */
record PlanCalculation(BodySurfaceArea bsa, RenalFunction renal, PlanInputs inputs, DosingRules rules,
        RenalTableVersion renalTable, List<String> warnings, Optional<String> overrideNeeded, Optional<Refusal> refusal) {

    /** A reason the plan cannot be calculated: a problem type and what is missing or too old. */
    record Refusal(String type, String detail) {
    }

    /** The clearance or eGFR the planner reads the bands against; null without fludarabine. */
    CreatinineClearance clearance() {
        return renal == null ? null : renal.forBands();
    }

    static PlanCalculation of(ClinicalSnapshot s, boolean fludarabine, LocalDate today, TreatmentSettings settings,
            DosingRules rules, RenalTableVersion renalTable, RenalFunctionParameters renalParameters) {
        Dated<BigDecimal> weight = s.weightKg();
        Dated<BigDecimal> height = s.heightCm();
        Dated<BigDecimal> creatinine = fludarabine ? s.creatinineMicromolPerLitre() : null;
        PlanInputs inputs = new PlanInputs(today, value(weight), on(weight), value(height), on(height), value(creatinine),
                on(creatinine), s.ageYears(), s.sex() == null ? null : s.sex().name(), rules.bsaFormula().name(),
                rules.rounding().incrementsMg(), renalTable.table().id(), renalTable.table().name(), renalTable.version(),
                rules.version(), settings.ldMaxMeasurementAgeDays(), settings.ldMaxCreatinineAgeDays(), null, null, null,
                null, null, null, null);
        List<String> missing = new ArrayList<>();
        if (weight == null) {
            missing.add("a weight");
        }
        if (height == null) {
            missing.add("a height" + (fludarabine && s.ageYears() != null
                    && s.ageYears() < renalParameters.adultFromAgeYears().intValue()
                    ? " (a child's renal function is estimated from it by the bedside Schwartz equation)" : ""));
        }
        Sex sex = null;
        RenalFunction.Choice choice = null;
        if (fludarabine) {
            if (creatinine == null) {
                missing.add("a serum creatinine");
            }
            if (s.ageYears() == null) {
                missing.add("a date of birth (the renal estimate depends on the age)");
            } else {
                choice = RenalFunction.choose(renalParameters, s.ageYears());
            }
            sex = s.sex() == null ? null : switch (s.sex()) {
                case FEMALE -> Sex.FEMALE;
                case MALE -> Sex.MALE;
                default -> null;
            };
            if (sex == null && choice != null && choice.method() == RenalFunction.Method.COCKCROFT_GAULT) {
                missing.add("the patient's sex as female or male (Cockcroft–Gault needs it)");
            }
        }
        if (!missing.isEmpty()) {
            return refused(inputs, rules, renalTable, new Refusal("measurement-missing", "Lymphodepletion doses need "
                    + String.join(", ", missing) + " on the patient's record" + (fludarabine
                    ? " (fludarabine is dosed by renal function)" : "")));
        }
        Optional<Refusal> stale = staleness(inputs, today, settings);
        if (stale.isPresent()) {
            return refused(inputs, rules, renalTable, stale.get());
        }
        BodySurfaceArea bsa = BodySurfaceArea.of(rules.bsaFormula(), height.value(), weight.value());
        RenalFunction renal = null;
        if (fludarabine) {
            SerumCreatinine serum = new SerumCreatinine(creatinine.value(), SerumCreatinine.Unit.UMOL_PER_L);
            renal = choice.method() == RenalFunction.Method.COCKCROFT_GAULT
                    ? RenalFunction.of(CreatinineClearance.cockcroftGault(s.ageYears(), weight.value(), sex, serum))
                    : RenalFunction.of(BedsideSchwartz.estimate(height.value(), serum, renalParameters.schwartzUmol()), bsa,
                            renalParameters.paediatricBands());
            inputs = inputs.withRenal(renal.method().name(), renal.estimate(), renal.method().unit(), renal.bandUnit(),
                    renalParameters.id());
        }
        List<String> warnings = new ArrayList<>();
        if (rules.isDefault()) {
            warnings.add("Dosed by cartpath's default rules (Mosteller, whole milligrams): the pharmacy has set none");
        }
        if (renalTable.isDefault()) {
            warnings.add("Renal adjustment by cartpath's default table (" + renalTable.table().name()
                    + "): the pharmacy has set none");
        }
        return new PlanCalculation(bsa, renal, inputs, rules, renalTable, warnings,
                choice == null ? Optional.empty() : choice.needsOverride(), Optional.empty());
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
        return new PlanCalculation(null, null, inputs, rules, renal, List.of(), Optional.empty(), Optional.of(refusal));
    }

    private static BigDecimal value(Dated<BigDecimal> dated) {
        return dated == null ? null : dated.value();
    }

    private static LocalDate on(Dated<BigDecimal> dated) {
        return dated == null ? null : dated.on();
    }
}

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

    /** A child's GFR measured on a day, given with the plan (docs/clinical/renal-function.md). */
    record MeasuredGfr(BigDecimal mlPerMinPer173m2, LocalDate measuredOn) {
    }

    /** Input sanity for a measured GFR, not a clinical rule: beyond it the value is a typing error or the wrong unit. */
    static final BigDecimal HIGHEST_GFR = new BigDecimal("250");

    /** The clearance or eGFR the planner reads the bands against; null without fludarabine. */
    CreatinineClearance clearance() {
        return renal == null ? null : renal.forBands();
    }

    static PlanCalculation of(ClinicalSnapshot s, boolean fludarabine, LocalDate today, TreatmentSettings settings,
            DosingRules rules, RenalTableVersion renalTable, RenalFunctionParameters renalParameters) {
        return of(s, fludarabine, today, settings, rules, renalTable, renalParameters, null);
    }

    /**
     * @param measured a child's measured GFR, used instead of any estimate; null when none was given
     */
    static PlanCalculation of(ClinicalSnapshot s, boolean fludarabine, LocalDate today, TreatmentSettings settings,
            DosingRules rules, RenalTableVersion renalTable, RenalFunctionParameters renalParameters,
            MeasuredGfr measured) {
        if (measured != null) {
            checkMeasured(measured, s.ageYears(), fludarabine, today, settings, renalParameters);
        }
        Dated<BigDecimal> weight = s.weightKg();
        Dated<BigDecimal> height = s.heightCm();
        // a measured GFR replaces the creatinine: an old creatinine then neither doses nor blocks the plan
        Dated<BigDecimal> creatinine = fludarabine && measured == null ? s.creatinineMicromolPerLitre() : null;
        PlanInputs inputs = new PlanInputs(today, value(weight), on(weight), value(height), on(height), value(creatinine),
                on(creatinine), s.ageYears(), s.sex() == null ? null : s.sex().name(), rules.bsaFormula().name(),
                rules.rounding().incrementsMg(), renalTable.table().id(), renalTable.table().name(), renalTable.version(),
                rules.version(), settings.ldMaxMeasurementAgeDays(), settings.ldMaxCreatinineAgeDays(), null, null, null,
                null, null, null, null, null);
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
            if (creatinine == null && measured == null) {
                missing.add("a serum creatinine");
            }
            if (s.ageYears() == null) {
                missing.add("a date of birth (the renal estimate depends on the age)");
            } else if (measured != null) {
                choice = new RenalFunction.Choice(RenalFunction.Method.MEASURED_GFR, Optional.empty());
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
        if (fludarabine && measured != null) {
            renal = RenalFunction.measured(measured.mlPerMinPer173m2(), bsa, renalParameters.paediatricBands());
            inputs = inputs.withRenal(renal.method().name(), renal.estimate(), renal.method().unit(), renal.bandUnit(),
                    renalParameters.id(), measured.measuredOn());
        } else if (fludarabine) {
            SerumCreatinine serum = new SerumCreatinine(creatinine.value(), SerumCreatinine.Unit.UMOL_PER_L);
            renal = choice.method() == RenalFunction.Method.COCKCROFT_GAULT
                    ? RenalFunction.of(CreatinineClearance.cockcroftGault(s.ageYears(), weight.value(), sex, serum))
                    : RenalFunction.of(BedsideSchwartz.estimate(height.value(), serum, renalParameters.schwartzUmol()), bsa,
                            renalParameters.paediatricBands());
            inputs = inputs.withRenal(renal.method().name(), renal.estimate(), renal.method().unit(), renal.bandUnit(),
                    renalParameters.id(), null);
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

    /**
     * A measured GFR is for a child (adults are dosed by Cockcroft–Gault, as before), given with its day, not in the
     * future and not older than the centre's creatinine limit, and a plausible number; else 400 naming the field.
     */
    private static void checkMeasured(MeasuredGfr measured, Integer ageYears, boolean fludarabine, LocalDate today,
            TreatmentSettings settings, RenalFunctionParameters parameters) {
        List<org.cartpath.shared.ProblemException.FieldProblem> problems = new ArrayList<>();
        String value = "measuredGfrMlPerMinPer173m2";
        if (!fludarabine) {
            problems.add(new org.cartpath.shared.ProblemException.FieldProblem(value, "is only used to dose fludarabine,"
                    + " which this regimen does not give"));
        } else if (ageYears != null && ageYears >= parameters.adultFromAgeYears().intValue()) {
            problems.add(new org.cartpath.shared.ProblemException.FieldProblem(value, "is for a patient under "
                    + parameters.adultFromAgeYears().intValue() + "; adults are dosed by the Cockcroft–Gault clearance"));
        }
        if (measured.mlPerMinPer173m2() == null) {
            problems.add(new org.cartpath.shared.ProblemException.FieldProblem(value, "is required with its day"));
        } else if (measured.mlPerMinPer173m2().signum() <= 0 || measured.mlPerMinPer173m2().compareTo(HIGHEST_GFR) > 0) {
            problems.add(new org.cartpath.shared.ProblemException.FieldProblem(value, "must be more than 0 and at most "
                    + HIGHEST_GFR.toPlainString() + " mL/min/1.73 m²"));
        }
        if (measured.measuredOn() == null) {
            problems.add(new org.cartpath.shared.ProblemException.FieldProblem("measuredGfrOn", "is required with a"
                    + " measured GFR"));
        } else if (measured.measuredOn().isAfter(today)) {
            problems.add(new org.cartpath.shared.ProblemException.FieldProblem("measuredGfrOn", "must not be in the"
                    + " future"));
        } else if (MeasurementAge.tooOld(measured.measuredOn(), today, settings.ldMaxCreatinineAgeDays())) {
            problems.add(new org.cartpath.shared.ProblemException.FieldProblem("measuredGfrOn", "must be within the"
                    + " last " + settings.ldMaxCreatinineAgeDays() + " days, the centre's limit for renal function"));
        }
        if (!problems.isEmpty()) {
            throw org.cartpath.shared.ProblemException.invalid(problems);
        }
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
        if (MeasurementAge.tooOld(in.measuredGfrOn(), today, settings.ldMaxCreatinineAgeDays())) {
            old.add("the GFR was measured on " + in.measuredGfrOn());
        }
        if (old.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Refusal("measurement-too-old", "Lymphodepletion doses are not calculated from old "
                + "measurements: " + String.join("; ", old) + ". The centre's limit is " + max + " days for weight and "
                + "height" + (in.creatinineTestedOn() != null ? " and " + settings.ldMaxCreatinineAgeDays()
                + " days for creatinine" : in.measuredGfrOn() != null ? " and " + settings.ldMaxCreatinineAgeDays()
                + " days for a measured GFR" : "") + "; record a new measurement"));
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

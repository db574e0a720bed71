package org.cartpath.monitoring.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cartpath.catalogue.Catalogue;
import org.cartpath.monitoring.grading.AssessmentTool;
import org.cartpath.monitoring.grading.CapdAnswer;
import org.cartpath.monitoring.grading.CapdScore;
import org.cartpath.monitoring.grading.CerebralEdema;
import org.cartpath.monitoring.grading.Consciousness;
import org.cartpath.monitoring.grading.CrsAssessment;
import org.cartpath.monitoring.grading.CrsDriver;
import org.cartpath.monitoring.grading.CrsGrade;
import org.cartpath.monitoring.grading.CrsGrader;
import org.cartpath.monitoring.grading.IcansAssessment;
import org.cartpath.monitoring.grading.IcansDriver;
import org.cartpath.monitoring.grading.IcansGrade;
import org.cartpath.monitoring.grading.IcansGrader;
import org.cartpath.monitoring.grading.IcansParameters;
import org.cartpath.monitoring.grading.IceScore;
import org.cartpath.monitoring.grading.OxygenDevice;
import org.cartpath.monitoring.grading.Seizure;
import org.cartpath.monitoring.grading.TocilizumabDose;
import org.cartpath.monitoring.grading.Vasopressor;
import org.cartpath.shared.RequestFields;
import org.cartpath.shared.TextLimits;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stateless toxicity calculators: CRS and ICANS grades, the ICE and CAPD scores and the tocilizumab dose.
 * Nothing is stored. A missing body is read as an empty one, so the answer names every required field.
 */
@RestController
@RequestMapping("/api/v1/calculators")
@Tag(name = "Toxicity calculators", description = "CRS and ICANS grading (ASTCT 2019), ICE and CAPD scores,"
        + " tocilizumab dose for CRS; decision support, nothing is stored")
class ToxicityCalculatorApiController {

    record CrsGradeRequest(
            BigDecimal temperatureCelsius,
            Boolean feverAttributableToOtherCause,
            Boolean antipyreticOrAnticytokineGiven,
            Boolean hypotension,
            @Size(max = TextLimits.ITEMS) List<@Size(max = TextLimits.SHORT) String> vasopressors,
            @Size(max = TextLimits.SHORT) String oxygenDevice,
            BigDecimal oxygenFlowLitresPerMinute,
            Boolean deathFromCrs) {
    }

    record CrsGradeResponse(int grade, Set<CrsDriver> drivers, String explanation) {
    }

    record IceScoreRequest(BigDecimal orientation, BigDecimal naming, BigDecimal followsCommands, BigDecimal writing,
            BigDecimal attention) {
    }

    record IceScoreResponse(int score) {
    }

    record CapdScoreRequest(@Size(max = TextLimits.ITEMS) List<@Size(max = TextLimits.SHORT) String> answers) {
    }

    record CapdScoreResponse(int score, boolean positive) {
    }

    record IcansGradeRequest(
            BigDecimal ageYears,
            Boolean developmentalDelay,
            BigDecimal iceScore,
            BigDecimal capdScore,
            Boolean unableToAssess,
            @Size(max = TextLimits.SHORT) String consciousness,
            Boolean consciousnessAttributableToOtherCause,
            @Size(max = TextLimits.SHORT) String seizure,
            Boolean motorWeakness,
            @Size(max = TextLimits.SHORT) String cerebralEdema) {
    }

    record IcansGradeResponse(int grade, AssessmentTool tool, Set<IcansDriver> drivers, String explanation) {
    }

    record TocilizumabDoseRequest(BigDecimal weightKg) {
    }

    record TocilizumabDoseResponse(BigDecimal doseMg, int mgPerKg, boolean capped) {
    }

    // IcansParameters will come from the catalogue per label version; the guideline default until then.
    private final IcansGrader icansGrader = new IcansGrader(IcansParameters.DEFAULT);
    private final Catalogue catalogue;

    ToxicityCalculatorApiController(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @PostMapping("/crs-grade")
    @Operation(summary = "CRS grade 0–5 by ASTCT 2019 from temperature, hypotension, vasopressors and oxygen",
            description = "Vasopressors are NOREPINEPHRINE, EPINEPHRINE, PHENYLEPHRINE, DOPAMINE, VASOPRESSIN;"
                    + " oxygenDevice is NONE, BLOW_BY, NASAL_CANNULA, HIGH_FLOW_NASAL_CANNULA, FACEMASK,"
                    + " NON_REBREATHER, VENTURI, CPAP, BIPAP or MECHANICAL_VENTILATION. A flow is required on a"
                    + " nasal cannula.")
    CrsGradeResponse crsGrade(@RequestBody(required = false) CrsGradeRequest body) {
        CrsGradeRequest in = body != null ? body : new CrsGradeRequest(null, null, null, null, null, null, null, null);
        RequestFields.required()
                .field("temperatureCelsius", in.temperatureCelsius())
                .field("feverAttributableToOtherCause", in.feverAttributableToOtherCause())
                .field("antipyreticOrAnticytokineGiven", in.antipyreticOrAnticytokineGiven())
                .field("hypotension", in.hypotension())
                .field("vasopressors", in.vasopressors())
                .field("oxygenDevice", in.oxygenDevice())
                .field("deathFromCrs", in.deathFromCrs())
                .check();
        CrsGrade grade = CrsGrader.grade(new CrsAssessment(in.temperatureCelsius(), in.feverAttributableToOtherCause(),
                in.antipyreticOrAnticytokineGiven(), in.hypotension(),
                new HashSet<>(RequestFields.choices(in.vasopressors(), Vasopressor.class, "vasopressors")),
                RequestFields.choice(in.oxygenDevice(), OxygenDevice.class, "oxygenDevice"),
                in.oxygenFlowLitresPerMinute(), in.deathFromCrs()));
        return new CrsGradeResponse(grade.grade(), grade.drivers(), grade.explanation());
    }

    @PostMapping("/ice-score")
    @Operation(summary = "ICE score 0–10 from its five items: orientation 0–4, naming 0–3, followsCommands 0–1,"
            + " writing 0–1, attention 0–1")
    IceScoreResponse iceScore(@RequestBody(required = false) IceScoreRequest body) {
        IceScoreRequest in = body != null ? body : new IceScoreRequest(null, null, null, null, null);
        RequestFields.required()
                .field("orientation", in.orientation())
                .field("naming", in.naming())
                .field("followsCommands", in.followsCommands())
                .field("writing", in.writing())
                .field("attention", in.attention())
                .check();
        IceScore score = new IceScore(RequestFields.wholeNumber(in.orientation(), "orientation"),
                RequestFields.wholeNumber(in.naming(), "naming"),
                RequestFields.wholeNumber(in.followsCommands(), "followsCommands"),
                RequestFields.wholeNumber(in.writing(), "writing"),
                RequestFields.wholeNumber(in.attention(), "attention"));
        return new IceScoreResponse(score.total());
    }

    @PostMapping("/capd-score")
    @Operation(summary = "CAPD score 0–32 from its eight answers in item order (NEVER, RARELY, SOMETIMES, OFTEN,"
            + " ALWAYS); positive for delirium at 9 or more (Traube 2014)")
    CapdScoreResponse capdScore(@RequestBody(required = false) CapdScoreRequest body) {
        CapdScoreRequest in = body != null ? body : new CapdScoreRequest(null);
        RequestFields.required().field("answers", in.answers()).check();
        CapdScore score = new CapdScore(RequestFields.choices(in.answers(), CapdAnswer.class, "answers"));
        return new CapdScoreResponse(score.total(), score.positive());
    }

    @PostMapping("/icans-grade")
    @Operation(summary = "ICANS grade 0–4 by ASTCT 2019; ICE from age 12, CAPD under 12 or with developmental"
            + " delay up to 21",
            description = "Send the score of the tool the age calls for, or unableToAssess true when the patient"
                    + " cannot be roused. The other tool's score, or none, is refused with 422"
                    + " wrong-assessment-tool naming the score needed.")
    IcansGradeResponse icansGrade(@RequestBody(required = false) IcansGradeRequest body) {
        IcansGradeRequest in = body != null ? body
                : new IcansGradeRequest(null, null, null, null, null, null, null, null, null, null);
        RequestFields.required()
                .field("ageYears", in.ageYears())
                .field("developmentalDelay", in.developmentalDelay())
                .field("unableToAssess", in.unableToAssess())
                .field("consciousness", in.consciousness())
                .field("consciousnessAttributableToOtherCause", in.consciousnessAttributableToOtherCause())
                .field("seizure", in.seizure())
                .field("motorWeakness", in.motorWeakness())
                .field("cerebralEdema", in.cerebralEdema())
                .check();
        IcansGrade grade = icansGrader.grade(new IcansAssessment(
                RequestFields.wholeNumber(in.ageYears(), "ageYears"), in.developmentalDelay(),
                RequestFields.wholeNumber(in.iceScore(), "iceScore"),
                RequestFields.wholeNumber(in.capdScore(), "capdScore"), in.unableToAssess(),
                RequestFields.choice(in.consciousness(), Consciousness.class, "consciousness"),
                in.consciousnessAttributableToOtherCause(),
                RequestFields.choice(in.seizure(), Seizure.class, "seizure"), in.motorWeakness(),
                RequestFields.choice(in.cerebralEdema(), CerebralEdema.class, "cerebralEdema")));
        return new IcansGradeResponse(grade.grade(), grade.tool(), grade.drivers(), grade.explanation());
    }

    @PostMapping("/tocilizumab-dose")
    @Operation(summary = "Tocilizumab dose for CRS: 12 mg/kg under 30 kg, 8 mg/kg from 30 kg, at most 800 mg"
            + " (Actemra/RoActemra label)")
    TocilizumabDoseResponse tocilizumabDose(@RequestBody(required = false) TocilizumabDoseRequest body) {
        TocilizumabDoseRequest in = body != null ? body : new TocilizumabDoseRequest(null);
        RequestFields.required().field("weightKg", in.weightKg()).check();
        // no case, so no label version: the catalogue's tocilizumab document (docs/clinical/tocilizumab.md)
        TocilizumabDose dose = TocilizumabDose.forCrs(in.weightKg(), catalogue.tocilizumab(null));
        return new TocilizumabDoseResponse(dose.doseMg(), dose.mgPerKg(), dose.capped());
    }
}

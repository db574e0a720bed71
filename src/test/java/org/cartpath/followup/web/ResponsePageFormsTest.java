package org.cartpath.followup.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.cartpath.followup.ResponseAssessments;
import org.cartpath.followup.ResponseFramework;
import org.cartpath.shared.ProblemException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The response page's forms (docs/clinical/response-assessment.md): each framework's form read as the API's body, the
 * category derived as the API derives it (Lugano 2014 PET and CT, Cheson et al. J Clin Oncol 2014;32:3059, Table 3;
 * IMWG 2016, Kumar et al. Lancet Oncol 2016;17:e328), and bad input refused naming the form's own label.
 */
class ResponsePageFormsTest {
    static final String CASES = """
            LUGANO_2014_PET | deauvilleScore=3;uptakeComparedWithBaseline=REDUCED;newLesions=false | COMPLETE_METABOLIC_RESPONSE
            LUGANO_2014_PET | deauvilleScore=1;uptakeComparedWithBaseline=INCREASED;newLesions=false | COMPLETE_METABOLIC_RESPONSE
            LUGANO_2014_PET | deauvilleScore=4;uptakeComparedWithBaseline=REDUCED;newLesions=false | PARTIAL_METABOLIC_RESPONSE
            LUGANO_2014_PET | deauvilleScore=5;uptakeComparedWithBaseline=NO_CHANGE;newLesions=false | NO_METABOLIC_RESPONSE
            LUGANO_2014_PET | deauvilleScore=4;uptakeComparedWithBaseline=INCREASED;newLesions=false | PROGRESSIVE_METABOLIC_DISEASE
            LUGANO_2014_PET | deauvilleScore=2;uptakeComparedWithBaseline=REDUCED;newLesions=true | PROGRESSIVE_METABOLIC_DISEASE
            LUGANO_2014_CT | baselineSpdMm2=4000;currentSpdMm2=2000;allTargetNodesLongestDiameterAtMost15Mm=false;extralymphaticDiseasePresent=false;newLesions=false | PARTIAL_RESPONSE
            LUGANO_2014_CT | baselineSpdMm2=4000;currentSpdMm2=2001;allTargetNodesLongestDiameterAtMost15Mm=false;extralymphaticDiseasePresent=false;newLesions=false | STABLE_DISEASE
            LUGANO_2014_CT | baselineSpdMm2=4000;currentSpdMm2=300;allTargetNodesLongestDiameterAtMost15Mm=true;extralymphaticDiseasePresent=false;newLesions=false | COMPLETE_RESPONSE
            LUGANO_2014_CT | baselineSpdMm2=4000;currentSpdMm2=300;allTargetNodesLongestDiameterAtMost15Mm=true;extralymphaticDiseasePresent=true;newLesions=false | PARTIAL_RESPONSE
            LUGANO_2014_CT | baselineSpdMm2=4000;currentSpdMm2=300;allTargetNodesLongestDiameterAtMost15Mm=true;extralymphaticDiseasePresent=false;newLesions=false;individualLesionProgression=true | PROGRESSIVE_DISEASE
            IMWG_2016 | baselineSerumMProteinGPerDl=4;currentSerumMProteinGPerDl=0.4;baselineUrineMProteinMgPer24h=500;currentUrineMProteinMgPer24h=90;serumImmunofixationNegative=false;urineImmunofixationNegative=false | VERY_GOOD_PARTIAL_RESPONSE
            IMWG_2016 | baselineSerumMProteinGPerDl=4;currentSerumMProteinGPerDl=0;baselineUrineMProteinMgPer24h=500;currentUrineMProteinMgPer24h=0;serumImmunofixationNegative=true;urineImmunofixationNegative=true;marrowPlasmaCellsPercent=2;flcRatioNormal=true;clonalPlasmaCellsInMarrow=false | STRINGENT_COMPLETE_RESPONSE
            IMWG_2016 | baselineSerumMProteinGPerDl=4;currentSerumMProteinGPerDl=0;baselineUrineMProteinMgPer24h=500;currentUrineMProteinMgPer24h=0;serumImmunofixationNegative=true;urineImmunofixationNegative=true;marrowPlasmaCellsPercent=2;flcRatioNormal=;clonalPlasmaCellsInMarrow= | COMPLETE_RESPONSE
            IMWG_2016 | baselineSerumMProteinGPerDl=4;currentSerumMProteinGPerDl=1.5;nadirSerumMProteinGPerDl=1;baselineUrineMProteinMgPer24h=500;currentUrineMProteinMgPer24h=100;serumImmunofixationNegative=false;urineImmunofixationNegative=false | PROGRESSIVE_DISEASE
            IMWG_2016 | baselineSerumMProteinGPerDl=4;currentSerumMProteinGPerDl=1.24;nadirSerumMProteinGPerDl=1;baselineUrineMProteinMgPer24h=500;currentUrineMProteinMgPer24h=100;serumImmunofixationNegative=false;urineImmunofixationNegative=false | PARTIAL_RESPONSE
            B_ALL | marrowBlastsPercent=0;circulatingBlasts=false;extramedullaryDisease=false;ancPerMicrolitre=1500;plateletsPerMicrolitre=120000;mrdPercent=0.005;ngsMrdPercent=0.00001;ngsMrdSensitivityPercent=0.0001 | MRD_NEGATIVE_COMPLETE_REMISSION
            """;

    static final String REFUSALS = """
            LUGANO_2014_PET | uptakeComparedWithBaseline=REDUCED;newLesions=false | deauvilleScore | Deauville score is required
            LUGANO_2014_PET | deauvilleScore=6;uptakeComparedWithBaseline=REDUCED;newLesions=false | deauvilleScore | Deauville score
            LUGANO_2014_PET | deauvilleScore=3;uptakeComparedWithBaseline=SMALLER;newLesions=false | uptakeComparedWithBaseline | Uptake compared with baseline
            LUGANO_2014_CT | baselineSpdMm2=big;currentSpdMm2=2000;allTargetNodesLongestDiameterAtMost15Mm=false;extralymphaticDiseasePresent=false;newLesions=false | baselineSpdMm2 | Baseline SPD (mm²) must be a number
            LUGANO_2014_CT | baselineSpdMm2=0;currentSpdMm2=2000;allTargetNodesLongestDiameterAtMost15Mm=false;extralymphaticDiseasePresent=false;newLesions=false | baselineSpdMm2 | Baseline SPD (mm²)
            LUGANO_2014_CT | baselineSpdMm2=4000;currentSpdMm2=-1;allTargetNodesLongestDiameterAtMost15Mm=false;extralymphaticDiseasePresent=false;newLesions=false | currentSpdMm2 | Current SPD (mm²)
            IMWG_2016 | baselineSerumMProteinGPerDl=4;currentSerumMProteinGPerDl=1;nadirSerumMProteinGPerDl=5;baselineUrineMProteinMgPer24h=500;currentUrineMProteinMgPer24h=100;serumImmunofixationNegative=false;urineImmunofixationNegative=false | nadirSerumMProteinGPerDl | Serum M-protein nadir (g/dL)
            IMWG_2016 | baselineSerumMProteinGPerDl=4;currentSerumMProteinGPerDl=1;baselineUrineMProteinMgPer24h=500;currentUrineMProteinMgPer24h=100;urineImmunofixationNegative=false | serumImmunofixationNegative | Serum immunofixation negative is required
            IMWG_2016 | baselineSerumMProteinGPerDl=4;currentSerumMProteinGPerDl=1;baselineUrineMProteinMgPer24h=500;currentUrineMProteinMgPer24h=100;serumImmunofixationNegative=false;urineImmunofixationNegative=false;marrowPlasmaCellsPercent=101 | marrowPlasmaCellsPercent | Marrow plasma cells (%)
            B_ALL | marrowBlastsPercent=0;circulatingBlasts=false;extramedullaryDisease=false;ancPerMicrolitre=1500;plateletsPerMicrolitre=120000;ngsMrdPercent=0.001 | ngsMrdSensitivityPercent | NGS assay sensitivity (%) is required
            B_ALL | marrowBlastsPercent=0;circulatingBlasts=false;extramedullaryDisease=false;ancPerMicrolitre=1500;plateletsPerMicrolitre=120000;ngsMrdPercent=0.001;ngsMrdSensitivityPercent=0 | ngsMrdSensitivityPercent | NGS assay sensitivity (%) must be greater than 0
            """;


    /** "field=value;field=value" as a form, with a date of the assessment. */
    private static Map<String, String> form(String fields) {
        Map<String, String> form = new HashMap<>();
        form.put("assessedOn", LocalDate.of(2026, 3, 1).toString());
        for (String pair : fields.split(";")) {
            String[] kv = pair.split("=", 2);
            form.put(kv[0].trim(), kv.length > 1 ? kv[1].trim() : "");
        }
        return form;
    }

    @ParameterizedTest(name = "{0}: {1} → {2}")
    @CsvSource(delimiter = '|', textBlock = CASES)
    void eachFrameworksFormDerivesTheCategoryTheApiDerives(ResponseFramework framework, String fields,
            String category) {
        ResponseAssessments.Entry entry = ResponseAssessmentPages.entry(framework, form(fields));

        assertThat(entry.framework()).isEqualTo(framework);
        assertThat(entry.derivedCategory()).isEqualTo(category);
        assertThat(entry.inputs().keySet()).allMatch(f -> ResponseCalculation.FIELDS.get(framework).contains(f)
                || f.startsWith("ngsMrd"));
    }

    @ParameterizedTest(name = "{0}: {1} → {2}")
    @CsvSource(delimiter = '|', textBlock = REFUSALS)
    void badInputIsRefusedNamingTheFieldInTheFormsOwnLabel(ResponseFramework framework, String fields, String field,
            String message) {
        assertThatThrownBy(() -> ResponseAssessmentPages.entry(framework, form(fields)))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    Map<String, String> errors = ResponseAssessmentPages.errors(framework, e);
                    assertThat(errors).containsKey(field);
                    assertThat(errors.get(field)).startsWith(message);
                });
    }
}

package org.cartpath.monitoring.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Steroid guidance for the current CRS and ICANS grades: Santomasso BD et al., "Management of Immune-Related
 * Adverse Events in Patients Treated With Chimeric Antigen Receptor T-Cell Therapy: ASCO Guideline",
 * J Clin Oncol 2021;39(35):3978–3992, as summarised in docs/clinical/steroids.md. Decision support only: it is
 * shown to the clinician, never turned into an order. The doses are the guideline's adult doses.
 */
public final class SteroidGuidance {

    public static final String SOURCE = "ASCO 2021 (Santomasso et al., J Clin Oncol 2021;39:3978–3992)";

    public static final String DISCLAIMER = "Decision support only: cartpath never orders a steroid. The doses are"
            + " the guideline's adult doses; for children follow the centre's paediatric protocol.";

    /** One line of guidance for a syndrome at a grade. */
    public record Line(String syndrome, int grade, String guidance, String source) {
    }

    private SteroidGuidance() {
    }

    /** Guidance for the grades given; a grade the guidance does not address gets a line that says so. */
    public static List<Line> forGrades(Integer crsGrade, Integer icansGrade) {
        List<Line> lines = new ArrayList<>();
        if (crsGrade != null) {
            lines.add(new Line("CRS", crsGrade, crs(crsGrade), SOURCE));
        }
        if (icansGrade != null) {
            lines.add(new Line("ICANS", icansGrade, icans(icansGrade), SOURCE));
        }
        return lines;
    }

    private static String crs(int grade) {
        return switch (grade) {
            case 0 -> "No CRS: no steroid guidance.";
            case 1, 2 -> "The guidance cartpath holds names no steroid for CRS grade " + grade
                    + "; steroids are considered from grade 3 (tocilizumab is the CRS treatment to consider).";
            case 3 -> "Dexamethasone 10 mg IV every 6 hours.";
            case 4 -> "Methylprednisolone 500 mg IV every 12 hours, then a taper.";
            default -> "CRS grade " + grade + ": no steroid guidance.";
        };
    }

    private static String icans(int grade) {
        return switch (grade) {
            case 0 -> "No ICANS: no steroid guidance.";
            case 1 -> "The guidance cartpath holds names no steroid for ICANS grade 1.";
            case 2 -> "Consider dexamethasone 10 mg IV.";
            case 3 -> "Dexamethasone 10 mg IV every 6 to 12 hours.";
            case 4 -> "High-dose methylprednisolone (1 g a day).";
            default -> "ICANS grade " + grade + ": no steroid guidance.";
        };
    }
}

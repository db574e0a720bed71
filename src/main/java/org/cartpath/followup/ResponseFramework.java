package org.cartpath.followup;

import java.util.List;
import java.util.Optional;

/**
 * The disease-response frameworks cartpath records after infusion, each with its categories from best to worst
 * (docs/clinical/response-assessment.md). The order is the framework's own: B-ALL after CAR-T (ELIANA, Maude et al.
 * N Engl J Med 2018;378:439–448: MRD-negative complete remission above complete remission above complete remission
 * with incomplete count recovery above no remission), Lugano 2014 (Cheson et al. J Clin Oncol 2014;32:3059–3068,
 * PET and CT) and IMWG 2016 (Kumar et al. Lancet Oncol 2016;17:e328–e346). The best response is the highest
 * category recorded.
 */
public enum ResponseFramework {
    B_ALL("B-cell acute lymphoblastic leukaemia", List.of(
            new Category("MRD_NEGATIVE_COMPLETE_REMISSION", "MRD-negative complete remission"),
            new Category("COMPLETE_REMISSION", "Complete remission"),
            new Category("COMPLETE_REMISSION_INCOMPLETE_COUNT_RECOVERY",
                    "Complete remission with incomplete count recovery"),
            new Category("NO_REMISSION", "No remission"))),
    LUGANO_2014_PET("Lymphoma, Lugano 2014 (PET-CT)", List.of(
            new Category("COMPLETE_METABOLIC_RESPONSE", "Complete metabolic response"),
            new Category("PARTIAL_METABOLIC_RESPONSE", "Partial metabolic response"),
            new Category("NO_METABOLIC_RESPONSE", "No metabolic response"),
            new Category("PROGRESSIVE_METABOLIC_DISEASE", "Progressive metabolic disease"))),
    LUGANO_2014_CT("Lymphoma, Lugano 2014 (CT)", List.of(
            new Category("COMPLETE_RESPONSE", "Complete response"),
            new Category("PARTIAL_RESPONSE", "Partial response"),
            new Category("STABLE_DISEASE", "Stable disease"),
            new Category("PROGRESSIVE_DISEASE", "Progressive disease"))),
    IMWG_2016("Myeloma, IMWG 2016", List.of(
            new Category("STRINGENT_COMPLETE_RESPONSE", "Stringent complete response"),
            new Category("COMPLETE_RESPONSE", "Complete response"),
            new Category("VERY_GOOD_PARTIAL_RESPONSE", "Very good partial response"),
            new Category("PARTIAL_RESPONSE", "Partial response"),
            new Category("MINIMAL_RESPONSE", "Minimal response"),
            new Category("STABLE_DISEASE", "Stable disease"),
            new Category("PROGRESSIVE_DISEASE", "Progressive disease")));

    /** A category of the framework: its code and its words for people. */
    public record Category(String code, String label) {
    }

    private final String label;
    private final List<Category> bestFirst;

    ResponseFramework(String label, List<Category> bestFirst) {
        this.label = label;
        this.bestFirst = bestFirst;
    }

    public String label() {
        return label;
    }

    /** The categories from best to worst. */
    public List<Category> categories() {
        return bestFirst;
    }

    public Optional<Category> category(String code) {
        return bestFirst.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    /** The category's words for people (the code itself if it is not one of the framework's). */
    public String label(String code) {
        return category(code).map(Category::label).orElse(code);
    }

    /** The category's rank: 0 is the best; {@code Integer.MAX_VALUE} for a code not of this framework. */
    public int rank(String code) {
        for (int i = 0; i < bestFirst.size(); i++) {
            if (bestFirst.get(i).code().equals(code)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    /**
     * The framework that fits a case's indication (the catalogue's {@code Indication} code the case was assessed or
     * referred for; docs/clinical/response-assessment.md): B-ALL for B-cell acute lymphoblastic leukaemia; Lugano 2014
     * on PET-CT for the lymphomas (large B-cell, mantle cell, follicular: FDG-avid histologies, for which Cheson et al.
     * J Clin Oncol 2014;32:3059–3068 make PET-CT the standard of response assessment, CT where PET is not done); IMWG
     * 2016 for multiple myeloma. Empty for an indication not yet known or not one of these.
     */
    public static Optional<ResponseFramework> forIndication(String indication) {
        if (indication == null) {
            return Optional.empty();
        }
        return switch (indication) {
            case "B_ALL" -> Optional.of(B_ALL);
            case "LBCL", "MCL", "FL" -> Optional.of(LUGANO_2014_PET);
            case "MULTIPLE_MYELOMA" -> Optional.of(IMWG_2016);
            default -> Optional.empty();
        };
    }

    public static Optional<ResponseFramework> parse(String name) {
        for (ResponseFramework f : values()) {
            if (f.name().equals(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}

package org.cartpath.manufacturing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.cartpath.catalogue.DoseComponent;
import org.cartpath.catalogue.DoseRange;
import org.cartpath.catalogue.ReleaseSpecification;

/**
 * Checks a product lot's certificate of analysis against the label the case was assessed under (ADR 0012;
 * docs/clinical/dosing.md): the dose against the label's range for the patient's weight at collection,
 * the components of a two-component product, the release specification (e.g. Kymriah total viability at
 * least 80%), and the expiry date. Plain Java.
 *
 * <p>A check that cannot be decided — no weight on record, no bound in the catalogue — is UNKNOWN, never
 * PASSED: the centre's QA must then say why it accepts the lot.
 */
public final class ReleaseChecks {

    /** The overall result: any failure makes the lot out of specification. */
    public enum Result {
        PASSED("Within the label"),
        INCOMPLETE("Check incomplete"),
        OUT_OF_SPECIFICATION("Out of specification");

        private final String label;

        Result(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Everything the checks need, from the certificate, the catalogue and the patient's record. */
    public record Inputs(CertificateOfAnalysis certificate, DoseRange range, List<DoseComponent> components,
            ReleaseSpecification specification, BigDecimal weightKg, LocalDate weighedOn, LocalDate today,
            String labelVersionId) {
    }

    private ReleaseChecks() {
    }

    public static List<LotCheck> check(Inputs in) {
        List<LotCheck> checks = new ArrayList<>();
        checks.add(dose(in));
        if (!in.components().isEmpty()) {
            checks.add(components(in));
        }
        checks.addAll(specification(in));
        checks.add(expiry(in));
        return checks;
    }

    public static Result result(List<LotCheck> checks) {
        if (checks.stream().anyMatch(c -> c.outcome() == LotCheck.Outcome.FAILED)) {
            return Result.OUT_OF_SPECIFICATION;
        }
        if (checks.stream().anyMatch(c -> c.outcome() == LotCheck.Outcome.UNKNOWN)) {
            return Result.INCOMPLETE;
        }
        return Result.PASSED;
    }

    private static LotCheck dose(Inputs in) {
        String name = "Dose for the patient's weight";
        String source = in.range() == null ? "catalogue" : in.range().basis();
        BigDecimal dose = in.certificate().doseCells();
        if (in.weightKg() == null) {
            return new LotCheck(name, LotCheck.Outcome.UNKNOWN, "No weight is on record at collection; record it on "
                    + "the patient's record to check the dose", source);
        }
        if (in.range() == null || (in.range().minCells() == null && in.range().maxCells() == null)) {
            return new LotCheck(name, LotCheck.Outcome.UNKNOWN, cells(dose) + " cells; the catalogue gives no dose "
                    + "range for this product and indication", source);
        }
        BigDecimal min = in.range().minCells();
        BigDecimal max = in.range().maxCells();
        String compared = cells(dose) + " cells for " + in.weightKg().stripTrailingZeros().toPlainString() + " kg (weighed "
                + in.weighedOn() + "); label range " + (min == null ? "no minimum" : cells(min)) + " to "
                + (max == null ? "no maximum" : cells(max));
        if (min != null && dose.compareTo(min) < 0) {
            return new LotCheck(name, LotCheck.Outcome.FAILED, compared + ": below the range", source);
        }
        if (max != null && dose.compareTo(max) > 0) {
            return new LotCheck(name, LotCheck.Outcome.FAILED, compared + ": above the range", source);
        }
        return new LotCheck(name, LotCheck.Outcome.PASSED, compared, source);
    }

    /** Two-component products (Breyanzi: CD8 and CD4 at 1:1) must state both, adding up to the dose. */
    private static LotCheck components(Inputs in) {
        String name = "Components " + in.components().stream().map(DoseComponent::name).reduce((a, b) -> a + " and " + b)
                .orElse("");
        String source = in.components().get(0).ratio() == null ? "catalogue" : in.components().get(0).ratio().source();
        BigDecimal cd8 = in.certificate().cd8Cells();
        BigDecimal cd4 = in.certificate().cd4Cells();
        if (cd8 == null || cd4 == null) {
            return new LotCheck(name, LotCheck.Outcome.FAILED, "The certificate must give each component's cells", source);
        }
        BigDecimal sum = cd8.add(cd4);
        BigDecimal difference = sum.subtract(in.certificate().doseCells()).abs();
        // the components must add up to the stated dose, allowing for rounding on the certificate (0.5%)
        if (difference.compareTo(in.certificate().doseCells().multiply(new BigDecimal("0.005"))) > 0) {
            return new LotCheck(name, LotCheck.Outcome.FAILED, "CD8 " + cells(cd8) + " + CD4 " + cells(cd4)
                    + " does not add up to the dose " + cells(in.certificate().doseCells()), source);
        }
        String ratio = cd8.divide(cd4, MathContext.DECIMAL64).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
        return new LotCheck(name, LotCheck.Outcome.PASSED, "CD8 " + cells(cd8) + ", CD4 " + cells(cd4) + " (ratio "
                + ratio + ":1; the label's 1:1 tolerance is in the manufacturer's specification)", source);
    }

    private static List<LotCheck> specification(Inputs in) {
        List<LotCheck> checks = new ArrayList<>();
        if (in.specification() == null || in.specification().criteria().isEmpty()) {
            checks.add(new LotCheck("Release specification", LotCheck.Outcome.UNKNOWN,
                    "The catalogue holds no public release criterion for this product"
                            + (in.specification() == null || in.specification().note() == null ? ""
                            : ": " + in.specification().note().trim()), "catalogue"));
            return checks;
        }
        for (ReleaseSpecification.Criterion criterion : in.specification().criteria()) {
            if (!"TOTAL_VIABILITY".equals(criterion.parameter())) {
                checks.add(new LotCheck(criterion.parameter(), LotCheck.Outcome.UNKNOWN,
                        "The certificate form does not carry " + criterion.parameter(), criterion.source()));
                continue;
            }
            BigDecimal viability = in.certificate().viabilityPercent();
            String name = "Total viability";
            BigDecimal minimum = criterion.minimum() == null ? null : criterion.minimum().value();
            BigDecimal maximum = criterion.maximum() == null ? null : criterion.maximum().value();
            String detail = viability.stripTrailingZeros().toPlainString() + "%; specification "
                    + (minimum == null ? "" : "at least " + minimum.stripTrailingZeros().toPlainString() + "%")
                    + (maximum == null ? "" : " at most " + maximum.stripTrailingZeros().toPlainString() + "%");
            if ((minimum != null && viability.compareTo(minimum) < 0) || (maximum != null && viability.compareTo(maximum) > 0)) {
                checks.add(new LotCheck(name, LotCheck.Outcome.FAILED, detail + ": outside the specification",
                        criterion.minimum() != null ? criterion.minimum().source() : criterion.source()));
            } else {
                checks.add(new LotCheck(name, LotCheck.Outcome.PASSED, detail,
                        criterion.minimum() != null ? criterion.minimum().source() : criterion.source()));
            }
        }
        return checks;
    }

    private static LotCheck expiry(Inputs in) {
        LocalDate expires = in.certificate().expiresOn();
        if (expires.isBefore(in.today())) {
            return new LotCheck("Expiry", LotCheck.Outcome.FAILED, "Expired on " + expires, "certificate of analysis");
        }
        return new LotCheck("Expiry", LotCheck.Outcome.PASSED, "Expires on " + expires, "certificate of analysis");
    }

    /** Cells in scientific notation as the clinic writes them: 1.1 × 10^8. */
    static String cells(BigDecimal cells) {
        if (cells.signum() == 0) {
            return "0";
        }
        int exponent = cells.precision() - cells.scale() - 1;
        BigDecimal mantissa = cells.movePointLeft(exponent).round(new MathContext(3)).stripTrailingZeros();
        return mantissa.toPlainString() + " × 10^" + exponent;
    }
}

package org.cartpath.catalogue;

import java.math.BigDecimal;

/**
 * How renal function is estimated for the fludarabine adjustment of lymphodepletion, by age
 * (docs/clinical/renal-function.md): from {@code adultFromAgeYears} the Cockcroft–Gault creatinine clearance (Cockcroft
 * DW, Gault MH, Nephron 1976;16:31–41, derived in adults); below it the paediatric estimate, the bedside Schwartz
 * equation (Schwartz GJ et al., J Am Soc Nephrol 2009;20:629–637, derived in children aged 1 to 16). Read from
 * {@code catalogue/parameters/renal-function.yaml}.
 *
 * @param id                             the version of this document, kept with every plan calculated by it
 * @param adultFromAgeYears              completed years from which the adult formula applies (18)
 * @param paediatricEstimate             the estimate below that age; null when the catalogue gives only the adult
 *                                       formula (a child's plan then needs a pharmacist's signed override)
 * @param paediatricEstimateSource       where the choice of estimate comes from
 * @param schwartzConstantMgPerDl        k of the bedside Schwartz equation with creatinine in mg/dL (0.413)
 * @param schwartzConstantUmolPerL       k with creatinine in µmol/L (0.413 × 88.4 = 36.5)
 * @param paediatricEstimateFromAgeYears the youngest completed age the paediatric estimate was derived in (1); a
 *                                       younger child's plan needs a signed override
 * @param paediatricBands                how the fludarabine bands (in mL/min) are applied to the paediatric estimate
 *                                       (in mL/min/1.73 m²)
 * @param paediatricBandsSource          where that choice comes from
 */
public record RenalFunctionParameters(
        String id,
        SourcedNumber adultFromAgeYears,
        PaediatricEstimate paediatricEstimate,
        String paediatricEstimateSource,
        SourcedNumber schwartzConstantMgPerDl,
        SourcedNumber schwartzConstantUmolPerL,
        SourcedNumber paediatricEstimateFromAgeYears,
        BandBasis paediatricBands,
        String paediatricBandsSource) {

    /** The paediatric estimates cartpath can calculate. */
    public enum PaediatricEstimate {
        BEDSIDE_SCHWARTZ_2009("bedside Schwartz (2009)");

        private final String label;

        PaediatricEstimate(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** How bands in mL/min meet an estimate in mL/min/1.73 m². */
    public enum BandBasis {
        /** The bands are read against the eGFR as reported, in mL/min/1.73 m². */
        INDEXED,
        /** The eGFR is first de-indexed to the child's size: eGFR × BSA / 1.73, in mL/min. */
        DE_INDEXED_BY_BSA
    }

    public BigDecimal schwartzUmol() {
        return schwartzConstantUmolPerL.value();
    }
}

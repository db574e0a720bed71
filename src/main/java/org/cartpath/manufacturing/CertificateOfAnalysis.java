package org.cartpath.manufacturing;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The manufacturer's certificate of analysis of one product lot (ADR 0012).
 *
 * @param doseCells        CAR-positive viable T cells in the lot; for a two-component product (Breyanzi)
 *                         the sum of the components
 * @param cd8Cells         the CD8 component, for products dosed by components (else null)
 * @param cd4Cells         the CD4 component, for products dosed by components (else null)
 * @param chainOfIdentity  the COI printed on the bags, checked against the case's when the case has one
 */
public record CertificateOfAnalysis(
        String lotNumber,
        String chainOfIdentity,
        BigDecimal doseCells,
        BigDecimal cd8Cells,
        BigDecimal cd4Cells,
        BigDecimal viabilityPercent,
        BigDecimal volumeMl,
        Integer bags,
        LocalDate expiresOn) {
}

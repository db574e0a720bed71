package org.cartpath.catalogue;

import java.math.BigDecimal;

/**
 * The cell dose a label allows for one patient, in CAR-positive viable T cells. A bound the label does not
 * give is null.
 *
 * @param basis the rule applied and its source, in words, for the record and the screen
 */
public record DoseRange(BigDecimal minCells, BigDecimal maxCells, BigDecimal targetCells, String basis) {
}

package org.cartpath.catalogue;

import java.util.List;

/**
 * The release specification of the product that the certificate of analysis is checked against. A lot
 * outside it is out of specification and can only be given by an exceptional route (docs/clinical/dosing.md).
 *
 * @param note what is not public, when criteria are missing
 */
public record ReleaseSpecification(List<Criterion> criteria, String note) {

    public ReleaseSpecification {
        criteria = List.copyOf(criteria);
    }

    /**
     * One release test: a measured parameter within bounds.
     *
     * @param parameter e.g. {@code TOTAL_VIABILITY}
     * @param unit      e.g. {@code PERCENT}
     */
    public record Criterion(String id, String parameter, String unit, SourcedNumber minimum, SourcedNumber maximum,
            String source) {
    }
}

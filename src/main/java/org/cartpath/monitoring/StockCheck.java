package org.cartpath.monitoring;

import java.time.Instant;

/**
 * Tocilizumab held on site for a case against what its label version asks before infusion (docs/clinical/tocilizumab.md:
 * the number differs by label). When the catalogue has no number the check says so rather than
 * guessing.
 *
 * @param required        doses the label asks for; empty when the catalogue has none
 * @param requirement     where the number comes from, or the catalogue's note on why there is none
 */
public record StockCheck(
        Integer dosesOnSite,
        Instant countedAt,
        String countedByName,
        Integer required,
        String requirement,
        boolean requirementToCheck,
        String labelVersionId,
        Status status,
        String summary) {

    public enum Status { NOT_COUNTED, ENOUGH, SHORT, NO_REQUIREMENT_IN_CATALOGUE }
}

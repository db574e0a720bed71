package org.cartpath.catalogue;

import java.time.LocalDate;

/** A label version was added to the catalogue by an administrator. */
public record LabelVersionAdded(String id, ProductCode product, Jurisdiction jurisdiction, LocalDate effectiveFrom) {
}

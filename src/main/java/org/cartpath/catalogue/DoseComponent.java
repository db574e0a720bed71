package org.cartpath.catalogue;

/** A cell component of a dose and its share in the ratio, e.g. CD8 1 and CD4 1 for Breyanzi's 1:1. */
public record DoseComponent(String name, SourcedNumber ratio) {
}

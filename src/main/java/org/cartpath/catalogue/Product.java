package org.cartpath.catalogue;

/**
 * A CAR-T product.
 *
 * @param name          the brand name
 * @param inn           the international non-proprietary name
 * @param targetAntigen the antigen its CAR recognises (CD19, BCMA)
 */
public record Product(ProductCode code, String name, String inn, String manufacturer, String targetAntigen) {
}

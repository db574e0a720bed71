package org.cartpath.catalogue;

/** The CAR-T products the catalogue knows (docs/clinical/eligibility.md). Each has one file in {@code catalogue/}. */
public enum ProductCode {
    KYMRIAH, YESCARTA, TECARTUS, BREYANZI, ABECMA, CARVYKTI, AUCATZYL
}

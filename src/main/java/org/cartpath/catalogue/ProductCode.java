package org.cartpath.catalogue;

/** The CAR-T products the catalogue knows (DOMAIN.md section 2). Each has one file in {@code catalogue/}. */
public enum ProductCode {
    KYMRIAH, YESCARTA, TECARTUS, BREYANZI, ABECMA, CARVYKTI, AUCATZYL
}

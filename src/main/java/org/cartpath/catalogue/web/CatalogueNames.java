package org.cartpath.catalogue.web;

import java.util.Arrays;
import java.util.Optional;
import org.cartpath.catalogue.Catalogue;
import org.cartpath.catalogue.Product;
import org.cartpath.catalogue.ProductCode;
import org.springframework.stereotype.Component;

/**
 * The catalogue's names for the codes records keep, for pages: {@code ${@names.product('KYMRIAH')}} is "Kymriah",
 * {@code ${@names.productWithInn('KYMRIAH')}} "Kymriah (tisagenlecleucel)", {@code ${@names.indication('B_ALL')}}
 * "B-cell acute lymphoblastic leukaemia". A code the catalogue does not know is shown as stored.
 */
@Component("names")
public class CatalogueNames {

    private final Catalogue catalogue;

    CatalogueNames(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    public String product(String code) {
        return catalogue.productName(code);
    }

    public String productWithInn(String code) {
        return productOf(code).map(p -> p.name() + " (" + p.inn() + ")").orElse(code == null ? "" : code);
    }

    public String indication(String code) {
        return Catalogue.indicationName(code);
    }

    private Optional<Product> productOf(String code) {
        return Arrays.stream(ProductCode.values()).filter(p -> p.name().equals(code)).findFirst().map(catalogue::product);
    }
}

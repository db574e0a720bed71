package org.cartpath.catalogue.web;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cartpath.catalogue.Catalogue;
import org.cartpath.catalogue.Jurisdiction;
import org.cartpath.catalogue.LabelVersionSummary;
import org.cartpath.catalogue.Product;
import org.cartpath.catalogue.ProductCode;

/**
 * A product as the API shows it.
 *
 * @param currentLabelVersions the id of the version in force today, by jurisdiction
 */
record ProductView(ProductCode code, String name, String inn, String manufacturer, String targetAntigen,
        Map<String, String> currentLabelVersions, List<LabelVersionSummary> labelVersions) {

    static ProductView of(Product product, Catalogue catalogue) {
        return new ProductView(product.code(), product.name(), product.inn(), product.manufacturer(),
                product.targetAntigen(), currentIds(catalogue, product.code()), catalogue.labelVersions(product.code()));
    }

    static Map<String, String> currentIds(Catalogue catalogue, ProductCode code) {
        Map<String, String> current = new TreeMap<>();
        for (Jurisdiction jurisdiction : Jurisdiction.values()) {
            catalogue.currentLabelVersion(code, jurisdiction).ifPresent(v -> current.put(jurisdiction.name(), v.id()));
        }
        return current;
    }
}

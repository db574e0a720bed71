package org.cartpath.monitoring.grading;

import java.math.BigDecimal;
import org.cartpath.catalogue.SourcedNumber;
import org.cartpath.catalogue.TocilizumabParameters;
import org.cartpath.catalogue.internal.CatalogueParameters;

/** Tocilizumab numbers for the tests: the catalogue's own document as shipped, and a made-up label for contrast. */
public final class TocilizumabLabels {

    /** {@code catalogue/parameters/tocilizumab.yaml}, read by the catalogue's reader as at start-up. */
    public static final TocilizumabParameters CATALOGUE = new CatalogueParameters().tocilizumab();

    private TocilizumabLabels() {
    }

    /** A label with other numbers, to show that the rules read them rather than constants. */
    public static TocilizumabParameters label(String mgPerKg, String belowWeight, String fromKg, String maxMg,
            String intervalHours, int in24Hours, int perEpisode) {
        return new TocilizumabParameters(n(mgPerKg), n(belowWeight), n(fromKg), n(maxMg), n(intervalHours),
                n(String.valueOf(in24Hours)), n(String.valueOf(perEpisode)), "a test label");
    }

    private static SourcedNumber n(String value) {
        return new SourcedNumber(new BigDecimal(value), "test", false, null);
    }
}

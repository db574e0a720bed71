package org.cartpath.custody.shipment;

import org.cartpath.shared.ProblemException;

/**
 * Which temperature profile a shipment gets. The catalogue holds no transport temperatures yet (none of the
 * bundled label versions states one), so every product gets the documented default for cryopreserved cells,
 * shown as a default wherever the profile is shown. Fresh material has no default: its range must come from
 * the product's catalogue entry, so a fresh shipment is refused until the catalogue supplies one.
 */
final class TemperatureProfiles {

    static final String CRYOPRESERVED = "CRYOPRESERVED";
    static final String FRESH = "FRESH";

    private TemperatureProfiles() {
    }

    static TemperatureProfile forProduct(String productCode, String state) {
        String requested = state == null || state.isBlank() ? CRYOPRESERVED : state.trim();
        if (requested.equals(CRYOPRESERVED)) {
            return new TemperatureProfile(CRYOPRESERVED, null, TemperatureProfile.CRYOPRESERVED_MAX,
                    "Default for cryopreserved cells (at or below -150 °C, in the vapour phase of liquid nitrogen): the catalogue holds no "
                            + "transport temperature for " + (productCode == null ? "this product" : productCode));
        }
        if (requested.equals(FRESH)) {
            throw ProblemException.unprocessable("no-temperature-profile", "The catalogue holds no temperature range "
                    + "for fresh " + (productCode == null ? "material" : productCode) + "; fresh material can be shipped "
                    + "only with a range from the product's catalogue entry");
        }
        throw ProblemException.invalid("temperatureProfile", "must be CRYOPRESERVED or FRESH");
    }
}

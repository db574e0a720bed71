package org.cartpath.shared;

import java.util.Map;

/**
 * Published at every start of a demo installation, once the demo organisations exist, so that modules can add
 * their own demo data (e.g. scheduling's capacity) without knowing how demo mode is decided.
 *
 * @param organisations the demo organisations by their key in the demo data ({@code gosh}, {@code novartis}…);
 *                      only those that still exist
 */
public record DemoDataReady(Map<String, OrganisationId> organisations) {

    public DemoDataReady {
        organisations = Map.copyOf(organisations);
    }
}

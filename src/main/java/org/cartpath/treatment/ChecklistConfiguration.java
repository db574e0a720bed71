package org.cartpath.treatment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.cartpath.shared.OrganisationId;
import org.cartpath.treatment.checklist.ChecklistItem;

/**
 * A version of the pre-infusion checklist: cartpath's default (no centre, every product: ADR 0017's seven items),
 * or a centre's, for all its products or for one, which adds the centre's own items to the seven.
 *
 * @param centre      null for the default
 * @param productCode null for every product
 */
public record ChecklistConfiguration(UUID id, OrganisationId centre, String productCode, int version,
        List<ChecklistItem> items, String reason, String createdByName, Instant createdAt) {

    public ChecklistConfiguration {
        items = List.copyOf(items);
    }

    public boolean isDefault() {
        return centre == null;
    }
}

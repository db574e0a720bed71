package org.cartpath.custody.chain;

import java.util.Objects;
import org.cartpath.shared.OrganisationId;
import org.cartpath.shared.OrganisationKind;

/** An organisation that holds, hands over or receives an item; its name as it was at the time. */
public record Party(OrganisationId id, String name, OrganisationKind kind) {

    public Party {
        Objects.requireNonNull(id, "organisation id");
        Objects.requireNonNull(name, "organisation name");
    }

    public boolean is(Party other) {
        return other != null && id.equals(other.id());
    }

    public boolean isCourier() {
        return kind == OrganisationKind.COURIER;
    }
}

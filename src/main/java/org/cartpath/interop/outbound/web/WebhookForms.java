package org.cartpath.interop.outbound.web;

import java.util.UUID;
import org.cartpath.shared.OrganisationId;
import org.cartpath.shared.ProblemException;

final class WebhookForms {

    private WebhookForms() {
    }

    /** The organisation chosen; none: the administrator's own. Not an id at all: 400 on the field. */
    static OrganisationId organisation(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new OrganisationId(UUID.fromString(value.trim()));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("organisationId", "choose an organisation from the list");
        }
    }
}

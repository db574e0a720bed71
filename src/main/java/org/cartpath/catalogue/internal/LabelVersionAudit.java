package org.cartpath.catalogue.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cartpath.catalogue.LabelVersion;

/** What the audit trail records of an added label version: what it is and the digest of its document. */
public final class LabelVersionAudit {

    private LabelVersionAudit() {
    }

    public static Map<String, Object> view(LabelVersion version, String digest, String origin) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", version.id());
        view.put("product", version.product().name());
        view.put("jurisdiction", version.jurisdiction().name());
        view.put("effectiveFrom", version.effectiveFrom().toString());
        view.put("title", version.document().title());
        view.put("origin", origin);
        view.put("documentDigest", digest);
        return view;
    }
}

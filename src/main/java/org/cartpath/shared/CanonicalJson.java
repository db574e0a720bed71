package org.cartpath.shared;

import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON with one spelling per value: keys sorted, no insignificant whitespace, instants as ISO-8601. The
 * audit chain and electronic signatures hash this text, so it must never depend on map order or
 * formatting options.
 */
public final class CanonicalJson {

    private final JsonMapper mapper;

    public CanonicalJson(JsonMapper base) {
        this.mapper = base.rebuild()
                .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .disable(SerializationFeature.INDENT_OUTPUT)
                .build();
    }

    /** The canonical JSON text of a value, or {@code null} for {@code null}. */
    public String write(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String text) {
            return mapper.writeValueAsString(text);
        }
        return mapper.writeValueAsString(value);
    }

    /** SHA-256 of the canonical JSON of a value: the digest a signature or hash chain keeps of a record. */
    public String digest(Object value) {
        return Hashing.sha256Hex(String.valueOf(write(value)));
    }
}

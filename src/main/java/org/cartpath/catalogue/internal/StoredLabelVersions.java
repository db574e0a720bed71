package org.cartpath.catalogue.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.cartpath.catalogue.LabelVersion;
import org.cartpath.shared.Actor;
import org.cartpath.shared.CanonicalJson;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Label versions as the database keeps them: the validated document as canonical JSON with its digest.
 * Read versions are cached by id for good: a version is never changed, so the cache can never be stale,
 * in this instance or any other.
 */
@Component
public class StoredLabelVersions {

    /** What was stored, or found already there. */
    public record Stored(boolean inserted, String digest) {
    }

    private final LabelVersionStore store;
    private final CanonicalJson canonical;
    private final JsonMapper reader;
    private final Clock clock;
    private final Map<String, LabelVersion> cache = new ConcurrentHashMap<>();

    StoredLabelVersions(LabelVersionStore store, JsonMapper mapper, Clock clock) {
        this.store = store;
        this.canonical = new CanonicalJson(mapper);
        this.reader = mapper.rebuild().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
        this.clock = clock;
    }

    /** Inserts a validated version unless its id or effective day is taken; says whether it did. */
    public Stored insertIfAbsent(LabelVersion version, Object document, String origin, String sourceFile,
            String sourceText, Actor actor) {
        String digest = canonical.digest(document);
        boolean inserted = store.insertIfAbsent(new LabelVersionStore.NewRow(version.id(), version.product(),
                version.jurisdiction(), version.effectiveFrom(), canonical.write(document), digest, origin,
                sourceFile, sourceText, actor.id(), actor.displayName(), Instant.now(clock)));
        return new Stored(inserted, digest);
    }

    /** The digest a document would be stored under. */
    public String digestOf(Object document) {
        return canonical.digest(document);
    }

    public Optional<LabelVersion> find(String id) {
        LabelVersion cached = cache.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        return store.documentJson(id).map(json -> {
            LabelVersion version = LabelVersionReader.read(CatalogueYaml.normalise(reader.readValue(json, Map.class)));
            cache.put(id, version);
            return version;
        });
    }
}

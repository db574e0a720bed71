package org.cartpath.catalogue.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.cartpath.catalogue.SourcedNumber;

/**
 * A mapping in a catalogue document that knows its path, so that every refusal names the field at fault.
 * Each object declares the keys it accepts; any other key is refused (a misspelt field must not be
 * silently ignored in clinical data).
 */
final class YamlObject {

    /** What a number must be. */
    enum Kind {
        POSITIVE("must be greater than 0"),
        POSITIVE_WHOLE("must be a whole number greater than 0"),
        NON_NEGATIVE_WHOLE("must be a whole number, 0 or more"),
        PERCENT("must be between 0 and 100");

        private final String rule;

        Kind(String rule) {
            this.rule = rule;
        }

        boolean accepts(BigDecimal value) {
            return switch (this) {
                case POSITIVE -> value.signum() > 0;
                case POSITIVE_WHOLE -> value.signum() > 0 && isWhole(value);
                case NON_NEGATIVE_WHOLE -> value.signum() >= 0 && isWhole(value);
                case PERCENT -> value.signum() >= 0 && value.compareTo(BigDecimal.valueOf(100)) <= 0;
            };
        }

        private static boolean isWhole(BigDecimal value) {
            return value.stripTrailingZeros().scale() <= 0;
        }
    }

    private final String path;
    private final Map<?, ?> map;

    private YamlObject(String path, Map<?, ?> map) {
        this.path = path;
        this.map = map;
    }

    static YamlObject root(Object document) {
        if (!(document instanceof Map<?, ?> map)) {
            throw new InvalidCatalogueDocument("", "must be a mapping of fields to values");
        }
        return new YamlObject("", map);
    }

    String path() {
        return path;
    }

    /** This mapping as the root of a document of its own (paths start again from it). */
    YamlObject rebased() {
        return new YamlObject("", map);
    }

    /** The mapping itself, as parsed. */
    Map<?, ?> document() {
        return map;
    }

    String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    InvalidCatalogueDocument invalid(String key, String reason) {
        return new InvalidCatalogueDocument(key == null ? path : pathOf(key), reason);
    }

    /** Refuses any key not in {@code allowed}. Call once per object with every key it may have. */
    YamlObject allow(String... allowed) {
        Set<String> known = new LinkedHashSet<>(Arrays.asList(allowed));
        for (Object key : map.keySet()) {
            if (!known.contains(String.valueOf(key))) {
                throw invalid(String.valueOf(key), "is not a known field here (expected one of: "
                        + String.join(", ", known) + ")");
            }
        }
        return this;
    }

    boolean has(String key) {
        return map.containsKey(key) && map.get(key) != null;
    }

    String text(String key) {
        String value = optionalText(key);
        if (value == null) {
            throw invalid(key, "is required");
        }
        return value;
    }

    String optionalText(String key) {
        Object value = map.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Map || value instanceof List) {
            throw invalid(key, "must be text");
        }
        String text = String.valueOf(value).trim();
        return text.isEmpty() ? null : text;
    }

    boolean flag(String key) {
        Object value = map.get(key);
        if (value == null) {
            return false;
        }
        if (!(value instanceof Boolean b)) {
            throw invalid(key, "must be true or false");
        }
        return b;
    }

    LocalDate date(String key) {
        String text = text(key);
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid(key, "must be a date like 2025-06-26");
        }
    }

    <E extends Enum<E>> E choice(String key, Class<E> type) {
        return choiceOf(text(key), pathOf(key), type);
    }

    static <E extends Enum<E>> E choiceOf(String value, String path, Class<E> type) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new InvalidCatalogueDocument(path, "'" + value + "' is not one of: "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    YamlObject object(String key) {
        Object value = map.get(key);
        if (value == null) {
            throw invalid(key, "is required");
        }
        if (!(value instanceof Map<?, ?> child)) {
            throw invalid(key, "must be a mapping of fields to values");
        }
        return new YamlObject(pathOf(key), child);
    }

    YamlObject optionalObject(String key) {
        return has(key) ? object(key) : null;
    }

    /** A list of mappings; {@code required} refuses an absent or empty list. */
    List<YamlObject> objects(String key, boolean required) {
        List<?> list = list(key, required);
        List<YamlObject> objects = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String itemPath = pathOf(key) + "[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> child)) {
                throw new InvalidCatalogueDocument(itemPath, "must be a mapping of fields to values");
            }
            objects.add(new YamlObject(itemPath, child));
        }
        return objects;
    }

    List<String> texts(String key, boolean required) {
        List<?> list = list(key, required);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            if (item == null || item instanceof Map || item instanceof List || String.valueOf(item).isBlank()) {
                throw new InvalidCatalogueDocument(pathOf(key) + "[" + i + "]", "must be text");
            }
            texts.add(String.valueOf(item).trim());
        }
        return texts;
    }

    List<Integer> wholeNumbers(String key) {
        List<?> list = list(key, true);
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Long n) || n < -365 || n > 365) {
                throw new InvalidCatalogueDocument(pathOf(key) + "[" + i + "]", "must be a whole number of days");
            }
            numbers.add(n.intValue());
        }
        return numbers;
    }

    private List<?> list(String key, boolean required) {
        Object value = map.get(key);
        if (value == null) {
            if (required) {
                throw invalid(key, "is required");
            }
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw invalid(key, "must be a list");
        }
        if (required && list.isEmpty()) {
            throw invalid(key, "must not be empty");
        }
        return list;
    }

    /**
     * A sourced number: {@code {value: 25, source: "..."}}, optionally {@code check: true} and a {@code note};
     * or {@code {value: null, note: "why there is none"}}. Required: the key must be present.
     */
    SourcedNumber number(String key, Kind kind) {
        if (!map.containsKey(key)) {
            throw invalid(key, "is required (give {value: null, note: ...} when the source gives no number)");
        }
        return optionalNumber(key, kind);
    }

    /** Like {@link #number} but the key may be left out. */
    SourcedNumber optionalNumber(String key, Kind kind) {
        if (!has(key)) {
            return null;
        }
        Object raw = map.get(key);
        if (raw instanceof Number || raw instanceof String) {
            throw invalid(key, "must be {value: ..., source: ...}: every number needs its source");
        }
        YamlObject n = object(key).allow("value", "source", "check", "note");
        Object value = n.map.get("value");
        String note = n.optionalText("note");
        if (value == null) {
            if (note == null) {
                throw n.invalid("note", "is required when there is no value: say why the source gives none");
            }
            return new SourcedNumber(null, n.optionalText("source"), n.flag("check"), note);
        }
        if (!(value instanceof Long || value instanceof BigDecimal)) {
            throw n.invalid("value", "must be a number");
        }
        BigDecimal number = value instanceof Long l ? BigDecimal.valueOf(l) : (BigDecimal) value;
        if (!kind.accepts(number)) {
            throw n.invalid("value", kind.rule);
        }
        String source = n.optionalText("source");
        if (source == null) {
            throw n.invalid("source", "is required: every number needs its source");
        }
        return new SourcedNumber(number, source, n.flag("check"), note);
    }
}

package org.cartpath.catalogue.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads catalogue YAML (or JSON, which is YAML) into plain maps, lists, text, booleans and exact numbers.
 * Safe for text from outside: no Java types, no duplicate keys, few aliases, bounded size and depth. Dates
 * stay text (read as ISO-8601 later) so that {@code 2025-06-26} is never a time zone-dependent instant.
 */
public final class CatalogueYaml {

    /** Larger than any label version needs; a bound on what an upload may cost to parse. */
    public static final int MAX_CHARACTERS = 200_000;

    private CatalogueYaml() {
    }

    public static Object parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidCatalogueDocument("", "is empty");
        }
        if (text.length() > MAX_CHARACTERS) {
            throw new InvalidCatalogueDocument("", "is longer than " + MAX_CHARACTERS + " characters");
        }
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(50);
        options.setNestingDepthLimit(40);
        options.setCodePointLimit(MAX_CHARACTERS * 4);
        DumperOptions dumper = new DumperOptions();
        Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options,
                new DatesAsText());
        try {
            return normalise(yaml.load(text));
        } catch (MarkedYAMLException e) {
            String where = e.getProblemMark() == null ? "" : " at line " + (e.getProblemMark().getLine() + 1)
                    + ", column " + (e.getProblemMark().getColumn() + 1);
            throw new InvalidCatalogueDocument("", "is not valid YAML" + where + ": " + e.getProblem());
        } catch (YAMLException e) {
            throw new InvalidCatalogueDocument("", "is not valid YAML: " + e.getMessage());
        }
    }

    /** Floating-point numbers become exact decimals (as written), whole numbers longs, keys text. */
    static Object normalise(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), normalise(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(normalise(v)));
            return copy;
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return String.valueOf(d);
            }
            return exact(new BigDecimal(Double.toString(d)));
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big) {
            return new BigDecimal(big);
        }
        if (value instanceof BigDecimal decimal) {
            return exact(decimal);
        }
        return value;
    }

    private static Object exact(BigDecimal decimal) {
        BigDecimal stripped = decimal.stripTrailingZeros();
        if (stripped.scale() <= 0 && stripped.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0) {
            return stripped.longValueExact();
        }
        return stripped;
    }

    /** SnakeYAML's YAML 1.1 resolver without timestamps. */
    private static final class DatesAsText extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO", 10);
            addImplicitResolver(Tag.INT, INT, "-+0123456789");
            addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
            addImplicitResolver(Tag.MERGE, MERGE, "<", 10);
            addImplicitResolver(Tag.NULL, NULL, "~nN\0", 10);
            addImplicitResolver(Tag.NULL, EMPTY, null, 10);
            addImplicitResolver(Tag.YAML, YAML, "!&*", 10);
        }
    }
}

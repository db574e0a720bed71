package org.cartpath.scheduling.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads scheduling's bundled configuration files strictly: plain maps only, no duplicate keys, and every number
 * as {@code {value, source}}. A missing or malformed number stops start-up with the path of the field at fault.
 */
final class ConfigYaml {

    /** A whole number with its source. */
    record Sourced(int value, String source) {
    }

    private final String file;
    private final Map<String, Object> root;

    private ConfigYaml(String file, Map<String, Object> root) {
        this.file = file;
        this.root = root;
    }

    @SuppressWarnings("unchecked")
    static ConfigYaml load(String classpathFile) {
        try (InputStream in = ConfigYaml.class.getClassLoader().getResourceAsStream(classpathFile)) {
            if (in == null) {
                throw new IllegalStateException(classpathFile + " is missing");
            }
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            Object loaded = new Yaml(new SafeConstructor(options)).load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            if (!(loaded instanceof Map<?, ?> map)) {
                throw new IllegalStateException(classpathFile + " is not a YAML mapping");
            }
            return new ConfigYaml(classpathFile, (Map<String, Object>) map);
        } catch (IOException e) {
            throw new IllegalStateException(classpathFile + " cannot be read", e);
        }
    }

    /** The mapping at a dotted path, e.g. {@code products.KYMRIAH}. */
    @SuppressWarnings("unchecked")
    Map<String, Object> map(String path) {
        Object node = root;
        for (String key : path.split("\\.")) {
            if (!(node instanceof Map<?, ?> map) || !map.containsKey(key)) {
                throw fault(path, "is missing");
            }
            node = map.get(key);
        }
        if (!(node instanceof Map<?, ?>)) {
            throw fault(path, "must be a mapping");
        }
        return (Map<String, Object>) node;
    }

    boolean has(String path) {
        try {
            map(path);
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /** A {@code {value, source}} whole number from 0 to 1000 with a non-blank source. */
    Sourced number(String path) {
        Map<String, Object> node = map(path);
        if (!(node.get("value") instanceof Integer value) || value < 0 || value > 1000) {
            throw fault(path + ".value", "must be a whole number from 0 to 1000");
        }
        if (!(node.get("source") instanceof String source) || source.isBlank()) {
            throw fault(path + ".source", "must say where the number comes from (or 'centre default — check')");
        }
        return new Sourced(value, source.trim());
    }

    String text(String path, String key) {
        if (!(map(path).get(key) instanceof String text) || text.isBlank()) {
            throw fault(path + "." + key, "must be text");
        }
        return text.trim();
    }

    private IllegalStateException fault(String path, String message) {
        return new IllegalStateException(file + ": " + path + " " + message);
    }
}

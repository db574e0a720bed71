package org.cartpath.reporting.exports;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A registry cartpath reports cellular therapy to, and the shape of the id it gives a patient (ADR 0036). The id is
 * the registry's, recorded by the centre's data manager once the registry has assigned it; its shape is checked so that
 * a mistyped id (or another registry's) is refused before it names a patient in a file.
 */
public enum Registry {
    /**
     * CIBMTR Research ID: assigned once per person by FormsNet3's CRID assignment (Form 2804); the manual describes it
     * as a lifelong unique number. cartpath accepts 10 digits, with or without the hyphens FormsNet3 shows
     * ({@code 1234-5678-90}), and stores the digits only.
     */
    CIBMTR("CIBMTR", "CIBMTR Research ID (CRID)", Pattern.compile("[0-9]{4}-?[0-9]{4}-?[0-9]{2}"),
            "Enter the CRID as 10 digits, for example 1234-5678-90"),
    /**
     * EBMT registration: the patient's id in the EBMT Registry, written as the centre identification code (CIC, 1–4
     * digits) and the registry's patient number, e.g. {@code 729-123456}.
     */
    EBMT("EBMT", "EBMT registration id", Pattern.compile("[0-9]{1,4}-[0-9]{1,9}"),
            "Enter the EBMT registration id as the centre code and patient number, for example 729-123456");

    private final String label;
    private final String idLabel;
    private final Pattern shape;
    private final String shapeMessage;

    Registry(String label, String idLabel, Pattern shape, String shapeMessage) {
        this.label = label;
        this.idLabel = idLabel;
        this.shape = shape;
        this.shapeMessage = shapeMessage;
    }

    public String label() {
        return label;
    }

    public String idLabel() {
        return idLabel;
    }

    String shapeMessage() {
        return shapeMessage;
    }

    /** The id as stored (a CRID's digits only), or empty when it does not have the registry's shape. */
    Optional<String> normalise(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String trimmed = id.strip();
        if (!shape.matcher(trimmed).matches()) {
            return Optional.empty();
        }
        return Optional.of(this == CIBMTR ? trimmed.replace("-", "") : trimmed);
    }

    /** The id as people read it (a CRID as 1234-5678-90). */
    static String display(Registry registry, String stored) {
        if (registry == CIBMTR && stored != null && stored.length() == 10) {
            return stored.substring(0, 4) + "-" + stored.substring(4, 8) + "-" + stored.substring(8);
        }
        return stored;
    }

    static Optional<Registry> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (Registry registry : values()) {
            if (registry.name().equalsIgnoreCase(name.strip())) {
                return Optional.of(registry);
            }
        }
        return Optional.empty();
    }
}

package org.cartpath.patient;

/** A postal address; every part is optional, so that patients from outside the UK can be recorded. */
public record Address(String line1, String line2, String town, String postcode) {

    public static final Address NONE = new Address(null, null, null, null);

    public boolean empty() {
        return line1 == null && line2 == null && town == null && postcode == null;
    }
}

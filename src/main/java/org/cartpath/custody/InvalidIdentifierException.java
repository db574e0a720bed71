package org.cartpath.custody;

import java.util.List;

/** A scanned, keyed or allocated ISBT 128 identifier that breaks its data structure; lists every reason. */
public class InvalidIdentifierException extends IllegalArgumentException {

    private final List<String> errors;

    public InvalidIdentifierException(List<String> errors) {
        super(String.join("; ", errors));
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}

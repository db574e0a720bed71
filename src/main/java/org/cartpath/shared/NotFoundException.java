package org.cartpath.shared;

/**
 * 404. Also the answer for a record of another organisation: whether it exists is none of the caller's
 * business (deny by default).
 */
public class NotFoundException extends ProblemException {
    public NotFoundException(String what, Object id) {
        super("not-found", 404, "Not found", "No " + what + " with id " + id + " was found");
    }
}

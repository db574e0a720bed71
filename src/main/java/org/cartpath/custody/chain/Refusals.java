package org.cartpath.custody.chain;

import java.util.List;
import java.util.Map;
import org.cartpath.shared.ProblemException;

/** The refusals of the custody rules, each with its own problem type so a client can tell them apart. */
public final class Refusals {

    private Refusals() {
    }

    /** 409: someone else appended first; the caller reloads and decides again. */
    public static ProblemException versionConflict(int expected, int current) {
        return new ProblemException("custody-version-conflict", 409, "Conflict with the current state",
                "The item's custody log is at version " + current + ", not " + expected
                        + ": something else was recorded first. Reload the item and try again.",
                List.of(), Map.of("currentVersion", current));
    }

    public static ProblemException rule(String type, String detail) {
        return ProblemException.unprocessable(type, detail);
    }

    public static ProblemException conflict(String type, String detail) {
        return ProblemException.conflict(type, detail);
    }
}

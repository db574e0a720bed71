package org.cartpath.identity.internal;

import java.util.Locale;
import java.util.Set;
import org.cartpath.shared.ProblemException;

/**
 * What a password must be. Following NCSC password guidance: length over composition rules, no
 * expiry, and refusing the passwords attackers try first.
 */
public final class PasswordPolicy {

    public static final int MINIMUM_LENGTH = 12;
    public static final int MAXIMUM_LENGTH = 128;

    private static final Set<String> COMMON = Set.of("password1234", "123456789012", "qwertyuiopas",
            "passwordpassword", "letmein12345", "welcome12345", "changeme1234", "administrator", "cartpath1234");

    private PasswordPolicy() {
    }

    /** Throws a 400 problem naming {@code field} if the password is not acceptable for this user. */
    public static void check(String field, String password, String username) {
        if (password == null || password.isEmpty()) {
            throw ProblemException.invalid(field, "enter a password");
        }
        if (password.length() < MINIMUM_LENGTH) {
            throw ProblemException.invalid(field, "must be at least " + MINIMUM_LENGTH + " characters");
        }
        if (password.length() > MAXIMUM_LENGTH) {
            throw ProblemException.invalid(field, "must be at most " + MAXIMUM_LENGTH + " characters");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower) || lower.chars().distinct().count() < 4) {
            throw ProblemException.invalid(field, "is too easy to guess");
        }
        if (username != null && lower.contains(username.toLowerCase(Locale.ROOT))) {
            throw ProblemException.invalid(field, "must not contain the username");
        }
    }
}

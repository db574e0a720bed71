package org.cartpath.identity.internal;

import java.security.SecureRandom;

/** Random secrets for API tokens and temporary passwords. */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    // no 0/O, 1/l/I: temporary passwords are read aloud and typed by people
    private static final char[] READABLE = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private Secrets() {
    }

    public static String readable(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(READABLE[RANDOM.nextInt(READABLE.length)]);
        }
        return out.toString();
    }

    /** A temporary password in groups of four, e.g. {@code xK7p-Qm2a-9Rtz-Hb4c}. */
    public static String temporaryPassword() {
        return readable(4) + "-" + readable(4) + "-" + readable(4) + "-" + readable(4);
    }
}

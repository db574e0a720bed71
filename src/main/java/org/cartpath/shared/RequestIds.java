package org.cartpath.shared;

import org.slf4j.MDC;

/** The id of the request being served, set by the platform for every request and carried into audit rows. */
public final class RequestIds {
    public static final String MDC_KEY = "requestId";
    public static final String HEADER = "X-Request-Id";

    private RequestIds() {
    }

    /** The current request id, or {@code null} outside a request. */
    public static String current() {
        return MDC.get(MDC_KEY);
    }
}

package org.cartpath.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a store method that lists organisation-owned rows without a {@link DataScope}, because no actor sees those
 * rows as such: cartpath's own scheduled jobs (sweeps, reminders, deliveries), checks that refuse or allow a write
 * (a booking conflict, a sign-in throttle) and counters. The reason says which; {@code ScopedReadsTest} lists every
 * such method, so a reviewer sees them in one place.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface InternalJob {

    /** Why the method's rows never reach an actor unscoped. */
    String value();
}

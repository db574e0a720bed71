package org.cartpath.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a store method that lists rows one organisation publishes for every organisation that works with it (a
 * manufacturer's published manufacturing capacity, say), so it takes no {@link DataScope}. The service deciding who may
 * read them still checks the actor's kind and role. The reason names what is published; {@code ScopedReadsTest}
 * lists every such method.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface PublishedData {

    /** What is published, and to whom. */
    String value();
}

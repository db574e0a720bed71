package org.cartpath.patient;

import java.time.LocalDate;

/** A value and the date it was measured, tested or assessed: a latest value is never shown without its date. */
public record Dated<T>(T value, LocalDate on) {
}

package org.cartpath.patient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How latest values are read from an append-only history: voided entries count for nothing; the entry
 * with the latest date wins, and of two on the same date the one recorded later (a correction) wins.
 */
final class History {

    private History() {
    }

    static final Comparator<Entry<?>> NEWEST_FIRST = Comparator
            .comparing((Entry<?> e) -> e.details().effectiveOn(), Comparator.reverseOrder())
            .thenComparing(e -> e.recorded().at(), Comparator.reverseOrder());

    /** Active entries dated on or before {@code asOf} (any date when null), newest first. */
    static <T extends ClinicalDetails> List<Entry<T>> asOf(Collection<Entry<T>> entries, LocalDate asOf) {
        return entries.stream()
                .filter(Entry::active)
                .filter(e -> asOf == null || !e.details().effectiveOn().isAfter(asOf))
                .sorted(NEWEST_FIRST)
                .toList();
    }

    static <T extends ClinicalDetails> T latest(Collection<Entry<T>> entries, LocalDate asOf) {
        return asOf(entries, asOf).stream().findFirst().map(Entry::details).orElse(null);
    }

    /** The latest non-null value of one field, with the date of the entry it came from. */
    static <T extends ClinicalDetails, V> Dated<V> latestValue(Collection<Entry<T>> entries, LocalDate asOf,
            Function<T, V> field) {
        return asOf(entries, asOf).stream()
                .filter(e -> field.apply(e.details()) != null)
                .findFirst()
                .map(e -> new Dated<>(field.apply(e.details()), e.details().effectiveOn()))
                .orElse(null);
    }

    /** The current version of each line of therapy started by {@code asOf}: the latest recorded per line number. */
    static List<TherapyLine> therapyLines(Collection<Entry<TherapyLine>> entries, LocalDate asOf) {
        Map<Integer, Entry<TherapyLine>> byLine = new LinkedHashMap<>();
        asOf(entries, asOf).forEach(e -> byLine.merge(e.details().lineNumber(), e,
                (a, b) -> a.recorded().at().isAfter(b.recorded().at()) ? a : b));
        return byLine.values().stream().map(Entry::details)
                .sorted(Comparator.comparing(TherapyLine::lineNumber)).toList();
    }

    static Dated<BigDecimal> latestWeight(Collection<Entry<Measurement>> measurements, LocalDate asOf) {
        return latestValue(measurements, asOf, Measurement::weightKg);
    }

    static Dated<BigDecimal> latestHeight(Collection<Entry<Measurement>> measurements, LocalDate asOf) {
        return latestValue(measurements, asOf, Measurement::heightCm);
    }
}

package org.cartpath.journey;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.cartpath.shared.Actor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The one ordering rule of every list of cases or tasks a person works from (the worklist, the home work queues, the
 * monitoring board, the custody queues): <b>urgent cases first</b>, then the list's own order (due date, age…). A case
 * is urgent when a {@link CaseFlags} contributor says so (the referrer asked for it to be seen urgently).
 *
 * <p>Lists read page by page from the database pass {@link #urgentAmong} to their ORDER BY; lists built in memory sort
 * with {@link #urgentFirst}. Both ask the same contributors, so no list orders urgency its own way.
 */
@Service
public class CaseUrgency {

    private final ObjectProvider<CaseFlags> contributors;

    CaseUrgency(ObjectProvider<CaseFlags> contributors) {
        this.contributors = contributors;
    }

    /** The urgent cases among {@code cases}. */
    public Set<CaseId> urgentAmong(Actor actor, Collection<CaseId> cases) {
        Set<CaseId> urgent = new HashSet<>();
        if (cases.isEmpty()) {
            return urgent;
        }
        contributors.orderedStream().forEach(c -> urgent.addAll(c.urgent(actor, cases)));
        return urgent;
    }

    /** {@code items} with the urgent cases' items first; within each group the order is kept (a stable sort). */
    public <T> List<T> urgentFirst(Actor actor, List<T> items, Function<T, CaseId> caseOf) {
        Set<CaseId> urgent = urgentAmong(actor, items.stream().map(caseOf).distinct().toList());
        return urgentFirst(items, caseOf, urgent);
    }

    /** As {@link #urgentFirst(Actor, List, Function)}, with the urgent cases already known. */
    public static <T> List<T> urgentFirst(List<T> items, Function<T, CaseId> caseOf, Set<CaseId> urgent) {
        if (urgent.isEmpty()) {
            return items;
        }
        return items.stream().sorted(Comparator.comparing((T item) -> !urgent.contains(caseOf.apply(item)))).toList();
    }
}

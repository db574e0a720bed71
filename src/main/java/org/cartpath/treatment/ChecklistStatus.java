package org.cartpath.treatment;

import java.time.Duration;
import java.util.List;
import org.cartpath.treatment.checklist.ChecklistEvaluation.ItemState;

/**
 * A case's pre-infusion checklist as it stands now: which configuration applies, each item with its evidence and who
 * ticked or overrode it, and whether every item is done.
 *
 * @param validFor how long a tick or override counts (a centre setting)
 */
public record ChecklistStatus(ChecklistConfiguration configuration, List<ItemState> items, boolean complete,
        Duration validFor) {

    public ChecklistStatus {
        items = List.copyOf(items);
    }

    /** The labels of the items still open. */
    public List<String> open() {
        return items.stream().filter(i -> !i.satisfied()).map(i -> i.item().label()).toList();
    }
}

package org.cartpath.custody.overview;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.cartpath.custody.chain.Custody;
import org.cartpath.custody.chain.CustodyItem;
import org.cartpath.custody.chain.ItemStatus;
import org.cartpath.custody.chain.ItemStore;
import org.cartpath.custody.chain.RecordedEvent;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.CaseView;
import org.cartpath.shared.Actor;
import org.cartpath.shared.Page;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The items currently at each location (ADR 0016): every item not yet administered, destroyed or
 * returned, of the cases the actor's organisation is a party to, grouped by who holds it and where.
 */
@Service
public class ItemLocations {

    /** How many of the actor's cases are searched, newest first: enough for any centre's live work. */
    static final int MAX_CASES = 2000;

    public record Located(UUID itemId, String caseReference, UUID caseId, String item, String kind, ItemStatus status,
            Instant since, int version) {
    }

    public record Location(String holder, String place, boolean inTransit, List<Located> items) {
    }

    private final CaseJourney journey;
    private final ItemStore items;

    ItemLocations(CaseJourney journey, ItemStore items) {
        this.journey = journey;
        this.items = items;
    }

    @Transactional(readOnly = true)
    public List<Location> of(Actor actor) {
        Map<String, Location> byPlace = new TreeMap<>();
        for (int page = 0; page * Page.MAX_SIZE < MAX_CASES; page++) {
            Page<CaseView> cases = journey.cases(actor, null, new Page.Request(page, Page.MAX_SIZE));
            for (CaseView view : cases.items()) {
                List<CustodyItem> caseItems = items.itemsOfCase(view.therapyCase().id());
                Map<UUID, List<RecordedEvent>> events = items.events(caseItems.stream().map(CustodyItem::id).toList());
                for (CustodyItem item : caseItems) {
                    Custody custody = Custody.replay(item.id(), item.kind(),
                            events.get(item.id()).stream().map(RecordedEvent::event).toList());
                    if (custody.status() == ItemStatus.NEW || custody.status().isClosed()) {
                        continue;
                    }
                    boolean moving = custody.status() == ItemStatus.IN_TRANSIT;
                    String holder = custody.custodian().name();
                    String place = moving ? "In transit" : custody.place();
                    byPlace.computeIfAbsent(holder + "\u0000" + place, k -> new Location(holder, place, moving, new ArrayList<>()))
                            .items().add(new Located(item.id(), view.therapyCase().reference(), view.therapyCase().id().value(),
                                    item.label(), item.kind().label(), custody.status(), custody.since(), custody.version()));
                }
            }
            if (!cases.hasNext()) {
                break;
            }
        }
        byPlace.values().forEach(l -> l.items().sort(Comparator.comparing(Located::since)));
        return List.copyOf(byPlace.values());
    }
}

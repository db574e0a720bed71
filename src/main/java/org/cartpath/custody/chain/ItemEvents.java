package org.cartpath.custody.chain;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.cartpath.custody.internal.CaseAccess;
import org.cartpath.custody.internal.PersonSignature;
import org.cartpath.identity.SignatureMeaning;
import org.cartpath.identity.SignedRecord;
import org.cartpath.journey.CaseView;
import org.cartpath.shared.Actor;
import org.cartpath.shared.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Events recorded on one item by whoever holds it: stored, issued, thawed, administered, destroyed, returned.
 * Hand-overs, departures and receipts are recorded on the shipment (they move the shipper and its contents);
 * labels and identity checks have their own steps. A person signs the events a regulator would want signed:
 * thawing, administration, destruction and return.
 */
@Service
public class ItemEvents {

    public record Request(String type, Instant occurredAt, String place, Integer expectedVersion, String reason,
            String password) {
    }

    public static final Set<CustodyEventType> RECORDED_HERE = EnumSet.of(CustodyEventType.STORED, CustodyEventType.ISSUED,
            CustodyEventType.THAWED, CustodyEventType.ADMINISTERED, CustodyEventType.DESTROYED, CustodyEventType.RETURNED);
    /** Steps at the bedside or in the centre's laboratory: the treating centre's own people, never a system. */
    private static final Set<CustodyEventType> CENTRE_PEOPLE_ONLY = EnumSet.of(CustodyEventType.THAWED,
            CustodyEventType.ADMINISTERED);
    private static final Map<CustodyEventType, SignatureMeaning> SIGNED = Map.of(
            CustodyEventType.THAWED, SignatureMeaning.VERIFIED,
            CustodyEventType.ADMINISTERED, SignatureMeaning.ADMINISTERED,
            CustodyEventType.DESTROYED, SignatureMeaning.APPROVED,
            CustodyEventType.RETURNED, SignatureMeaning.APPROVED);
    private static final int MAX_REASON = 500;

    private final CustodyLog log;
    private final CaseAccess access;
    private final PersonSignature signature;
    private final Clock clock;

    ItemEvents(CustodyLog log, CaseAccess access, PersonSignature signature, Clock clock) {
        this.log = log;
        this.access = access;
        this.signature = signature;
        this.clock = clock;
    }

    @Transactional
    public CustodyLog.Appended record(Actor actor, UUID itemId, Request request) {
        CustodyItem item = visibleItem(actor, itemId);
        CustodyEventType type = type(request.type());
        if (request.expectedVersion() == null) {
            throw ProblemException.invalid("expectedVersion", "is required: the version of the item you last saw");
        }
        if (request.reason() != null && request.reason().length() > MAX_REASON) {
            throw ProblemException.invalid("reason", "must be at most " + MAX_REASON + " characters");
        }
        CaseView view = access.view(actor, item.caseId());
        if (CENTRE_PEOPLE_ONLY.contains(type) && (!actor.isPerson() || !CaseAccess.isCentre(actor, view))) {
            throw ProblemException.forbidden(type.label() + " is recorded by the treating centre's staff");
        }
        access.lock(item.caseId());
        Instant at = request.occurredAt() == null ? Instant.now(clock) : request.occurredAt();
        String reason = request.reason() == null || request.reason().isBlank() ? null : request.reason().trim();
        CustodyCommand unsigned = CustodyCommand.of(type, at, access.party(actor), actor.displayName(), request.place(),
                null, List.of(), reason);
        Custody custody = log.custody(item);
        if (custody.version() == request.expectedVersion()) {
            custody.decide(unsigned, Instant.now(clock));
        }
        List<UUID> signed = SIGNED.containsKey(type) ? signature.signIfPerson(actor, request.password(), SIGNED.get(type),
                new SignedRecord("CustodyEvent", item.id() + ":" + (request.expectedVersion() + 1), content(item, type, at, request, reason)))
                : List.of();
        return log.append(actor, item, view.therapyCase().reference(), request.expectedVersion(),
                CustodyCommand.of(type, at, access.party(actor), actor.displayName(), request.place(), null, signed, reason));
    }

    /** The item, if the actor's organisation is a party of its case; 404 otherwise. */
    public CustodyItem visibleItem(Actor actor, UUID itemId) {
        CustodyItem item = log.item(itemId);
        try {
            access.view(actor, item.caseId());
        } catch (ProblemException e) {
            throw CaseAccess.notFound("custody item", itemId);
        }
        return item;
    }

    private static CustodyEventType type(String value) {
        if (value == null) {
            throw ProblemException.invalid("type", "is required");
        }
        for (CustodyEventType type : RECORDED_HERE) {
            if (type.name().equals(value)) {
                return type;
            }
        }
        throw ProblemException.invalid("type", "must be one of STORED, ISSUED, THAWED, ADMINISTERED, DESTROYED, RETURNED"
                + " (hand-overs, departures and receipts are recorded on the shipment)");
    }

    private static Map<String, Object> content(CustodyItem item, CustodyEventType type, Instant at, Request request,
            String reason) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("itemId", item.id().toString());
        content.put("item", item.label());
        content.put("type", type.name());
        content.put("occurredAt", at.toString());
        content.put("place", request.place());
        content.put("reason", reason);
        return content;
    }
}

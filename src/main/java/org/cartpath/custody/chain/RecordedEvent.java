package org.cartpath.custody.chain;

import java.time.Instant;
import java.util.UUID;

/** A custody event as stored: the event, the item it belongs to, and who recorded it when. */
public record RecordedEvent(UUID id, UUID itemId, CustodyEvent event, String actorId, String actorType, Instant recordedAt) {
}

package org.cartpath.custody.overview;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.cartpath.custody.ChainOfIdentityId;
import org.cartpath.custody.chain.Custody;
import org.cartpath.custody.chain.CustodyEventType;
import org.cartpath.custody.chain.CustodyItem;
import org.cartpath.custody.shipment.Shipment;
import org.cartpath.journey.CaseId;
import org.cartpath.shared.DataVisibility;

/**
 * A case's chain of custody as one actor may see it: its items with who holds them now, everything that
 * happened in time order with how long each holder kept the item and the temperature status of each shipment.
 * For manufacturers and couriers ({@link DataVisibility.Level#PSEUDONYMISED}) free-text notes are withheld.
 */
public record CaseCustody(
        CaseId caseId,
        String caseReference,
        String productCode,
        ChainOfIdentityId coi,
        DataVisibility.Level visibility,
        List<ItemState> items,
        List<TimelineRow> timeline,
        List<ShipmentState> shipments,
        boolean stopped,
        boolean flagged) {

    public record ItemState(CustodyItem item, Custody custody) {
    }

    /**
     * One event. {@code custodianName} is who holds the item after it; {@code heldFor} how long they held it, for
     * an event that changed the holder (until the next change, or until now while they still hold it).
     */
    public record TimelineRow(Instant at, UUID itemId, String item, int version, CustodyEventType type, String actorName,
            String organisationName, String place, String custodianName, Duration heldFor, String shipperId,
            UUID shipmentId, TemperatureStatus temperature, int signatures, String note) {
    }

    public enum TemperatureStatus {
        NO_READINGS("No readings yet"), IN_RANGE("In range"), EXCURSION("Excursion");

        private final String label;

        TemperatureStatus(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record ShipmentState(Shipment shipment, String originName, String destinationName, int shipperVersion,
            long readings, TemperatureStatus temperature, int excursions) {
    }

    public boolean identityVisible() {
        return visibility == DataVisibility.Level.FULL;
    }
}

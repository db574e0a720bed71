package org.cartpath.custody.shipment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cartpath.journey.CaseId;
import org.cartpath.shared.OrganisationId;

/**
 * A shipper on its way, with what it carries, its legs (expected and actual times) and the temperature profile
 * its data loggers are checked against.
 *
 * @param bookingId           for cells to the manufacturer, the booking whose manufacturer and site they go to (ADR
 *                            18); null for the product back to the centre
 * @param destinationSiteCode the booked manufacturing site the cells go to (null for the product back)
 */
public record Shipment(
        UUID id,
        CaseId caseId,
        UUID shipperItemId,
        String shipperId,
        Direction direction,
        OrganisationId origin,
        OrganisationId destination,
        TemperatureProfile profile,
        Instant registeredAt,
        String registeredByName,
        List<Leg> legs,
        List<UUID> contents,
        UUID bookingId,
        String destinationSiteCode,
        String destinationSiteName) {

    public enum Direction { TO_MANUFACTURER, TO_CENTRE }

    public record Leg(int sequence, String fromPlace, String toPlace, OrganisationId courier, Instant expectedDeparture,
            Instant expectedArrival, Instant actualDeparture, Instant actualArrival) {
    }

    public Shipment {
        legs = List.copyOf(legs);
        contents = List.copyOf(contents);
    }

    public Optional<Leg> leg(int sequence) {
        return legs.stream().filter(l -> l.sequence() == sequence).findFirst();
    }

    /** Whether the organisation carries it on one of its legs. */
    public boolean carriedBy(OrganisationId organisation) {
        return legs.stream().anyMatch(l -> l.courier().equals(organisation));
    }

    /** Whether the organisation takes part: sends, receives or carries it. */
    public boolean involves(OrganisationId organisation) {
        return origin.equals(organisation) || destination.equals(organisation)
                || legs.stream().anyMatch(l -> l.courier().equals(organisation));
    }
}

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
        List<UUID> contents) {

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

    /** Whether the organisation takes part: sends, receives or carries it. */
    public boolean involves(OrganisationId organisation) {
        return origin.equals(organisation) || destination.equals(organisation)
                || legs.stream().anyMatch(l -> l.courier().equals(organisation));
    }
}

package org.cartpath.custody.shipment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cartpath.journey.CaseId;
import org.cartpath.shared.DataScope;
import org.cartpath.shared.OrganisationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ShipmentStore {

    private final JdbcClient jdbc;

    ShipmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Shipment s) {
        jdbc.sql("""
                insert into custody_shipment (id, case_id, shipper_item_id, shipper_id, direction, origin_organisation_id,
                    destination_organisation_id, profile, min_celsius, max_celsius, profile_source, registered_at,
                    registered_by_name, booking_id, destination_site_code, destination_site_name)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(s.id(), s.caseId().value(), s.shipperItemId(), s.shipperId(), s.direction().name(),
                        s.origin().value(), s.destination().value(), s.profile().name(), s.profile().minCelsius(),
                        s.profile().maxCelsius(), s.profile().source(), Timestamp.from(s.registeredAt()), s.registeredByName(),
                        s.bookingId(), s.destinationSiteCode(), s.destinationSiteName())
                .update();
        for (UUID item : s.contents()) {
            jdbc.sql("insert into custody_shipment_content (shipment_id, item_id) values (?, ?)").params(s.id(), item).update();
        }
        for (Shipment.Leg leg : s.legs()) {
            jdbc.sql("""
                    insert into custody_shipment_leg (shipment_id, sequence, from_place, to_place, courier_organisation_id,
                        expected_departure, expected_arrival)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(s.id(), leg.sequence(), leg.fromPlace(), leg.toPlace(), leg.courier().value(),
                            Timestamp.from(leg.expectedDeparture()), Timestamp.from(leg.expectedArrival()))
                    .update();
        }
    }

    void departed(UUID shipmentId, int sequence, Instant at) {
        jdbc.sql("update custody_shipment_leg set actual_departure = ? where shipment_id = ? and sequence = ?")
                .params(Timestamp.from(at), shipmentId, sequence).update();
    }

    void arrived(UUID shipmentId, int sequence, Instant at) {
        jdbc.sql("update custody_shipment_leg set actual_arrival = ? where shipment_id = ? and sequence = ? and actual_arrival is null")
                .params(Timestamp.from(at), shipmentId, sequence).update();
    }

    Optional<Shipment> find(UUID id) {
        return jdbc.sql("select * from custody_shipment where id = ?").param(id).query(this::read).optional();
    }

    /** A leg still to be carried by a courier: not yet arrived, the earliest expected departure first. */
    public record LegToCarry(UUID shipmentId, String shipperId, Shipment.Direction direction, Shipment.Leg leg) {
    }

    public List<LegToCarry> legsToCarry(DataScope scope, int limit) {
        return scope.bind(jdbc.sql("""
                select s.id, s.shipper_id, s.direction, l.* from custody_shipment_leg l
                join custody_shipment s on s.id = l.shipment_id
                where %s and l.actual_arrival is null
                order by l.expected_departure, s.shipper_id, l.sequence
                limit :limit""".formatted(scope.owns("l.courier_organisation_id"))))
                .param("limit", limit)
                .query((r, i) -> new LegToCarry(r.getObject("id", UUID.class), r.getString("shipper_id"),
                        Shipment.Direction.valueOf(r.getString("direction")), new Shipment.Leg(r.getInt("sequence"),
                        r.getString("from_place"), r.getString("to_place"),
                        new OrganisationId(r.getObject("courier_organisation_id", UUID.class)),
                        r.getTimestamp("expected_departure").toInstant(), r.getTimestamp("expected_arrival").toInstant(),
                        instant(r.getTimestamp("actual_departure")), null)))
                .list();
    }

    /** The most recent shipment with this shipper id (a dry shipper is reused from one shipment to the next). */
    List<Shipment> byShipperId(String shipperId) {
        return jdbc.sql("select * from custody_shipment where shipper_id = ? order by registered_at desc")
                .param(shipperId).query(this::read).list();
    }

    List<Shipment> ofCase(CaseId caseId) {
        return jdbc.sql("select * from custody_shipment where case_id = ? order by registered_at")
                .param(caseId.value()).query(this::read).list();
    }

    private Shipment read(ResultSet row, int n) throws SQLException {
        UUID id = row.getObject("id", UUID.class);
        TemperatureProfile profile = new TemperatureProfile(row.getString("profile"), row.getBigDecimal("min_celsius"),
                row.getBigDecimal("max_celsius"), row.getString("profile_source"));
        List<Shipment.Leg> legs = jdbc.sql("select * from custody_shipment_leg where shipment_id = ? order by sequence")
                .param(id).query((r, i) -> new Shipment.Leg(r.getInt("sequence"), r.getString("from_place"),
                        r.getString("to_place"), new OrganisationId(r.getObject("courier_organisation_id", UUID.class)),
                        r.getTimestamp("expected_departure").toInstant(), r.getTimestamp("expected_arrival").toInstant(),
                        instant(r.getTimestamp("actual_departure")), instant(r.getTimestamp("actual_arrival"))))
                .list();
        List<UUID> contents = jdbc.sql("select item_id from custody_shipment_content where shipment_id = ?")
                .param(id).query(UUID.class).list();
        return new Shipment(id, new CaseId(row.getObject("case_id", UUID.class)), row.getObject("shipper_item_id", UUID.class),
                row.getString("shipper_id"), Shipment.Direction.valueOf(row.getString("direction")),
                new OrganisationId(row.getObject("origin_organisation_id", UUID.class)),
                new OrganisationId(row.getObject("destination_organisation_id", UUID.class)), profile,
                row.getTimestamp("registered_at").toInstant(), row.getString("registered_by_name"), legs, contents,
                row.getObject("booking_id", UUID.class), row.getString("destination_site_code"),
                row.getString("destination_site_name"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}

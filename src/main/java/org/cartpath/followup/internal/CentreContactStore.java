package org.cartpath.followup.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.cartpath.followup.CentreContact;
import org.cartpath.shared.Actor;
import org.cartpath.shared.OrganisationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The treatment centres' 24-hour contacts (V150). */
@Repository
public class CentreContactStore {

    private final JdbcClient jdbc;

    CentreContactStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CentreContact> find(OrganisationId centre) {
        return jdbc.sql("""
                select centre_id, service_name, phone, version, updated_at, updated_by_name
                from followup_centre_contact where centre_id = ?""").param(centre.value())
                .query((row, n) -> new CentreContact(new OrganisationId(row.getObject("centre_id", UUID.class)),
                        row.getString("service_name"), row.getString("phone"), row.getInt("version"),
                        row.getTimestamp("updated_at").toInstant(), row.getString("updated_by_name")))
                .optional();
    }

    /** Sets the centre's contact, a new version of it; locks the row so two changes at once are in order. */
    public void save(OrganisationId centre, String serviceName, String phone, Actor actor, Instant at) {
        jdbc.sql("""
                insert into followup_centre_contact (centre_id, service_name, phone, version, updated_at, updated_by_id,
                    updated_by_name)
                values (?, ?, ?, 1, ?, ?, ?)
                on conflict (centre_id) do update set service_name = excluded.service_name, phone = excluded.phone,
                    version = followup_centre_contact.version + 1, updated_at = excluded.updated_at,
                    updated_by_id = excluded.updated_by_id, updated_by_name = excluded.updated_by_name""")
                .params(centre.value(), serviceName, phone, Timestamp.from(at), actor.id(), actor.displayName())
                .update();
    }
}

package org.cartpath.referral.intake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cartpath.referral.AttachmentContent;
import org.cartpath.referral.ReferralAttachment;
import org.cartpath.referral.ReferralId;
import org.cartpath.shared.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the files attached to referrals: inserted once, never changed (the table is append-only). */
@Repository
public class AttachmentStore {

    private static final String COLUMNS = """
            id, referral_id, message_id, file_name, content_type, size_bytes, sha256, uploaded_by_name,
            organisation_name, uploaded_at""";

    private final JdbcClient jdbc;

    AttachmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public ReferralAttachment insert(ReferralId referral, UUID messageId, CheckedFile file, Actor actor, Instant at) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into referral_attachment (id, referral_id, message_id, file_name, content_type, size_bytes, sha256,
                    content, uploaded_by_id, uploaded_by_name, organisation_id, organisation_name, uploaded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, referral.value(), messageId, file.fileName(), file.contentType(), file.content().length,
                        file.sha256(), file.content(), actor.id(), actor.displayName(), actor.organisationId().value(),
                        actor.organisationName(), Timestamp.from(at))
                .update();
        return new ReferralAttachment(id, referral, messageId, file.fileName(), file.contentType(), file.content().length,
                file.sha256(), actor.displayName(), actor.organisationName(), at);
    }

    public List<ReferralAttachment> list(ReferralId referral) {
        return jdbc.sql("select " + COLUMNS + " from referral_attachment where referral_id = ? order by uploaded_at, id")
                .param(referral.value()).query(AttachmentStore::attachment).list();
    }

    public int count(ReferralId referral) {
        return jdbc.sql("select count(*) from referral_attachment where referral_id = ?").param(referral.value())
                .query(Integer.class).single();
    }

    public Optional<AttachmentContent> find(ReferralId referral, UUID id) {
        return jdbc.sql("select " + COLUMNS + ", content from referral_attachment where referral_id = ? and id = ?")
                .params(referral.value(), id)
                .query((row, n) -> new AttachmentContent(attachment(row, n), row.getBytes("content"))).optional();
    }

    static ReferralAttachment attachment(ResultSet row, int n) throws SQLException {
        return new ReferralAttachment(row.getObject("id", UUID.class), new ReferralId(row.getObject("referral_id", UUID.class)),
                row.getObject("message_id", UUID.class), row.getString("file_name"), row.getString("content_type"),
                row.getInt("size_bytes"), row.getString("sha256"), row.getString("uploaded_by_name"),
                row.getString("organisation_name"), row.getTimestamp("uploaded_at").toInstant());
    }
}

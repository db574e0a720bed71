package org.cartpath.followup.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cartpath.journey.CaseId;
import org.cartpath.shared.InternalJob;
import org.cartpath.shared.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for the follow-up reminder e-mails: one row per reminder task, queued in the task's transaction, taken by one
 * sender at a time ({@code for update skip locked}) and marked sent, so it goes once.
 */
@Repository
public class ReminderMailStore {

    /** A queued e-mail. */
    public record Mail(UUID taskId, UUID organisationId, Role role, String subject, String body, int attempts) {
    }

    private final JdbcClient jdbc;

    ReminderMailStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues the e-mail of a reminder task to its role at the case's treating centre; a second queue does nothing. */
    public void queue(UUID taskId, CaseId caseId, Role role, String subject, String body, Instant now) {
        jdbc.sql("""
                insert into followup_reminder_mail (task_id, organisation_id, role, subject, body, created_at,
                    next_attempt_at)
                select ?, c.treating_centre_id, ?, ?, ?, ?, ? from therapy_case c where c.id = ?
                on conflict (task_id) do nothing""")
                .params(taskId, role.name(), subject, body, Timestamp.from(now), Timestamp.from(now), caseId.value())
                .update();
    }

    @InternalJob("the mail sender takes the e-mails due to be sent; no actor sees them")
    public List<UUID> due(Instant now, int limit) {
        return jdbc.sql("""
                select task_id from followup_reminder_mail where sent_at is null and next_attempt_at <= ?
                order by created_at, task_id limit ?""")
                .params(Timestamp.from(now), limit).query(UUID.class).list();
    }

    /** The e-mail, locked, if it is still to be sent and no other sender holds it. */
    public Optional<Mail> claim(UUID taskId) {
        return jdbc.sql("""
                select * from followup_reminder_mail where task_id = ? and sent_at is null
                for update skip locked""")
                .param(taskId).query((rs, n) -> new Mail(rs.getObject("task_id", UUID.class),
                        rs.getObject("organisation_id", UUID.class), Role.valueOf(rs.getString("role")),
                        rs.getString("subject"), rs.getString("body"), rs.getInt("attempts")))
                .optional();
    }

    /** The e-mail addresses of the enabled users holding {@code role} at the organisation. */
    @InternalJob("the mail sender addresses a reminder to the users holding its role; the addresses are not shown")
    public List<String> recipients(UUID organisationId, Role role) {
        return jdbc.sql("""
                select distinct u.email from app_user u join user_role r on r.user_id = u.id
                where u.organisation_id = ? and r.role = ? and u.enabled and u.email is not null
                  and trim(u.email) <> ''
                order by u.email""")
                .params(organisationId, role.name()).query(String.class).list();
    }

    public void sent(UUID taskId, Instant at, int recipients) {
        jdbc.sql("update followup_reminder_mail set sent_at = ?, recipients = ?, attempts = attempts + 1,"
                        + " last_error = null where task_id = ?")
                .params(Timestamp.from(at), recipients, taskId).update();
    }

    public void failed(UUID taskId, Instant retryAt, String error) {
        jdbc.sql("update followup_reminder_mail set attempts = attempts + 1, next_attempt_at = ?, last_error = ?"
                        + " where task_id = ?")
                .params(Timestamp.from(retryAt), error, taskId).update();
    }
}

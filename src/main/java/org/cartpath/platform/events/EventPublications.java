package org.cartpath.platform.events;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.cartpath.audit.AuditTrail;
import org.cartpath.shared.Actor;
import org.cartpath.shared.InternalJob;
import org.cartpath.shared.NotFoundException;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reactions that have not finished (docs/adr/0022-reactions-through-the-event-publication-registry.md): every
 * publication of an event to an asynchronous listener that has no completion yet — waiting, running, or failed —
 * read from Spring Modulith's registry table, and the operator's administrators' way to hand one to its listener
 * again. Completed publications are in {@code event_publication_archive}; the payload is never shown (an event may
 * name a case).
 */
@Service
public class EventPublications {

    /** One publication not yet completed: which event, which listener, since when, and how it stands. */
    public record Incomplete(UUID id, String eventType, String listener, Instant publishedAt, String status,
            int attempts, Instant lastResubmittedAt) {

        /** The event's simple name ({@code SlotBooked}). */
        public String eventName() {
            return eventType.substring(eventType.lastIndexOf('.') + 1);
        }

        /** The listener as class and method ({@code BookingNotices.on}), without the parameter types. */
        public String listenerName() {
            String method = listener.contains("(") ? listener.substring(0, listener.indexOf('(')) : listener;
            int dot = method.lastIndexOf('.');
            int classDot = dot < 0 ? -1 : method.lastIndexOf('.', dot - 1);
            return method.substring(classDot + 1);
        }
    }

    private final JdbcClient jdbc;
    private final IncompleteEventPublications registry;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;

    EventPublications(JdbcClient jdbc, IncompleteEventPublications registry, AuditTrail audit,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Whether an actor may see and resubmit publications: administrators of the operating organisation. */
    public static boolean mayManage(Actor actor) {
        return actor.operator() && actor.hasRole(Role.ADMINISTRATOR);
    }

    /** Every publication not yet completed, oldest first (at most {@code limit}). */
    @InternalJob("the operator's administrators see the installation's undelivered reactions: their types and dates, "
            + "never a payload")
    public List<Incomplete> incomplete(Actor actor, int limit) {
        requireMayManage(actor);
        return jdbc.sql("""
                select id, event_type, listener_id, publication_date, status, completion_attempts, last_resubmission_date
                from event_publication where completion_date is null order by publication_date, id limit ?""")
                .param(limit).query((rs, n) -> new Incomplete(rs.getObject("id", UUID.class), rs.getString("event_type"),
                        rs.getString("listener_id"), rs.getTimestamp("publication_date").toInstant(),
                        rs.getString("status") == null ? "PUBLISHED" : rs.getString("status"),
                        rs.getInt("completion_attempts"), instant(rs.getTimestamp("last_resubmission_date"))))
                .list();
    }

    /** How many publications are not yet completed. */
    @InternalJob("the operator's administrators see how many reactions are undelivered")
    public long countIncomplete(Actor actor) {
        requireMayManage(actor);
        return jdbc.sql("select count(*) from event_publication where completion_date is null").query(Long.class)
                .single();
    }

    /**
     * Hands one incomplete publication to its listener again. The request is audited first, in its own transaction;
     * the listener then runs as it would have after the original commit (asynchronously, in its own transaction).
     * Listeners are idempotent, so a publication that another instance is still working on does no harm.
     *
     * @throws NotFoundException when there is no incomplete publication with this id (it may have completed)
     */
    public void resubmit(Actor actor, UUID id) {
        requireMayManage(actor);
        transaction.executeWithoutResult(status -> {
            Incomplete publication = find(id).orElseThrow(() -> new NotFoundException("incomplete event publication", id));
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("event", publication.eventType());
            view.put("listener", publication.listener());
            view.put("publishedAt", publication.publishedAt().toString());
            view.put("status", publication.status());
            view.put("attempts", publication.attempts());
            audit.record(actor, "EVENT_PUBLICATION_RESUBMITTED", "EventPublication", id.toString(), null, view, null);
        });
        registry.resubmitIncompletePublications(publication -> publication.getIdentifier().equals(id));
    }

    private Optional<Incomplete> find(UUID id) {
        return jdbc.sql("""
                select id, event_type, listener_id, publication_date, status, completion_attempts, last_resubmission_date
                from event_publication where id = ? and completion_date is null""")
                .param(id).query((rs, n) -> new Incomplete(rs.getObject("id", UUID.class), rs.getString("event_type"),
                        rs.getString("listener_id"), rs.getTimestamp("publication_date").toInstant(),
                        rs.getString("status") == null ? "PUBLISHED" : rs.getString("status"),
                        rs.getInt("completion_attempts"), instant(rs.getTimestamp("last_resubmission_date"))))
                .optional();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static void requireMayManage(Actor actor) {
        if (!mayManage(actor)) {
            throw ProblemException.forbidden("Only administrators of the operating organisation see event publications");
        }
    }
}

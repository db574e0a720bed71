package org.cartpath.audit;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cartpath.shared.Actor;
import org.cartpath.shared.DataScope;
import org.cartpath.shared.DataVisibility;
import org.cartpath.shared.Page;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading the audit trail: administrators and auditors, each within what their organisation may see (the
 * operator's administrators and auditors see every organisation's rows).
 */
@Service
public class AuditLog {

    /** Search criteria; every one is optional. Dates are whole days in the display time zone, inclusive. */
    public record Filter(String entityType, String entityId, String actor, LocalDate from, LocalDate to) {
        public static Filter none() {
            return new Filter(null, null, null, null, null);
        }
    }

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Page<AuditEvent> search(Actor actor, Filter filter, Page.Request request, ZoneId zone) {
        if (!actor.hasAnyRole(Role.ADMINISTRATOR, Role.AUDITOR)) {
            throw ProblemException.forbidden("Only administrators and auditors may read the audit trail");
        }
        if (filter.from() != null && filter.to() != null && filter.from().isAfter(filter.to())) {
            throw ProblemException.invalid("from", "must not be after 'to'");
        }
        DataScope scope = DataVisibility.auditScope(actor);
        List<String> where = new ArrayList<>(List.of(scope.owns("organisation_id")));
        Map<String, Object> params = new HashMap<>();
        if (hasText(filter.entityType())) {
            where.add("lower(entity_type) = lower(:entityType)");
            params.put("entityType", filter.entityType().trim());
        }
        if (hasText(filter.entityId())) {
            where.add("entity_id = :entityId");
            params.put("entityId", filter.entityId().trim());
        }
        if (hasText(filter.actor())) {
            where.add("(actor_id = :actor or actor_name ilike :actorLike)");
            params.put("actor", filter.actor().trim());
            params.put("actorLike", "%" + filter.actor().trim().replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (filter.from() != null) {
            where.add("occurred_at >= :from");
            params.put("from", Timestamp.from(filter.from().atStartOfDay(zone).toInstant()));
        }
        if (filter.to() != null) {
            where.add("occurred_at < :to");
            params.put("to", Timestamp.from(filter.to().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        String clause = " where " + String.join(" and ", where);
        long total = scope.bind(jdbc.sql("select count(*) from audit_event e" + clause).params(params))
                .query(Long.class).single();
        List<AuditEvent> items = scope.bind(jdbc.sql("select e.*, s.seq, s.previous_hash, s.hash from audit_event e"
                        + " left join audit_seal s on s.event_id = e.id" + clause
                        + " order by e.id desc limit :limit offset :offset").params(params))
                .param("limit", request.size()).param("offset", request.offset())
                .query((row, n) -> AuditVerifier.read(row))
                .list();
        return new Page<>(items, request.page(), request.size(), total);
    }

    /**
     * One row by its number, for the same readers and within the same scope as {@link #search}; empty when there is
     * none or it is outside the actor's scope (the FHIR façade's {@code AuditEvent} read, ADR 0034).
     */
    @Transactional(readOnly = true)
    public java.util.Optional<AuditEvent> find(Actor actor, long id) {
        if (!actor.hasAnyRole(Role.ADMINISTRATOR, Role.AUDITOR)) {
            throw ProblemException.forbidden("Only administrators and auditors may read the audit trail");
        }
        DataScope scope = DataVisibility.auditScope(actor);
        return scope.bind(jdbc.sql("select e.*, s.seq, s.previous_hash, s.hash from audit_event e"
                        + " left join audit_seal s on s.event_id = e.id where e.id = :id and " + scope.owns("organisation_id")))
                .param("id", id)
                .query((row, n) -> AuditVerifier.read(row))
                .optional();
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}

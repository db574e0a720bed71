package org.cartpath.interop.outbound;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.cartpath.audit.AuditTrail;
import org.cartpath.identity.Organisation;
import org.cartpath.identity.OrganisationManagement;
import org.cartpath.shared.Actor;
import org.cartpath.shared.DataScope;
import org.cartpath.shared.DataVisibility;
import org.cartpath.shared.NotFoundException;
import org.cartpath.shared.OrganisationId;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.Role;
import org.cartpath.shared.TextLimits;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Subscriptions of hospital systems to the stage changes of their cases (ADR 0033, docs/interop/webhooks.md): made and
 * ended by the organisation's administrators (the operator's administrators for any organisation), each audited.
 */
@Service
public class WebhookSubscriptions {

    /** At most this many active subscriptions per organisation: each stage change is sent to every one of them. */
    public static final int MAX_ACTIVE = 5;
    static final Set<OrganisationKind> SUBSCRIBERS = Set.of(OrganisationKind.TREATMENT_CENTRE,
            OrganisationKind.REFERRING_HOSPITAL);
    private static final SecureRandom RANDOM = new SecureRandom();

    public record NewSubscription(OrganisationId organisationId, String url, String description) {
    }

    private final JdbcClient jdbc;
    private final OrganisationManagement organisations;
    private final AuditTrail audit;
    private final Clock clock;

    WebhookSubscriptions(JdbcClient jdbc, OrganisationManagement organisations, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public IssuedWebhookSubscription create(Actor actor, NewSubscription command) {
        requireAdministrator(actor);
        OrganisationId organisationId = command.organisationId() == null ? actor.organisationId() : command.organisationId();
        if (organisationId == null) {
            throw ProblemException.invalid("organisationId", "choose the organisation whose system is told");
        }
        Organisation organisation = organisations.get(actor, organisationId);
        List<ProblemException.FieldProblem> problems = new ArrayList<>();
        if (!SUBSCRIBERS.contains(organisation.kind())) {
            problems.add(new ProblemException.FieldProblem("organisationId",
                    "only a treatment centre's or a referring hospital's system is told of its cases' stages"));
        }
        String url = command.url() == null ? "" : command.url().trim();
        String urlProblem = urlProblem(url);
        if (urlProblem != null) {
            problems.add(new ProblemException.FieldProblem("url", urlProblem));
        }
        String description = command.description() == null ? "" : command.description().trim();
        if (description.isEmpty() || description.length() > TextLimits.SHORT) {
            problems.add(new ProblemException.FieldProblem("description",
                    "enter what the receiving system is, in at most " + TextLimits.SHORT + " characters"));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        // one active subscription per URL and organisation, and at most MAX_ACTIVE: serialise per organisation
        jdbc.sql("select id from organisation where id = ? for update").param(organisationId.value()).query().listOfRows();
        List<String> active = jdbc.sql("select url from interop_webhook_subscription where organisation_id = ?"
                        + " and ended_at is null").param(organisationId.value()).query(String.class).list();
        if (active.contains(url)) {
            throw ProblemException.conflict("subscription-exists",
                    "This organisation already has an active subscription to " + url);
        }
        if (active.size() >= MAX_ACTIVE) {
            throw ProblemException.conflict("too-many-subscriptions", "This organisation already has " + MAX_ACTIVE
                    + " active subscriptions; end one before adding another");
        }
        UUID id = UUID.randomUUID();
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = "whsec_" + HexFormat.of().formatHex(bytes);
        Instant now = Instant.now(clock);
        jdbc.sql("""
                insert into interop_webhook_subscription (id, organisation_id, url, description, secret, created_at,
                    created_by_id, created_by_name) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, organisationId.value(), url, description, secret, Timestamp.from(now), actor.id(),
                        actor.displayName())
                .update();
        WebhookSubscription made = find(id).orElseThrow();
        audit.record(actor, "WEBHOOK_SUBSCRIPTION_CREATED", "WebhookSubscription", id.toString(), null,
                auditView(made), null);
        return new IssuedWebhookSubscription(made, secret);
    }

    @Transactional
    public WebhookSubscription end(Actor actor, UUID id, String reason) {
        requireAdministrator(actor);
        WebhookSubscription before = get(actor, id);
        String why = reason == null ? "" : reason.trim();
        if (why.isEmpty() || why.length() > TextLimits.SHORT) {
            throw ProblemException.invalid("reason", "give the reason this system is no longer told, in at most "
                    + TextLimits.SHORT + " characters");
        }
        if (!before.active()) {
            throw ProblemException.conflict("subscription-ended", "This subscription was already ended by "
                    + before.endedByName());
        }
        Instant now = Instant.now(clock);
        int changed = jdbc.sql("update interop_webhook_subscription set ended_at = ?, ended_by_name = ?, end_reason = ?"
                        + " where id = ? and ended_at is null")
                .params(Timestamp.from(now), actor.displayName(), why, id).update();
        if (changed == 0) {
            throw ProblemException.conflict("subscription-ended", "This subscription was ended meanwhile");
        }
        // what was still owed is not sent to a system that is no longer told
        jdbc.sql("update interop_webhook_delivery set given_up_at = ?, last_error = 'subscription ended'"
                        + " where subscription_id = ? and delivered_at is null and given_up_at is null")
                .params(Timestamp.from(now), id).update();
        WebhookSubscription after = find(id).orElseThrow();
        audit.record(actor, "WEBHOOK_SUBSCRIPTION_ENDED", "WebhookSubscription", id.toString(), auditView(before),
                auditView(after), why);
        return after;
    }

    @Transactional(readOnly = true)
    public List<WebhookSubscription> list(Actor actor) {
        requireAdministrator(actor);
        DataScope scope = DataVisibility.administrativeScope(actor);
        return scope.bind(jdbc.sql(SELECT + " where " + scope.owns("s.organisation_id")
                        + " order by s.ended_at is not null, s.created_at desc"))
                .query((rs, n) -> row(rs)).list();
    }

    /** One subscription the actor administers; another organisation's: 404. */
    @Transactional(readOnly = true)
    public WebhookSubscription get(Actor actor, UUID id) {
        requireAdministrator(actor);
        WebhookSubscription found = find(id).orElseThrow(() -> new NotFoundException("webhook subscription", id));
        if (!DataVisibility.administrativeScope(actor).includes(found.organisationId())) {
            throw new NotFoundException("webhook subscription", id);
        }
        return found;
    }

    /** The subscription's most recent deliveries, newest first. */
    @Transactional(readOnly = true)
    public List<WebhookDelivery> deliveries(Actor actor, UUID id, int limit) {
        get(actor, id);
        return jdbc.sql("""
                select id, case_id, case_version, event, created_at, attempts, next_attempt_at, delivered_at,
                       given_up_at, last_status, last_error
                from interop_webhook_delivery where subscription_id = ? order by created_at desc, case_version desc
                limit ?""")
                .params(id, Math.max(1, Math.min(limit, 200)))
                .query((rs, n) -> new WebhookDelivery(rs.getObject("id", UUID.class),
                        rs.getObject("case_id", UUID.class), rs.getInt("case_version"), rs.getString("event"),
                        instant(rs.getTimestamp("created_at")), rs.getInt("attempts"),
                        instant(rs.getTimestamp("next_attempt_at")), instant(rs.getTimestamp("delivered_at")),
                        instant(rs.getTimestamp("given_up_at")), (Integer) rs.getObject("last_status"),
                        rs.getString("last_error")))
                .list();
    }

    /**
     * Why {@code url} cannot receive deliveries, or {@code null}: HTTPS, or plain HTTP to this machine's loopback
     * address only (a relay on the same host), no user name or password in it, no fragment.
     */
    static String urlProblem(String url) {
        if (url.isEmpty()) {
            return "enter the address cartpath posts to, starting https://";
        }
        if (url.length() > 2000) {
            return "the address is longer than 2,000 characters";
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "enter a web address such as https://integration.example.nhs.uk/cartpath";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            return "enter a web address such as https://integration.example.nhs.uk/cartpath";
        }
        if (uri.getUserInfo() != null) {
            return "the address must not contain a user name or password";
        }
        if (uri.getFragment() != null) {
            return "the address must not contain a fragment (#…)";
        }
        if (scheme.equals("http") && !loopback(uri.getHost())) {
            return "use https://; plain http:// is allowed only to this machine (localhost)";
        }
        try {
            IDN.toASCII(uri.getHost());
        } catch (IllegalArgumentException e) {
            return "the host name is not valid";
        }
        return null;
    }

    private static boolean loopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("[::1]") || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    private static void requireAdministrator(Actor actor) {
        if (!actor.hasRole(Role.ADMINISTRATOR)) {
            throw ProblemException.forbidden("Only administrators manage the systems told of case stage changes");
        }
    }

    private static final String SELECT = """
            select s.id, s.organisation_id, o.name as organisation_name, s.url, s.description, s.created_at,
                   s.created_by_name, s.ended_at, s.ended_by_name, s.end_reason,
                   (select count(*) from interop_webhook_delivery d where d.subscription_id = s.id
                        and d.delivered_at is not null) as delivered,
                   (select count(*) from interop_webhook_delivery d where d.subscription_id = s.id
                        and d.delivered_at is null and d.given_up_at is null) as waiting,
                   (select count(*) from interop_webhook_delivery d where d.subscription_id = s.id
                        and d.given_up_at is not null) as given_up,
                   (select d.last_error from interop_webhook_delivery d where d.subscription_id = s.id
                        order by d.created_at desc limit 1) as last_error
            from interop_webhook_subscription s join organisation o on o.id = s.organisation_id""";

    private java.util.Optional<WebhookSubscription> find(UUID id) {
        return jdbc.sql(SELECT + " where s.id = ?").param(id).query((rs, n) -> row(rs)).optional();
    }

    private static WebhookSubscription row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new WebhookSubscription(rs.getObject("id", UUID.class),
                new OrganisationId(rs.getObject("organisation_id", UUID.class)), rs.getString("organisation_name"),
                rs.getString("url"), rs.getString("description"), instant(rs.getTimestamp("created_at")),
                rs.getString("created_by_name"), instant(rs.getTimestamp("ended_at")), rs.getString("ended_by_name"),
                rs.getString("end_reason"), rs.getLong("delivered"), rs.getLong("waiting"), rs.getLong("given_up"),
                rs.getString("last_error"));
    }

    private static Map<String, Object> auditView(WebhookSubscription s) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("organisationId", s.organisationId().toString());
        view.put("url", s.url());
        view.put("description", s.description());
        view.put("active", s.active());
        return view;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}

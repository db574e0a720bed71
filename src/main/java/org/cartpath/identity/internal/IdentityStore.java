package org.cartpath.identity.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.cartpath.identity.ApiTokenSummary;
import org.cartpath.identity.Organisation;
import org.cartpath.identity.UserAccount;
import org.cartpath.shared.DataScope;
import org.cartpath.shared.InternalJob;
import org.cartpath.shared.OrganisationId;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.PublishedData;
import org.cartpath.shared.Role;
import org.cartpath.shared.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * SQL for organisations, users and API tokens. Every list query takes the organisation scope computed by
 * {@link org.cartpath.shared.DataVisibility}; {@code null} means every organisation.
 */
@Repository
public class IdentityStore {

    private final JdbcClient jdbc;
    private final CredentialCache cache;

    IdentityStore(JdbcClient jdbc, CredentialCache cache) {
        this.jdbc = jdbc;
        this.cache = cache;
    }

    // --- organisations -------------------------------------------------------------------------------

    public List<Organisation> organisations(DataScope scope) {
        return scope.bind(jdbc.sql("select * from organisation where " + scope.owns("id") + " order by name"))
                .query(IdentityStore::organisation)
                .list();
    }

    /** Every organisation, by name: the directory every organisation chooses its partners from. */
    @PublishedData("the directory of organisations (name, kind, region), published to every organisation")
    public List<Organisation> directory() {
        return jdbc.sql("select * from organisation order by name").query(IdentityStore::organisation).list();
    }

    public Optional<Organisation> organisation(OrganisationId id) {
        return jdbc.sql("select * from organisation where id = ?").param(id.value())
                .query(IdentityStore::organisation).optional();
    }

    public Optional<Organisation> organisationForUpdate(OrganisationId id) {
        return jdbc.sql("select * from organisation where id = ? for update").param(id.value())
                .query(IdentityStore::organisation).optional();
    }

    public boolean organisationNameTaken(String name, OrganisationId except) {
        return jdbc.sql("select count(*) from organisation where lower(name) = lower(?) and id <> ?")
                .params(name.trim(), except == null ? new UUID(0, 0) : except.value())
                .query(Long.class).single() > 0;
    }

    public boolean finTaken(String fin, OrganisationId except) {
        return jdbc.sql("select count(*) from organisation where fin = ? and id <> ?")
                .params(fin, except == null ? new UUID(0, 0) : except.value())
                .query(Long.class).single() > 0;
    }

    public void insert(Organisation o) {
        jdbc.sql("""
                insert into organisation (id, name, kind, region, ods_code, fin, operator, active, version, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, 0, ?)""")
                .params(o.id().value(), o.name(), o.kind().name(), o.region(), o.odsCode(), o.fin(), o.operator(),
                        o.active(), Timestamp.from(o.createdAt()))
                .update();
    }

    /** Updates when the version matches; returns false when someone else changed it first. */
    public boolean update(Organisation o, int expectedVersion) {
        boolean updated = jdbc.sql("""
                update organisation set name = ?, region = ?, ods_code = ?, fin = ?, active = ?, version = version + 1
                where id = ? and version = ?""")
                .params(o.name(), o.region(), o.odsCode(), o.fin(), o.active(), o.id().value(), expectedVersion)
                .update() == 1;
        forgetOnCommit("organisation " + o.id());
        return updated;
    }

    static Organisation organisation(ResultSet row, int n) throws SQLException {
        return new Organisation(
                new OrganisationId(row.getObject("id", UUID.class)),
                row.getString("name"),
                OrganisationKind.valueOf(row.getString("kind")),
                row.getString("region"),
                row.getString("ods_code"),
                row.getString("fin"),
                row.getBoolean("operator"),
                row.getBoolean("active"),
                row.getInt("version"),
                instant(row, "created_at"));
    }

    // --- users ---------------------------------------------------------------------------------------

    private static final String USER_SELECT = """
            select u.*, o.name as organisation_name, o.kind as organisation_kind, o.operator as organisation_operator,
                   o.active as organisation_active,
                   coalesce((select array_agg(r.role order by r.role) from user_role r where r.user_id = u.id), '{}') as roles
            from app_user u join organisation o on o.id = u.organisation_id
            """;

    public List<UserAccount> users(DataScope scope, OrganisationId organisationFilter) {
        return scope.bind(jdbc.sql(USER_SELECT + " where " + scope.owns("u.organisation_id") + """
                  and (cast(:filter as uuid) is null or u.organisation_id = :filter)
                order by o.name, u.display_name"""))
                .param("filter", organisationFilter == null ? null : organisationFilter.value())
                .query(IdentityStore::user)
                .list();
    }

    public Optional<UserAccount> user(UserId id) {
        return jdbc.sql(USER_SELECT + " where u.id = ?").param(id.value()).query(IdentityStore::user).optional();
    }

    /** The stored credentials of a user, for sign-in and signatures only. */
    public record Credentials(UserAccount account, String passwordHash, boolean organisationOperator,
            boolean organisationActive) {
    }

    public Optional<Credentials> credentialsByUsername(String username) {
        return jdbc.sql(USER_SELECT + " where lower(u.username) = lower(?)").param(username.trim())
                .query((row, n) -> new Credentials(user(row, n), row.getString("password_hash"),
                        row.getBoolean("organisation_operator"), row.getBoolean("organisation_active")))
                .optional();
    }

    public Optional<Credentials> credentials(UserId id) {
        return jdbc.sql(USER_SELECT + " where u.id = ?").param(id.value())
                .query((row, n) -> new Credentials(user(row, n), row.getString("password_hash"),
                        row.getBoolean("organisation_operator"), row.getBoolean("organisation_active")))
                .optional();
    }

    public boolean usernameTaken(String username) {
        return jdbc.sql("select count(*) from app_user where lower(username) = lower(?)").param(username.trim())
                .query(Long.class).single() > 0;
    }

    public void insert(UserAccount user, String passwordHash, Instant now) {
        jdbc.sql("""
                insert into app_user (id, organisation_id, username, display_name, email, job_title, password_hash,
                    must_change_password, enabled, password_changed_at, version, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)""")
                .params(user.id().value(), user.organisationId().value(), user.username(), user.displayName(),
                        user.email(), user.jobTitle(), passwordHash, user.mustChangePassword(), user.enabled(),
                        Timestamp.from(now), Timestamp.from(user.createdAt()))
                .update();
        replaceRoles(user.id(), user.roles());
    }

    public boolean update(UserAccount user, int expectedVersion) {
        int rows = jdbc.sql("""
                update app_user set display_name = ?, email = ?, job_title = ?, enabled = ?, version = version + 1
                where id = ? and version = ?""")
                .params(user.displayName(), user.email(), user.jobTitle(), user.enabled(), user.id().value(),
                        expectedVersion)
                .update();
        if (rows == 1) {
            replaceRoles(user.id(), user.roles());
            forgetOnCommit("user " + user.id());
        }
        return rows == 1;
    }

    public void setPassword(UserId id, String passwordHash, boolean mustChange, Instant now) {
        jdbc.sql("""
                update app_user set password_hash = ?, must_change_password = ?, password_changed_at = ?,
                    version = version + 1
                where id = ?""")
                .params(passwordHash, mustChange, Timestamp.from(now), id.value())
                .update();
        forgetOnCommit("user " + id);
    }

    private void replaceRoles(UserId id, Set<Role> roles) {
        jdbc.sql("delete from user_role where user_id = ?").param(id.value()).update();
        for (Role role : roles) {
            jdbc.sql("insert into user_role (user_id, role) values (?, ?)").params(id.value(), role.name()).update();
        }
    }

    static UserAccount user(ResultSet row, int n) throws SQLException {
        return new UserAccount(
                new UserId(row.getObject("id", UUID.class)),
                new OrganisationId(row.getObject("organisation_id", UUID.class)),
                row.getString("organisation_name"),
                OrganisationKind.valueOf(row.getString("organisation_kind")),
                row.getString("username"),
                row.getString("display_name"),
                row.getString("email"),
                row.getString("job_title"),
                roles(row.getArray("roles")),
                row.getBoolean("enabled"),
                row.getBoolean("must_change_password"),
                row.getInt("version"),
                instant(row, "created_at"));
    }

    // --- API tokens ----------------------------------------------------------------------------------

    private static final String TOKEN_SELECT = """
            select t.*, o.name as organisation_name from api_token t join organisation o on o.id = t.organisation_id
            """;

    public List<ApiTokenSummary> tokens(DataScope scope) {
        return scope.bind(jdbc.sql(TOKEN_SELECT + " where " + scope.owns("t.organisation_id")
                        + " order by t.revoked_at nulls first, o.name, t.name"))
                .query(IdentityStore::token)
                .list();
    }

    public Optional<ApiTokenSummary> token(UUID id) {
        return jdbc.sql(TOKEN_SELECT + " where t.id = ?").param(id).query(IdentityStore::token).optional();
    }

    public record StoredToken(ApiTokenSummary summary, String hash, OrganisationKind organisationKind,
            boolean organisationOperator, boolean organisationActive) {
    }

    public Optional<StoredToken> tokenByPrefix(String prefix) {
        return jdbc.sql("""
                select t.*, o.name as organisation_name, o.kind as organisation_kind, o.operator as organisation_operator,
                       o.active as organisation_active
                from api_token t join organisation o on o.id = t.organisation_id where t.token_prefix = ?""")
                .param(prefix)
                .query((row, n) -> new StoredToken(token(row, n), row.getString("token_hash"),
                        OrganisationKind.valueOf(row.getString("organisation_kind")),
                        row.getBoolean("organisation_operator"), row.getBoolean("organisation_active")))
                .optional();
    }

    public void insert(ApiTokenSummary token, String hash) {
        jdbc.sql("""
                insert into api_token (id, organisation_id, name, token_prefix, token_hash, roles, created_by, created_at,
                    scopes)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(token.id(), token.organisationId().value(), token.name(), token.prefix(), hash,
                        token.roles().stream().map(Role::name).sorted().toArray(String[]::new), token.createdBy(),
                        Timestamp.from(token.createdAt()), token.scopes().stream().sorted().toArray(String[]::new))
                .update();
    }

    public boolean revoke(UUID id, String by, Instant at) {
        boolean revoked = jdbc.sql("update api_token set revoked_at = ?, revoked_by = ? where id = ? and revoked_at is null")
                .params(Timestamp.from(at), by, id)
                .update() == 1;
        token(id).ifPresent(token -> forgetOnCommit("token " + token.prefix()));
        return revoked;
    }

    /** Marks a token used, at most once a minute, so that busy clients do not write on every call. */
    public void touch(UUID id, Instant at) {
        jdbc.sql("""
                update api_token set last_used_at = ?
                where id = ? and (last_used_at is null or last_used_at < ?)""")
                .params(Timestamp.from(at), id, Timestamp.from(at.minusSeconds(60)))
                .update();
    }

    static ApiTokenSummary token(ResultSet row, int n) throws SQLException {
        return new ApiTokenSummary(
                row.getObject("id", UUID.class),
                new OrganisationId(row.getObject("organisation_id", UUID.class)),
                row.getString("organisation_name"),
                row.getString("name"),
                row.getString("token_prefix"),
                roles(row.getArray("roles")),
                row.getString("created_by"),
                instant(row, "created_at"),
                instant(row, "revoked_at"),
                row.getString("revoked_by"),
                instant(row, "last_used_at"),
                scopes(row.getArray("scopes")));
    }

    private static Set<String> scopes(java.sql.Array array) throws SQLException {
        return new java.util.TreeSet<>(java.util.Arrays.asList((String[]) array.getArray()));
    }

    /** The scopes of a live token of an active organisation (none if revoked or unknown). */
    public Set<String> liveTokenScopes(UUID id) {
        return jdbc.sql("""
                select t.scopes from api_token t join organisation o on o.id = t.organisation_id
                where t.id = ? and t.revoked_at is null and o.active""")
                .param(id).query((row, n) -> scopes(row.getArray("scopes"))).optional().orElse(Set.of());
    }

    // --- sign-in attempts ----------------------------------------------------------------------------

    public void recordSignInAttempt(String username, String address, boolean succeeded, Instant at) {
        jdbc.sql("insert into sign_in_attempt (username, remote_address, succeeded, attempted_at) values (?, ?, ?, ?)")
                .params(username, address, succeeded, Timestamp.from(at))
                .update();
    }

    /**
     * Failed attempts for an account since {@code since}, not counting those before the account's last
     * successful sign-in. Returned oldest first.
     */
    @InternalJob("sign-in throttling: the failed attempts of a user name decide a refusal and are never shown")
    public List<Instant> failuresForAccount(String username, Instant since) {
        return jdbc.sql("""
                select attempted_at from sign_in_attempt
                where lower(username) = lower(:u) and not succeeded and attempted_at > :since
                  and attempted_at > coalesce((select max(attempted_at) from sign_in_attempt
                                               where lower(username) = lower(:u) and succeeded), '-infinity')
                order by attempted_at""")
                .param("u", username.trim())
                .param("since", Timestamp.from(since))
                .query((row, n) -> instant(row, "attempted_at"))
                .list();
    }

    @InternalJob("sign-in throttling: the failed attempts from an address decide a refusal and are never shown")
    public List<Instant> failuresFromAddress(String address, Instant since) {
        return jdbc.sql("""
                select attempted_at from sign_in_attempt
                where remote_address = ? and not succeeded and attempted_at > ?
                order by attempted_at""")
                .params(address, Timestamp.from(since))
                .query((row, n) -> instant(row, "attempted_at"))
                .list();
    }

    // --- helpers -------------------------------------------------------------------------------------

    /**
     * This instance forgets the cached credentials as soon as the change commits, before the request that made it
     * answers (the user who changed their password is not sent back to change it again). Other instances learn it
     * from the database's notice (V200, ADR 0029), which this instance receives too.
     */
    private void forgetOnCommit(String notice) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    cache.invalidate(notice);
                }
            });
        } else {
            cache.invalidate(notice);
        }
    }

    static Set<Role> roles(Array array) throws SQLException {
        if (array == null) {
            return Set.of();
        }
        String[] names = (String[]) array.getArray();
        if (names.length == 0) {
            return Set.of();
        }
        return Arrays.stream(names).map(Role::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** Key/value view used for audit rows. */
    public static Map<String, Object> auditView(UserAccount user) {
        Map<String, Object> view = new java.util.LinkedHashMap<>();
        view.put("id", user.id().toString());
        view.put("organisationId", user.organisationId().toString());
        view.put("username", user.username());
        view.put("displayName", user.displayName());
        view.put("email", user.email());
        view.put("jobTitle", user.jobTitle());
        view.put("roles", new ArrayList<>(user.roles().stream().map(Role::name).sorted().toList()));
        view.put("enabled", user.enabled());
        view.put("mustChangePassword", user.mustChangePassword());
        return view;
    }
}

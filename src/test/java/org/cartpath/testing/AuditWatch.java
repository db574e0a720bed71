package org.cartpath.testing;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Every state change writes its audit row in the same transaction, checked for every integration test class: a
 * trigger on every table of record notes the id of each transaction that changes a row, and after each test class any
 * committed transaction that changed a table of record without writing an {@code audit_event} row fails the class,
 * naming the tables. Whatever the tests drive — pages, API, scheduled jobs, reactions to events — is covered, not a
 * list of operations somebody remembered.
 *
 * <p>The application connects as its own role; a test that must put the database in a state the application cannot
 * reach (a misconfiguration, a date moved back) writes as the owner ({@link TestDatabase#superuser}), and those writes
 * are not watched.
 *
 * <p>{@link #OPERATIONAL} are tables that are not a record of care: sessions, sign-in throttling, stored idempotent
 * answers, the data-access log and the audit chain's seals and signed checkpoints (the audit record itself), who has read a referral's message, the webhook outbox's
 * delivery attempts and the event registry's bookkeeping; an API token's last use is noted without an audit row.
 */
public final class AuditWatch implements BeforeAllCallback, AfterAllCallback {

    static final Set<String> OPERATIONAL = Set.of("audit_event", "audit_seal", "audit_checkpoint", "spring_session", "spring_session_attributes",
            "idempotency_record", "sign_in_attempt", "data_access", "referral_message_read",
            "monitoring_webhook_delivery", "interop_webhook_delivery", "event_publication", "event_publication_archive", "flyway_schema_history",
            "test_write_watch");

    /**
     * Tables of which only some columns are a record: an API token's use is noted, its issue and revocation audited; an
     * export's progress is noted, its start and each change of its status audited.
     */
    private static final Map<String, String> WATCHED_UPDATES = Map.of("api_token", "update of revoked_at, revoked_by",
            "reporting_export", "update of status");

    private static final Set<String> WATCHED_DATABASES = ConcurrentHashMap.newKeySet();

    @Override
    public void beforeAll(ExtensionContext context) {
        String database = database(context);
        if (WATCHED_DATABASES.add(database)) {
            install(JdbcClient.create(TestDatabase.superuser(database)));
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        // the reactions this class's changes caused finish (and audit) before the count, and not in the next class
        SpringExtension.getApplicationContext(context).getBean(Reactions.class).settle();
        JdbcClient superuser = JdbcClient.create(TestDatabase.superuser(database(context)));
        List<Map<String, Object>> unaudited = superuser.sql("""
                select w.table_name, count(distinct w.txid) as transactions from test_write_watch w
                where w.table_name <> 'audit_event'
                  and not exists (select 1 from test_write_watch a where a.txid = w.txid and a.table_name = 'audit_event')
                group by w.table_name order by w.table_name""").query().listOfRows();
        superuser.sql("truncate test_write_watch").update();
        if (!unaudited.isEmpty()) {
            throw new AssertionError("Transactions changed tables of record without an audit row (during "
                    + context.getDisplayName() + "): " + unaudited.stream()
                            .map(row -> row.get("table_name") + " (" + row.get("transactions") + ")")
                            .collect(Collectors.joining(", ")));
        }
    }

    private static String database(ExtensionContext context) {
        ApplicationContext application = SpringExtension.getApplicationContext(context);
        return application.getEnvironment().getRequiredProperty(TestDatabaseInitializer.DATABASE_PROPERTY);
    }

    private static void install(JdbcClient superuser) {
        superuser.sql("""
                create unlogged table if not exists test_write_watch
                (txid bigint not null, table_name text not null, primary key (txid, table_name))""").update();
        superuser.sql("""
                create or replace function test_note_write() returns trigger language plpgsql security definer as $$
                begin
                    if session_user = 'postgres' then
                        return null; -- a test's own set-up, as the database's owner would: not the application
                    end if;
                    insert into test_write_watch (txid, table_name) values (txid_current(), tg_table_name)
                    on conflict do nothing;
                    return null;
                end $$""").update();
        List<String> tables = superuser.sql("""
                select tablename from pg_tables where schemaname = 'public' order by tablename""")
                .query(String.class).list();
        for (String table : tables) {
            if (OPERATIONAL.contains(table) && !table.equals("audit_event")) {
                continue;
            }
            superuser.sql("create trigger zz_test_write_watch after insert or delete or "
                    + WATCHED_UPDATES.getOrDefault(table, "update") + " on \"" + table
                    + "\" for each row execute function test_note_write()").update();
        }
    }
}

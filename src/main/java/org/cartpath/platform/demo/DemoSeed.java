package org.cartpath.platform.demo;

import java.util.HashMap;
import java.util.Map;
import org.cartpath.identity.ApiTokenManagement;
import org.cartpath.identity.ApiTokenManagement.NewApiToken;
import org.cartpath.identity.Organisation;
import org.cartpath.identity.OrganisationManagement;
import org.cartpath.identity.OrganisationManagement.NewOrganisation;
import org.cartpath.identity.UserManagement;
import org.cartpath.identity.UserManagement.NewUser;
import org.cartpath.platform.CartpathSettings;
import org.cartpath.shared.DemoDataReady;
import org.cartpath.platform.database.DatabaseServer;
import org.cartpath.shared.Actor;
import org.cartpath.shared.OrganisationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds the demo organisations, users and tokens into an empty database, once, and prints how to sign in
 * at every start. Runs with the embedded database unless {@code CARTPATH_DEMO=false}; with an external
 * database only if {@code CARTPATH_DEMO=true}.
 */
@Component
class DemoSeed {

    private static final Logger log = LoggerFactory.getLogger(DemoSeed.class);

    private final CartpathSettings settings;
    private final DatabaseServer database;
    private final OrganisationManagement organisations;
    private final UserManagement users;
    private final ApiTokenManagement tokens;
    private final TransactionTemplate transaction;
    private final Environment environment;
    private final ApplicationEventPublisher events;

    DemoSeed(CartpathSettings settings, DatabaseServer database, OrganisationManagement organisations,
            UserManagement users, ApiTokenManagement tokens, TransactionTemplate transaction, Environment environment,
            ApplicationEventPublisher events) {
        this.settings = settings;
        this.database = database;
        this.organisations = organisations;
        this.users = users;
        this.tokens = tokens;
        this.transaction = transaction;
        this.environment = environment;
        this.events = events;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seedAndAnnounce() {
        if (!environment.getProperty("cartpath.cli", Boolean.class, false) && settings.seedDemo(database.embedded())) {
            seedIfEmpty();
            events.publishEvent(new DemoDataReady(demoOrganisations()));
            announce();
        }
    }

    /** Seeds when the database has no organisations; returns whether it did. */
    boolean seedIfEmpty() {
        Actor seed = Actor.system("demo seed");
        Boolean seeded = transaction.execute(status -> {
            if (!organisations.directory().isEmpty()) {
                return false;
            }
            Map<String, Organisation> byKey = new HashMap<>();
            for (DemoData.DemoOrganisation o : DemoData.ORGANISATIONS) {
                NewOrganisation command = new NewOrganisation(o.name(), o.kind(), o.region(),
                        DemoData.ODS_CODES.get(o.key()), o.fin());
                byKey.put(o.key(), o.operator() ? organisations.createOperator(seed, command)
                        : organisations.create(seed, command));
            }
            for (DemoData.DemoUser u : DemoData.USERS) {
                users.createWithPassword(seed, new NewUser(byKey.get(u.organisation()).id(), u.username(),
                        u.displayName(), null, u.jobTitle(), u.roles()), DemoData.PASSWORD);
            }
            for (DemoData.DemoToken t : DemoData.TOKENS) {
                tokens.createWithKnownValue(seed, new NewApiToken(byKey.get(t.organisation()).id(), t.name(), t.roles()),
                        t.prefix(), t.secret());
            }
            return true;
        });
        if (Boolean.TRUE.equals(seeded)) {
            log.info("Seeded the demo organisations, users and API tokens");
        }
        return Boolean.TRUE.equals(seeded);
    }

    /** The demo organisations that exist, by key: modules seed their demo data for these. */
    private Map<String, OrganisationId> demoOrganisations() {
        Map<String, OrganisationId> byKey = new HashMap<>();
        for (Organisation o : organisations.directory()) {
            DemoData.ORGANISATIONS.stream().filter(d -> d.name().equals(o.name()) && d.kind() == o.kind())
                    .findFirst().ifPresent(d -> byKey.put(d.key(), o.id()));
        }
        return byKey;
    }

    private void announce() {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        StringBuilder text = new StringBuilder("\n\n");
        text.append("  cartpath is ready: http://localhost:").append(port).append("/\n");
        text.append("  Database: ").append(database.description()).append("\n\n");
        text.append("  Demo sign-ins (every password is ").append(DemoData.PASSWORD).append("):\n");
        for (DemoData.DemoUser u : DemoData.USERS) {
            String organisation = DemoData.ORGANISATIONS.stream().filter(o -> o.key().equals(u.organisation()))
                    .findFirst().orElseThrow().name();
            text.append(String.format("    %-16s %-24s %s%n", u.username(),
                    u.roles().iterator().next().label(), organisation));
        }
        text.append("\n  Demo API tokens (Authorization: Bearer <token>; API docs at /api/v1/docs):\n");
        for (DemoData.DemoToken t : DemoData.TOKENS) {
            text.append(String.format("    %-34s %s%n", t.name(), t.value()));
        }
        text.append("\n  Demo data only: never enter real patients into a demo installation.\n");
        log.info(text.toString());
    }
}

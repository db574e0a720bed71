package org.cartpath.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The reactions that run after a commit (docs/adr/0022-reactions-through-the-event-publication-registry.md) write
 * their own rows, audit rows among them, a moment after the change that caused them. A test that counts every audit
 * row before and after a refused request waits here first, so that an earlier booking's notice does not land in
 * between.
 */
@Component
public class Reactions {

    private final JdbcClient jdbc;

    Reactions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Waits (up to 20 seconds) until no publication is waiting or running; failed ones do not finish by themselves. */
    public void settle() {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> jdbc.sql("""
                select count(*) from event_publication
                where completion_date is null and coalesce(status, 'PUBLISHED') <> 'FAILED'""")
                .query(Long.class).single() == 0);
    }
}

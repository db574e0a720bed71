package org.cartpath.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * cartpath's own settings. Every one can be given as an environment variable: {@code CARTPATH_DATA_DIR},
 * {@code CARTPATH_DB_URL}, {@code CARTPATH_DB_USER}, {@code CARTPATH_DB_PASSWORD},
 * {@code CARTPATH_DB_OWNER_USER}, {@code CARTPATH_DB_OWNER_PASSWORD}, {@code CARTPATH_DB_CONNECTION_TIMEOUT},
 * {@code CARTPATH_DEMO},
 * {@code CARTPATH_TIME_ZONE}.
 *
 * @param data where the embedded database keeps its files
 * @param db   an external PostgreSQL server; when its url is empty cartpath starts its own
 * @param demo whether to seed demo organisations, users and tokens on an empty database; by default only
 *             with the embedded server
 * @param time the time zone people see (times are stored in UTC)
 */
@ConfigurationProperties("cartpath")
public record CartpathSettings(Data data, Db db, Boolean demo, Time time) {

    public CartpathSettings {
        data = data == null ? new Data(null) : data;
        db = db == null ? new Db(null, null, null, null, null) : db;
        time = time == null ? new Time(null) : time;
    }

    public record Data(String dir) {
        public Path directory() {
            return Path.of(dir == null || dir.isBlank() ? "./data" : dir);
        }
    }

    /**
     * @param connectionTimeout how long a request waits for a database connection before it is answered 503
     *                          (default 5 seconds: a database that is down is reported at once, not after the
     *                          pool's default 30 seconds)
     */
    public record Db(String url, String user, String password, Owner owner, Duration connectionTimeout) {
        public Db {
            connectionTimeout = connectionTimeout == null ? Duration.ofSeconds(5) : connectionTimeout;
        }

        public boolean external() {
            return url != null && !url.isBlank();
        }
    }

    public record Owner(String user, String password) {
    }

    public record Time(String zone) {
        public ZoneId zoneId() {
            return ZoneId.of(zone == null || zone.isBlank() ? "Europe/London" : zone);
        }
    }

    /** Demo data: on with the embedded database unless switched off, off with an external one unless switched on. */
    public boolean seedDemo(boolean embedded) {
        return demo != null ? demo : embedded;
    }
}

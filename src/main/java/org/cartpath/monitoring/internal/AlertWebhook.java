package org.cartpath.monitoring.internal;

import jakarta.annotation.PreDestroy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.cartpath.monitoring.MonitoringAlert;
import org.cartpath.shared.InternalJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.cartpath.shared.Outbox;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Alerts POSTed to the configured webhook ({@code cartpath.monitoring.webhook-url}) as a small JSON without
 * patient identity: the case reference, the kind of alert, the grade and the day. An outbox: the delivery is
 * written with the alert, in its transaction, and sent after commit; a failure (no answer or not 2xx) is
 * tried again after {@code webhook-retry-after}, doubling each time, up to {@code webhook-attempts} tries. A
 * row is claimed with {@code for update skip locked}, so several instances never send one alert twice at
 * once; a receiver may still see a repeat if an answer is lost, so the payload carries the alert id.
 */
@Component
public class AlertWebhook {

    private static final Logger log = LoggerFactory.getLogger(AlertWebhook.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final JsonMapper json;
    private final Clock clock;
    private final MonitoringSettings settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "monitoring-webhook");
        thread.setDaemon(true);
        return thread;
    });

    AlertWebhook(JdbcClient jdbc, PlatformTransactionManager transactions, JsonMapper json, Clock clock,
            MonitoringSettings settings) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.json = json;
        this.clock = clock;
        this.settings = settings;
    }

    /** Queues the alert for the webhook, if one is configured, in the caller's transaction. */
    public void enqueueIfConfigured(MonitoringAlert alert) {
        settings.webhook().ifPresent(target -> enqueue(alert, target));
    }

    /** Queues the alert for a webhook and sends it once the caller's transaction commits. */
    public void enqueue(MonitoringAlert alert, URI target) {
        jdbc.sql("insert into monitoring_webhook_delivery (alert_id, payload, next_attempt_at) values (?, ?, ?)")
                .params(alert.id(), json.writeValueAsString(payload(alert)), Timestamp.from(Instant.now(clock)))
                .update();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    sender.execute(() -> deliverDue(target));
                }
            });
        }
    }

    /** What the receiver learns: never the patient's identity. */
    static Map<String, Object> payload(MonitoringAlert alert) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("alertId", alert.id().toString());
        payload.put("caseReference", alert.caseReference());
        payload.put("kind", alert.kind().name());
        payload.put("grade", alert.grade());
        payload.put("dayNumber", alert.dayNumber());
        payload.put("raisedAt", alert.raisedAt().toString());
        return payload;
    }

    /** Sends every delivery that is due to {@code target}; returns how many were delivered. */
    @InternalJob("delivers queued alerts to the configured webhook; the payload carries no patient identity")
    public int deliverDue(URI target) {
        return Outbox.drain(transaction, () -> deliverOne(target), log);
    }

    /** Claims one due delivery and tries it; empty when none is due. */
    private Optional<Boolean> deliverOne(URI target) {
        Instant now = Instant.now(clock);
        Optional<Map<String, Object>> due = jdbc.sql("""
                select alert_id, payload, attempts from monitoring_webhook_delivery
                where delivered_at is null and given_up_at is null and next_attempt_at <= ?
                order by next_attempt_at limit 1 for update skip locked""")
                .param(Timestamp.from(now)).query().listOfRows().stream().findFirst();
        if (due.isEmpty()) {
            return Optional.empty();
        }
        UUID id = (UUID) due.get().get("alert_id");
        int attempts = ((Number) due.get().get("attempts")).intValue() + 1;
        String error = post(target, (String) due.get().get("payload"));
        if (error == null) {
            jdbc.sql("update monitoring_webhook_delivery set attempts = ?, delivered_at = ?, last_error = null"
                            + " where alert_id = ?")
                    .params(attempts, Timestamp.from(now), id).update();
            return Optional.of(true);
        }
        boolean giveUp = attempts >= settings.webhookAttempts();
        Instant next = Outbox.nextAttempt(now, settings.webhookRetryAfter(), attempts);
        jdbc.sql("update monitoring_webhook_delivery set attempts = ?, next_attempt_at = ?, given_up_at = ?,"
                        + " last_error = ? where alert_id = ?")
                .params(attempts, Timestamp.from(next), giveUp ? Timestamp.from(now) : null, error, id).update();
        if (giveUp) {
            log.error("Webhook delivery of alert {} given up after {} attempts: {}", id, attempts, error);
        }
        return Optional.of(false);
    }

    /** The error, or null when the receiver answered 2xx. */
    private String post(URI target, String body) {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode();
        } catch (java.io.IOException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    @PreDestroy
    void stop() {
        sender.shutdownNow();
    }
}

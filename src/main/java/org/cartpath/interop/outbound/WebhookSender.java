package org.cartpath.interop.outbound;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.cartpath.shared.InternalJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.cartpath.shared.Outbox;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Posts the webhook outbox's deliveries (ADR 0033): just after the commit that wrote them, and every
 * {@code cartpath.interop.webhooks.send-every} for those that failed. Each is signed ({@link WebhookSignature}); a
 * failure (no answer in 10 s, or not 2xx) is tried again after {@code retry-after}, doubling each time, up to
 * {@code attempts} tries, then given up and shown as such on the subscription's page. A row is claimed with
 * {@code for update skip locked}, so several instances never post one delivery at once; a receiver may still see a
 * repeat if its answer is lost, and recognises it by {@code deliveryId}.
 */
@Component
class WebhookSender {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
    private static final int ERROR_LENGTH = 300;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration retryAfter;
    private final int attempts;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final ExecutorService soon = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "interop-webhook");
        thread.setDaemon(true);
        return thread;
    });

    WebhookSender(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock,
            @Value("${cartpath.interop.webhooks.retry-after:PT30S}") Duration retryAfter,
            @Value("${cartpath.interop.webhooks.attempts:10}") int attempts) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.retryAfter = retryAfter;
        this.attempts = attempts;
    }

    /** Sends what is due in the background, now (after a commit that queued deliveries). */
    void sendSoon() {
        try {
            soon.execute(this::deliverDue);
        } catch (RejectedExecutionException e) {
            log.debug("Webhook sender stopped; deliveries wait for the next start");
        }
    }

    @Scheduled(initialDelayString = "${cartpath.interop.webhooks.send-every:PT10S}",
            fixedDelayString = "${cartpath.interop.webhooks.send-every:PT10S}")
    void scheduled() {
        deliverDue();
    }

    /** Posts every delivery that is due, one at a time; returns how many were answered 2xx. */
    @InternalJob("posts the queued stage-change notices of every subscription; they carry no patient identity")
    int deliverDue() {
        return Outbox.drain(transaction, this::deliverOne, log);
    }

    private Optional<Boolean> deliverOne() {
        Instant now = Instant.now(clock);
        Optional<Map<String, Object>> due = jdbc.sql("""
                select d.id, d.payload, d.attempts, s.url, s.secret
                from interop_webhook_delivery d join interop_webhook_subscription s on s.id = d.subscription_id
                where d.delivered_at is null and d.given_up_at is null and d.next_attempt_at <= ?
                  and s.ended_at is null
                order by d.next_attempt_at, d.created_at limit 1 for update of d skip locked""")
                .param(Timestamp.from(now)).query().listOfRows().stream().findFirst();
        if (due.isEmpty()) {
            return Optional.empty();
        }
        UUID id = (UUID) due.get().get("id");
        int attempt = ((Number) due.get().get("attempts")).intValue() + 1;
        String body = (String) due.get().get("payload");
        Result result = post(URI.create((String) due.get().get("url")), (String) due.get().get("secret"), id, body, now);
        if (result.error() == null) {
            jdbc.sql("update interop_webhook_delivery set attempts = ?, delivered_at = ?, last_status = ?,"
                            + " last_error = null where id = ?")
                    .params(attempt, Timestamp.from(now), result.status(), id).update();
            return Optional.of(true);
        }
        boolean giveUp = attempt >= attempts;
        Instant next = Outbox.nextAttempt(now, retryAfter, attempt);
        jdbc.sql("update interop_webhook_delivery set attempts = ?, next_attempt_at = ?, given_up_at = ?,"
                        + " last_status = ?, last_error = ? where id = ?")
                .params(attempt, Timestamp.from(next), giveUp ? Timestamp.from(now) : null, result.status(),
                        result.error(), id).update();
        if (giveUp) {
            log.error("Webhook delivery {} given up after {} attempts: {}", id, attempt, result.error());
        }
        return Optional.of(false);
    }

    private record Result(Integer status, String error) {
    }

    private Result post(URI target, String secret, UUID deliveryId, String body, Instant now) {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("Cartpath-Delivery", deliveryId.toString())
                    .header(WebhookSignature.HEADER, WebhookSignature.header(secret, now.getEpochSecond(), body))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return status / 100 == 2 ? new Result(status, null) : new Result(status, "HTTP " + status);
        } catch (IOException e) {
            String message = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            return new Result(null, message.length() > ERROR_LENGTH ? message.substring(0, ERROR_LENGTH) : message);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(null, "interrupted");
        }
    }

    @PreDestroy
    void stop() {
        soon.shutdownNow();
    }
}

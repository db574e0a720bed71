package org.cartpath.monitoring.internal;

import org.cartpath.monitoring.MonitoringAlerts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The scheduled parts of monitoring: the missed-assessment check (one instance at a time, by an advisory lock
 * inside {@link MonitoringAlerts#checkMissedAssessments()}) and the retries of webhook deliveries (rows
 * claimed with {@code skip locked}). Both are safe to run on every instance.
 */
@Component
class MonitoringJobs {

    private static final Logger log = LoggerFactory.getLogger(MonitoringJobs.class);

    private final MonitoringAlerts alerts;
    private final AlertWebhook webhook;
    private final MonitoringSettings settings;

    MonitoringJobs(MonitoringAlerts alerts, AlertWebhook webhook, MonitoringSettings settings) {
        this.alerts = alerts;
        this.webhook = webhook;
        this.settings = settings;
    }

    @Scheduled(initialDelayString = "${cartpath.monitoring.missed-check-every:PT15M}",
            fixedDelayString = "${cartpath.monitoring.missed-check-every:PT15M}")
    void checkMissedAssessments() {
        try {
            int raised = alerts.checkMissedAssessments();
            if (raised > 0) {
                log.info("Missed-assessment check raised {} alert(s)", raised);
            }
        } catch (RuntimeException e) {
            log.error("Missed-assessment check failed", e);
        }
    }

    @Scheduled(initialDelayString = "${cartpath.monitoring.webhook-relay-every:PT30S}",
            fixedDelayString = "${cartpath.monitoring.webhook-relay-every:PT30S}")
    void retryWebhookDeliveries() {
        settings.webhook().ifPresent(webhook::deliverDue);
    }
}

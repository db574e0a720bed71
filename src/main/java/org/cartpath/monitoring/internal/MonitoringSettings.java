package org.cartpath.monitoring.internal;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Monitoring's settings ({@code cartpath.monitoring.*} in application.yml; the webhook also as the
 * environment variable {@code CARTPATH_MONITORING_WEBHOOK_URL}). Every default here is the centre's working
 * default, not a clinical source, except where the alert defaults restate ADR 0011's rule set.
 *
 * @param boardDays     the board shows cases from day 0 to this day
 * @param webhookUrl    where alerts are also POSTed, if set
 * @param webhookAttempts how many times a delivery is tried before giving up
 * @param webhookRetryAfter the wait before the second try; it doubles after each failure
 */
@ConfigurationProperties("cartpath.monitoring")
public record MonitoringSettings(Integer boardDays, String webhookUrl, Integer webhookAttempts,
        Duration webhookRetryAfter, Schedule schedule, Alerts alerts) {

    public MonitoringSettings {
        boardDays = boardDays == null ? 28 : boardDays;
        webhookAttempts = webhookAttempts == null ? 5 : webhookAttempts;
        webhookRetryAfter = webhookRetryAfter == null ? Duration.ofMinutes(1) : webhookRetryAfter;
        schedule = schedule == null ? new Schedule(null, null, null) : schedule;
        alerts = alerts == null ? new Alerts(null, null, null, null) : alerts;
        if (boardDays < 0 || webhookAttempts < 1) {
            throw new IllegalArgumentException("cartpath.monitoring.board-days must be 0 or more and webhook-attempts 1 or more");
        }
    }

    public Optional<URI> webhook() {
        return webhookUrl == null || webhookUrl.isBlank() ? Optional.empty() : Optional.of(URI.create(webhookUrl.trim()));
    }

    /**
     * The assessment schedule where the label gives no daily period, and after it.
     *
     * @param defaultDailyDays daily assessments to this day when the label version has no number
     * @param thenEveryDays    after the daily period, one assessment every so many days
     * @param untilDay         the last day assessments are scheduled
     */
    public record Schedule(Integer defaultDailyDays, Integer thenEveryDays, Integer untilDay) {
        public Schedule {
            defaultDailyDays = defaultDailyDays == null ? 7 : defaultDailyDays;
            thenEveryDays = thenEveryDays == null ? 7 : thenEveryDays;
            untilDay = untilDay == null ? 28 : untilDay;
        }
    }

    /** The rule set; each rule can be switched off. */
    public record Alerts(GradeRule crs, GradeRule icans, FeverRule fever, Switch missedAssessment) {
        public Alerts {
            crs = crs == null ? new GradeRule(true, 2) : crs;
            icans = icans == null ? new GradeRule(true, 1) : icans;
            fever = fever == null ? new FeverRule(true, new BigDecimal("38.0"), 14) : fever;
            missedAssessment = missedAssessment == null ? new Switch(true) : missedAssessment;
        }
    }

    /** Alert when a grade reaches {@code fromGrade}. */
    public record GradeRule(boolean enabled, int fromGrade) {
    }

    /** Alert when the temperature reaches {@code fromCelsius} up to day {@code withinDays}. */
    public record FeverRule(boolean enabled, BigDecimal fromCelsius, int withinDays) {
    }

    public record Switch(boolean enabled) {
    }
}

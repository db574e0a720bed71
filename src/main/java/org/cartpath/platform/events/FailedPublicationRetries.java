package org.cartpath.platform.events;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands every failed publication to its listener again every {@code cartpath.events.retry-failed-every}
 * (docs/adr/0022-reactions-through-the-event-publication-registry.md): a listener that failed (a receiver that did
 * not answer, a lock that timed out) and one whose instance died (marked failed by the registry's staleness check)
 * are retried until they complete. The registry marks each publication resubmitted before handing it on; two
 * instances may still hand one publication on at once, which the listeners, being idempotent, tolerate.
 */
@Component
@EnableScheduling
class FailedPublicationRetries {

    private static final Logger log = LoggerFactory.getLogger(FailedPublicationRetries.class);

    private final FailedEventPublications failed;

    FailedPublicationRetries(FailedEventPublications failed) {
        this.failed = failed;
    }

    @Scheduled(initialDelayString = "${cartpath.events.retry-failed-every:PT5M}",
            fixedDelayString = "${cartpath.events.retry-failed-every:PT5M}")
    void retry() {
        try {
            failed.resubmit(ResubmissionOptions.defaults());
        } catch (RuntimeException e) {
            log.error("Resubmitting failed event publications failed", e);
        }
    }
}

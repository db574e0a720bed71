package org.cartpath.scheduling.internal;

import org.cartpath.scheduling.Waitlist;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Every few minutes, offers held past their time go to the next waiting case. Safe on several instances: each
 * sweep locks the expired offers it takes and skips those another instance holds.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableScheduling
class OfferExpiry {

    private static final Logger log = LoggerFactory.getLogger(OfferExpiry.class);

    private final Waitlist waitlist;

    OfferExpiry(Waitlist waitlist) {
        this.waitlist = waitlist;
    }

    @Scheduled(fixedDelayString = "${cartpath.scheduling.offer-sweep:PT5M}", initialDelayString = "PT1M")
    void sweep() {
        try {
            int expired = waitlist.expireOffers();
            if (expired > 0) {
                log.info("{} slot offer(s) expired and went to the next waiting case", expired);
            }
        } catch (RuntimeException e) {
            log.warn("Sweeping expired slot offers failed; the next sweep retries", e);
        }
    }
}

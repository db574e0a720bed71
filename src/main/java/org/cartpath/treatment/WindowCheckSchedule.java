package org.cartpath.treatment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Every hour, cases whose infusion window has closed before the infusion are flagged once: "repeat lymphodepletion
 * needed", a task for the consultant. Safe on several instances: each flag is recorded once. A failure is logged and
 * the next run tries again.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableScheduling
class WindowCheckSchedule {

    private static final Logger log = LoggerFactory.getLogger(WindowCheckSchedule.class);

    private final Lymphodepletion lymphodepletion;

    WindowCheckSchedule(Lymphodepletion lymphodepletion) {
        this.lymphodepletion = lymphodepletion;
    }

    @Scheduled(initialDelayString = "PT2M", fixedDelayString = "${cartpath.treatment.window-check-every:PT1H}")
    void check() {
        try {
            int flagged = lymphodepletion.flagClosedWindows();
            if (flagged > 0) {
                log.info("{} case(s) flagged: the infusion window closed before the infusion", flagged);
            }
        } catch (RuntimeException e) {
            log.warn("The lymphodepletion window check failed; the next run tries again", e);
        }
    }
}

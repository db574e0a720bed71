package org.cartpath.followup.internal;

import org.cartpath.followup.FollowUpReminders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The follow-up reminders, on a schedule; safe on every instance at once (each reminder locks its row with
 * {@code skip locked} and stores its task id in the same transaction).
 */
@Component
class FollowUpJobs {

    private static final Logger log = LoggerFactory.getLogger(FollowUpJobs.class);

    private final FollowUpReminders reminders;

    FollowUpJobs(FollowUpReminders reminders) {
        this.reminders = reminders;
    }

    @Scheduled(initialDelayString = "${cartpath.followup.reminders-every:PT1H}",
            fixedDelayString = "${cartpath.followup.reminders-every:PT1H}")
    void openReminders() {
        try {
            int opened = reminders.run();
            if (opened > 0) {
                log.info("Follow-up reminders opened {} task(s)", opened);
            }
        } catch (RuntimeException e) {
            log.error("Follow-up reminders failed", e);
        }
    }
}

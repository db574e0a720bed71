package org.cartpath.followup.internal;

import org.cartpath.followup.FollowUpReminders;
import org.cartpath.followup.ReminderMails;
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
    private final ReminderMails mails;

    FollowUpJobs(FollowUpReminders reminders, ReminderMails mails) {
        this.reminders = reminders;
        this.mails = mails;
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
        sendReminderMails();
    }

    /** The reminder e-mails queued (when SMTP is configured), and those whose sending failed, tried again. */
    @Scheduled(initialDelayString = "${cartpath.followup.mail-every:PT5M}",
            fixedDelayString = "${cartpath.followup.mail-every:PT5M}")
    void sendReminderMails() {
        try {
            int sent = mails.sendDue();
            if (sent > 0) {
                log.info("Follow-up reminder e-mails sent: {}", sent);
            }
        } catch (RuntimeException e) {
            log.error("Follow-up reminder e-mails failed; tried again on the next run", e);
        }
    }
}

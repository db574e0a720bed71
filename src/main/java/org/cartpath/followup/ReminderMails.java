package org.cartpath.followup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.Map;
import org.cartpath.audit.AuditTrail;
import org.cartpath.followup.internal.ReminderMailStore;
import org.cartpath.shared.Actor;
import org.cartpath.journey.CaseId;
import org.cartpath.shared.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Follow-up reminders by e-mail (docs/clinical/follow-up-schedule.md, "Reminders by e-mail"), on only when SMTP is
 * configured ({@code CARTPATH_SMTP_HOST}, Spring Boot's {@code spring.mail.*}). A reminder task queues its e-mail in
 * the task's own transaction; {@link #sendDue()} sends each queued e-mail once, to the users holding the task's role
 * at the treating centre, and records that it was sent. A failed send never touches the task: it is counted and tried
 * again after {@code cartpath.followup.mail-retry-after} times the attempts so far.
 *
 * <p>The e-mail names no patient: no name, NHS number, date of birth, case reference or date of the patient's care,
 * only what kind of task waits and a link to the worklist behind the sign-in (NHS England, "Sharing patient data by
 * e-mail": patient-identifiable data only between secure, accredited addresses, which cartpath cannot know).
 */
@Service
public class ReminderMails {

    private static final Logger log = LoggerFactory.getLogger(ReminderMails.class);
    private static final int BATCH = 100;

    private final ReminderMailStore store;
    private final AuditTrail audit;
    private final ObjectProvider<JavaMailSender> sender;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final String host;
    private final String from;
    private final String publicUrl;
    private final Duration retryAfter;

    ReminderMails(ReminderMailStore store, AuditTrail audit, ObjectProvider<JavaMailSender> sender,
            PlatformTransactionManager transactions, Clock clock, @Value("${spring.mail.host:}") String host,
            @Value("${cartpath.mail.from:cartpath@localhost}") String from,
            @Value("${cartpath.public-url:http://localhost:8080}") String publicUrl,
            @Value("${cartpath.followup.mail-retry-after:PT5M}") Duration retryAfter) {
        this.store = store;
        this.audit = audit;
        this.sender = sender;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.host = host;
        this.from = from;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.retryAfter = retryAfter;
    }

    /** Whether e-mail is on: an SMTP host is configured. */
    public boolean enabled() {
        return host != null && !host.isBlank() && sender.getIfAvailable() != null;
    }

    /**
     * Queues the e-mail of a reminder task, in the caller's (the task's) transaction; nothing when e-mail is off.
     * {@code what} names the kind of task only ("Registry form due: Day 100"), never the patient.
     */
    void queue(CaseId caseId, UUID taskId, Role role, String what) {
        if (!enabled()) {
            return;
        }
        String subject = "cartpath follow-up reminder: " + what;
        String body = "A follow-up task is waiting for the " + role.label().toLowerCase(java.util.Locale.ROOT)
                + " at your centre: " + what + ".\n\n"
                + "Sign in to cartpath to see it on the follow-up worklist:\n" + publicUrl + "/follow-up\n\n"
                + "This e-mail names no patient on purpose (NHS guidance on sharing patient data by e-mail).\n"
                + "You receive it because you hold this role at your centre in cartpath.\n";
        store.queue(taskId, caseId, role, subject, body, Instant.now(clock));
    }

    /** Sends the e-mails due, each in its own transaction; answers how many were sent. Nothing when e-mail is off. */
    public int sendDue() {
        if (!enabled()) {
            return 0;
        }
        int sent = 0;
        for (UUID task : store.due(Instant.now(clock), BATCH)) {
            Boolean done = transaction.execute(status -> send(task));
            sent += Boolean.TRUE.equals(done) ? 1 : 0;
        }
        return sent;
    }

    private boolean send(UUID task) {
        Optional<ReminderMailStore.Mail> claimed = store.claim(task);
        if (claimed.isEmpty()) {
            return false; // sent meanwhile, or another instance is sending it
        }
        ReminderMailStore.Mail mail = claimed.get();
        Instant now = Instant.now(clock);
        List<String> to = store.recipients(mail.organisationId(), mail.role());
        if (to.isEmpty()) {
            // nobody at the centre holds the role with an address: recorded as sent to none, the task still stands
            store.sent(task, now, 0);
            record(task, "FOLLOW_UP_REMINDER_MAILED", Map.of("recipients", 0), "No user holds the role with an"
                    + " e-mail address");
            return false;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to.toArray(String[]::new));
        message.setSubject(mail.subject());
        message.setText(mail.body());
        try {
            sender.getObject().send(message);
        } catch (MailException e) {
            Instant retry = now.plus(retryAfter.multipliedBy(mail.attempts() + 1L));
            store.failed(task, retry, e.getMessage() == null ? e.getClass().getName() : e.getMessage());
            log.warn("A follow-up reminder e-mail could not be sent (attempt {}); tried again from {}: {}",
                    mail.attempts() + 1, retry, e.getMessage());
            record(task, "FOLLOW_UP_REMINDER_MAIL_FAILED", Map.of("attempt", mail.attempts() + 1, "retryAt",
                    retry.toString()), e.getMessage());
            return false;
        }
        store.sent(task, now, to.size());
        record(task, "FOLLOW_UP_REMINDER_MAILED", Map.of("recipients", to.size(), "role", mail.role().name()), null);
        return true;
    }

    /** The sending is audited as the task's: how many received it (the addresses are the users' own records). */
    private void record(UUID task, String action, Map<String, Object> after, String reason) {
        audit.record(Actor.system("follow-up reminder e-mail"), action, "CaseTask", task.toString(), null, after,
                reason);
    }
}

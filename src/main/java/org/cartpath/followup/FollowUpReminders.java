package org.cartpath.followup;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.cartpath.audit.AuditTrail;
import org.cartpath.followup.internal.PlanStore;
import org.cartpath.followup.internal.PlanStore.ReminderCandidate;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.CaseTask;
import org.cartpath.shared.Actor;
import org.cartpath.shared.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Follow-up reminders (docs/clinical/follow-up-schedule.md) as the journey's tasks: a registry time point entering its
 * window (its due date when the registry publishes no window) opens a task for the data manager, due at the window's
 * end; a time point past its window opens an overdue task for the data manager (the window task is closed as
 * replaced); a clinic visit {@value #CLINIC_OVERDUE_DAYS} days overdue opens a task for the coordinator.
 *
 * <p>Each reminder is its own transaction: the time point or visit is locked ({@code skip locked}, so two instances
 * never take the same one), its task opened and the task's id stored with it. A second run finds the id and opens
 * nothing; a run that stops half-way leaves the rest without an id, and the next run opens them. When SMTP is
 * configured, each task also queues its e-mail in the same transaction ({@link ReminderMails}), sent by the job after.
 */
@Service
public class FollowUpReminders {

    /** A clinic visit this many days past its date opens a task for the coordinator. */
    public static final int CLINIC_OVERDUE_DAYS = 7;

    static final String WINDOW = "Registry form due: ";
    static final String OVERDUE = "Registry form overdue: ";
    static final String VISIT_OVERDUE = "Clinic visit overdue by 7 days: ";

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(FollowUpReminders.class);

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private final PlanStore store;
    private final ReminderMails mails;
    private final CaseJourney journey;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ZoneId zone;

    FollowUpReminders(PlanStore store, ReminderMails mails, CaseJourney journey, AuditTrail audit,
            PlatformTransactionManager transactions, Clock clock, @Value("${cartpath.time.zone:Europe/London}") String zone) {
        this.store = store;
        this.mails = mails;
        this.journey = journey;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    /** Opens the reminders due today; answers how many tasks it opened. */
    public int run() {
        return run(LocalDate.now(clock.withZone(zone)));
    }

    /** As {@link #run()} for a given day (the job passes today). */
    public int run(LocalDate today) {
        Actor system = Actor.system("follow-up reminders");
        int opened = 0;
        for (ReminderCandidate c : store.timepointsOverdue(today)) {
            opened += once(() -> overdue(system, c));
        }
        for (ReminderCandidate c : store.timepointsEnteringWindow(today)) {
            opened += once(() -> window(system, c));
        }
        for (ReminderCandidate c : store.visitsOverdue(today.minusDays(CLINIC_OVERDUE_DAYS))) {
            opened += once(() -> visit(system, c));
        }
        return opened;
    }

    /** One reminder in its own transaction; one that fails is rolled back whole, logged, and tried again next run. */
    private int once(java.util.function.Supplier<Boolean> reminder) {
        try {
            Boolean done = transaction.execute(status -> reminder.get());
            return Boolean.TRUE.equals(done) ? 1 : 0;
        } catch (RuntimeException e) {
            log.error("A follow-up reminder failed; it is tried again on the next run", e);
            return 0;
        }
    }

    private boolean window(Actor system, ReminderCandidate c) {
        return store.claimWindowReminder(c.caseId(), c.key()).map(t -> {
            String when = t.windowStart() == null ? "due " + DAY.format(t.dueDate())
                    : "window " + DAY.format(t.windowStart()) + " to " + DAY.format(t.windowEnd());
            CaseTask task = journey.openTask(system, c.caseId(), WINDOW + t.label() + " (" + when + ")",
                    Role.DATA_MANAGER, t.windowEnd() != null ? t.windowEnd() : t.dueDate());
            store.setWindowTask(c.caseId(), c.key(), task.id());
            mails.queue(c.caseId(), task.id(), Role.DATA_MANAGER, "Registry form due: " + t.label());
            audit.record(system, "FOLLOW_UP_REMINDER_OPENED", "TherapyCase", c.caseId().toString(), null,
                    Map.of("timepoint", c.key(), "reminder", "WINDOW", "taskId", task.id().toString()), null);
            return true;
        }).orElse(false);
    }

    private boolean overdue(Actor system, ReminderCandidate c) {
        return store.claimOverdueReminder(c.caseId(), c.key()).map(t -> {
            String since = t.windowEnd() != null ? "window ended " + DAY.format(t.windowEnd())
                    : "due " + DAY.format(t.dueDate());
            store.windowTask(c.caseId(), c.key()).ifPresent(window ->
                    journey.closeTask(system, c.caseId(), window, CaseTask.Closure.REPLACED));
            CaseTask task = journey.openTask(system, c.caseId(), OVERDUE + t.label() + " (" + since + ")",
                    Role.DATA_MANAGER, t.windowEnd() != null ? t.windowEnd() : t.dueDate());
            store.setOverdueTask(c.caseId(), c.key(), task.id());
            mails.queue(c.caseId(), task.id(), Role.DATA_MANAGER, "Registry form overdue: " + t.label());
            audit.record(system, "FOLLOW_UP_REMINDER_OPENED", "TherapyCase", c.caseId().toString(), null,
                    Map.of("timepoint", c.key(), "reminder", "OVERDUE", "taskId", task.id().toString()), null);
            return true;
        }).orElse(false);
    }

    private boolean visit(Actor system, ReminderCandidate c) {
        return store.claimVisitReminder(c.caseId(), c.key()).map(v -> {
            CaseTask task = journey.openTask(system, c.caseId(), VISIT_OVERDUE + v.label() + " (due "
                    + DAY.format(v.dueDate()) + ")", Role.COORDINATOR, v.dueDate());
            store.setVisitTask(c.caseId(), c.key(), task.id());
            mails.queue(c.caseId(), task.id(), Role.COORDINATOR, "Clinic visit overdue by 7 days: " + v.label());
            audit.record(system, "FOLLOW_UP_REMINDER_OPENED", "TherapyCase", c.caseId().toString(), null,
                    Map.of("visit", c.key(), "reminder", "CLINIC_OVERDUE", "taskId", task.id().toString()), null);
            return true;
        }).orElse(false);
    }
}

package org.cartpath.followup;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.cartpath.identity.UserManagement;
import org.cartpath.journey.Stage;
import org.cartpath.patient.PatientManagement;
import org.cartpath.shared.Actor;
import org.cartpath.shared.Role;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.CaseFixtures;
import org.cartpath.testing.CaseFixtures.World;
import org.cartpath.testing.IdentityFixtures;
import org.cartpath.testing.MutableClock;
import org.cartpath.testing.TestMailServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Follow-up reminders by e-mail (docs/clinical/follow-up-schedule.md), read back from a real SMTP server (GreenMail):
 * under a moved clock the day-100 window and then its overdue reminder each reach the centre's data managers once, with
 * no patient identifier, only a link to the worklist; a failed send leaves the task open and is sent on a later run.
 */
@CartpathIntegrationTest
class FollowUpReminderMailIT {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Autowired
    CaseFixtures cases;

    @Autowired
    FollowUpPlans plans;

    @Autowired
    FollowUpReminders reminders;

    @Autowired
    ReminderMails mails;

    @Autowired
    UserManagement users;

    @Autowired
    PatientManagement patients;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
        TestMailServer.start();
    }

    private World infusedDaysAgo(int daysAgo) {
        World w = cases.caseAt(Stage.FOLLOW_UP, new BigDecimal("24"));
        Instant infusedAt = plans.today().minusDays(daysAgo).atTime(11, 0).atZone(LONDON).toInstant();
        plans.planAfterInfusion(w.actor(w.nurse()), w.therapyCase().id(), infusedAt);
        return w;
    }

    /** A data manager of the world's centre with an e-mail address of their own. */
    private String dataManagerAddress(World w) {
        String address = "dm." + UUID.randomUUID() + "@centre.test";
        users.createWithPassword(Actor.system("test fixtures"), new UserManagement.NewUser(w.centre().id(),
                "dm." + Long.toString(System.nanoTime(), 36), "Data Manager", address, null,
                Set.of(Role.DATA_MANAGER)), IdentityFixtures.PASSWORD);
        return address;
    }

    private List<UUID> dataManagerTasks(World w) {
        return jdbc.sql("select id from case_task where case_id = ? and role = 'DATA_MANAGER' order by opened_at")
                .param(w.therapyCase().id().value()).query(UUID.class).list();
    }

    @Test
    void theDay100WindowAndThenItsOverdueReminderReachTheDataManagersOnceWithoutThePatientsIdentity()
            throws Exception {
        World w = infusedDaysAgo(90);
        String address = dataManagerAddress(w);
        assertThat(mails.enabled()).isTrue();

        reminders.run(plans.today());
        mails.sendDue();
        reminders.run(plans.today());
        mails.sendDue();

        List<MimeMessage> received = TestMailServer.messagesTo(address);
        assertThat(received).singleElement().satisfies(m -> {
            assertThat(m.getSubject()).isEqualTo("cartpath follow-up reminder: Registry form due: Day 100");
            assertThat(m.getFrom()[0].toString()).isEqualTo("cartpath@test.invalid");
        });
        String body = received.get(0).getContent().toString();
        assertThat(body).contains("/follow-up").contains("names no patient");
        String nhsNumber = patients.get(w.actor(w.coordinator()), w.patientId(), "test").demographics().nhsNumber()
                .value();
        String familyName = patients.get(w.actor(w.coordinator()), w.patientId(), "test").demographics()
                .familyName();
        assertThat(body + received.get(0).getSubject()).doesNotContain(w.therapyCase().reference())
                .doesNotContain(nhsNumber).doesNotContain(familyName)
                .doesNotContain(plans.today().minusDays(90).toString());
        UUID windowTask = dataManagerTasks(w).get(0);
        assertThat(jdbc.sql("select recipients from followup_reminder_mail where task_id = ? and sent_at is not null")
                .param(windowTask).query(Integer.class).single()).isEqualTo(1);

        // day 116: the window has closed, the overdue reminder goes once
        clock.advance(Duration.ofDays(26));
        reminders.run(plans.today());
        mails.sendDue();
        mails.sendDue();
        assertThat(TestMailServer.messagesTo(address)).extracting(MimeMessage::getSubject).containsExactly(
                "cartpath follow-up reminder: Registry form due: Day 100",
                "cartpath follow-up reminder: Registry form overdue: Day 100");
    }

    @Test
    void aReminderWhoseMailCannotBeSentStillOpensItsTaskAndTheMailGoesOnALaterRun() {
        World w = infusedDaysAgo(90);
        String address = dataManagerAddress(w);
        TestMailServer.stop();
        try {
            reminders.run(plans.today());
            mails.sendDue();
        } finally {
            TestMailServer.start();
        }
        List<UUID> tasks = dataManagerTasks(w);
        assertThat(tasks).hasSize(1);
        assertThat(jdbc.sql("select attempts from followup_reminder_mail where task_id = ? and sent_at is null")
                .param(tasks.get(0)).query(Integer.class).single()).isGreaterThanOrEqualTo(1);
        assertThat(TestMailServer.messagesTo(address)).isEmpty();

        // not before its retry time, then once
        clock.advance(Duration.ofHours(1));
        mails.sendDue();
        mails.sendDue();
        assertThat(TestMailServer.messagesTo(address)).hasSize(1);
    }
}

package org.cartpath.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.cartpath.journey.CaseId;
import org.cartpath.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Without an SMTP host (the demo), reminder e-mail is off: nothing is queued or sent and nothing fails (the store and
 * the audit trail are absent here, so any use of them would fail this test).
 */
class ReminderMailsTest {

    private static ReminderMails mails(String host, JavaMailSender sender) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        if (sender != null) {
            beans.addBean("mailSender", sender);
        }
        return new ReminderMails(null, null, beans.getBeanProvider(JavaMailSender.class), null, Clock.systemUTC(),
                host, "cartpath@localhost", "http://localhost:8080/", Duration.ofMinutes(5));
    }

    @Test
    void withoutAnSmtpHostEmailIsOffAndAReminderQueuesAndSendsNothing() {
        ReminderMails off = mails("", new JavaMailSenderImpl());
        assertThat(off.enabled()).isFalse();
        off.queue(CaseId.random(), UUID.randomUUID(), Role.DATA_MANAGER, "Registry form due: Day 100");
        assertThat(off.sendDue()).isZero();
        assertThat(mails(null, null).enabled()).isFalse();
    }

    @Test
    void withAnSmtpHostAndASenderEmailIsOn() {
        assertThat(mails("smtp.example.nhs.uk", new JavaMailSenderImpl()).enabled()).isTrue();
        assertThat(mails("smtp.example.nhs.uk", null).enabled()).isFalse();
    }
}

package org.cartpath.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.cartpath.CartpathApplication;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a random port, on a database of its own on the shared test PostgreSQL, with
 * demo data and a clock tests can move. Every integration test uses exactly this, so that Spring caches
 * one context for all of them. {@link AuditWatch} checks after each test class that every transaction that changed a
 * table of record wrote its audit row.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = CartpathApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cartpath.api.rate.limit=100000", "logging.level.org.cartpath.requests=WARN",
                // every test request comes from 127.0.0.1; the per-address limit is tested on its own
                "cartpath.signin.address.limit=100000",
                // the HL7 v2 listener on a free port (Hl7ListenerIT sends to it)
                "cartpath.hl7.port=0",
                // bcrypt at its lowest cost: the suite creates and signs in thousands of users (production keeps 10;
                // PasswordHashCostTest)
                "cartpath.security.password-hash-cost=4"})
// a real SMTP server (GreenMail) for the follow-up reminder e-mails, read back by FollowUpReminderMailIT
@ContextConfiguration(initializers = {TestDatabaseInitializer.class, TestMailServer.class})
@Import(TestClockConfiguration.class)
@ExtendWith({SpringExtension.class, AuditWatch.class})
public @interface CartpathIntegrationTest {
}

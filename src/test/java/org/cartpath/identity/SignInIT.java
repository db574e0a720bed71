package org.cartpath.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.Role;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.Http;
import org.cartpath.testing.IdentityFixtures;
import org.cartpath.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Sign-in: throttling per account and per address, idle and absolute timeouts, CSRF, disabled accounts. */
@CartpathIntegrationTest
class SignInIT {

    @LocalServerPort
    int port;

    @Autowired
    IdentityFixtures fixtures;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    UserAccount user;

    @BeforeEach
    void aUser() {
        user = fixtures.user(fixtures.organisation(OrganisationKind.TREATMENT_CENTRE), Role.COORDINATOR);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aWrongPasswordDoesNotSignIn() {
        Http http = Http.browser(port);
        HttpResponse<String> response = http.signIn(user.username(), "not-the-password");
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/sign-in?error"));
        HttpResponse<String> page = http.get("/sign-in?error");
        assertThat(page.body()).contains("The username or password is not correct");
        assertThat(http.get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void tenFailuresPauseTheAccountFor15MinutesEvenWithTheRightPassword() {
        for (int i = 0; i < 10; i++) {
            Http.browser(port).signIn(user.username(), "wrong-" + i);
        }
        Http http = Http.browser(port);
        HttpResponse<String> refused = http.signIn(user.username(), IdentityFixtures.PASSWORD);
        assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("error"));
        assertThat(http.get("/sign-in?error").body()).contains("Too many failed attempts");
        // attempts refused while paused are not counted: hammering does not extend the pause
        for (int i = 0; i < 5; i++) {
            Http.browser(port).signIn(user.username(), "still-wrong");
        }
        clock.advance(Duration.ofMinutes(15).plusSeconds(5));
        Http.signedIn(port, user.username(), IdentityFixtures.PASSWORD);
    }

    @Test
    void nineFailuresAndThenTheRightPasswordSignsInAndClearsTheCount() {
        for (int i = 0; i < 10 - 1; i++) {
            Http.browser(port).signIn(user.username(), "wrong-" + i);
        }
        Http.signedIn(port, user.username(), IdentityFixtures.PASSWORD);
        for (int i = 0; i < 10 - 1; i++) {
            Http.browser(port).signIn(user.username(), "wrong-again-" + i);
        }
        Http.signedIn(port, user.username(), IdentityFixtures.PASSWORD);
    }

    @Test
    void fifteenIdleMinutesEndTheSession() {
        Http http = Http.signedIn(port, user.username(), IdentityFixtures.PASSWORD);
        clock.advance(Duration.ofMinutes(14));
        assertThat(http.get("/").statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(14));
        assertThat(http.get("/").statusCode()).as("activity resets the idle clock").isEqualTo(200);
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        HttpResponse<String> expired = http.get("/");
        assertThat(expired.statusCode()).isEqualTo(302);
        assertThat(expired.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/sign-in?ended=idle"));
        assertThat(http.get("/").statusCode()).as("the session is gone").isEqualTo(302);
    }

    @Test
    void theApiAnswers401WhenTheSessionIsIdle() {
        Http http = Http.signedIn(port, user.username(), IdentityFixtures.PASSWORD);
        assertThat(http.get("/api/v1/me").statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(16));
        HttpResponse<String> expired = http.get("/api/v1/me");
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(Http.json(expired).get("type").asText()).isEqualTo("/problems/session-expired");
    }

    @Test
    void twelveHoursAfterSignInTheSessionEndsWhateverTheActivity() {
        Http http = Http.signedIn(port, user.username(), IdentityFixtures.PASSWORD);
        for (int i = 0; i < 71; i++) {
            clock.advance(Duration.ofMinutes(10));
            assertThat(http.get("/").statusCode()).as("after %d minutes", (i + 1) * 10).isEqualTo(200);
        }
        clock.advance(Duration.ofMinutes(9));
        assertThat(http.get("/").statusCode()).as("at 11 h 59").isEqualTo(200);
        clock.advance(Duration.ofMinutes(2));
        HttpResponse<String> ended = http.get("/");
        assertThat(ended.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("ended=absolute"));
    }

    @Test
    void aFormWithoutCsrfTokenIsRefused() {
        Http http = Http.signedIn(port, user.username(), IdentityFixtures.PASSWORD);
        HttpResponse<String> refused = http.postRawForm("/account/password", Map.of("currentPassword",
                IdentityFixtures.PASSWORD, "newPassword", "another-good-passphrase", "confirmPassword",
                "another-good-passphrase"));
        assertThat(refused.statusCode()).isEqualTo(403);
        // nothing changed: the old password still works
        Http.signedIn(port, user.username(), IdentityFixtures.PASSWORD);
    }

    @Test
    void aDisabledUserIsSignedOutOnTheNextRequest() {
        Http http = Http.signedIn(port, user.username(), IdentityFixtures.PASSWORD);
        fixtures.disable(user);
        HttpResponse<String> response = http.get("/");
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("ended=disabled"));
        HttpResponse<String> again = Http.browser(port).signIn(user.username(), IdentityFixtures.PASSWORD);
        assertThat(again.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("error"));
    }

    @Test
    void changingThePasswordChecksTheCurrentOneAndThePolicy() {
        Http http = Http.signedIn(port, user.username(), IdentityFixtures.PASSWORD);
        http.get("/account/password");
        HttpResponse<String> wrongCurrent = http.postForm("/account/password", Map.of("currentPassword", "nope",
                "newPassword", "a-long-enough-passphrase", "confirmPassword", "a-long-enough-passphrase"));
        assertThat(wrongCurrent.statusCode()).isEqualTo(200);
        assertThat(wrongCurrent.body()).contains("There is a problem").contains("is not your current password");
        HttpResponse<String> tooShort = http.postForm("/account/password", Map.of("currentPassword",
                IdentityFixtures.PASSWORD, "newPassword", "short", "confirmPassword", "short"));
        assertThat(tooShort.body()).contains("at least 12 characters");
        HttpResponse<String> mismatch = http.postForm("/account/password", Map.of("currentPassword",
                IdentityFixtures.PASSWORD, "newPassword", "a-long-enough-passphrase", "confirmPassword", "different-passphrase"));
        assertThat(mismatch.body()).contains("does not match");
        Http.signedIn(port, user.username(), IdentityFixtures.PASSWORD);
    }
}

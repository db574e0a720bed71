package org.cartpath.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.Role;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.Http;
import org.cartpath.testing.IdentityFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One session, many requests at once: a coordinator opening several tabs straight after signing in. Each page creates
 * the session's CSRF token on first use, so each request of a fresh session adds the same session attribute; they used
 * to race on Spring Session's insert and all but one answered 500; and had each made a token of its own, the forms of
 * all but one would be refused.
 */
@CartpathIntegrationTest
class SessionRaceIT {

    @LocalServerPort
    int port;

    @Autowired
    IdentityFixtures fixtures;

    private static final Pattern CSRF_META = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");

    @Test
    void pagesOpenedAtOnceInOneFreshSessionAllAnswer() throws Exception {
        ExecutorService browserTabs = Executors.newFixedThreadPool(6);
        try {
            openTogether(browserTabs);
        } finally {
            browserTabs.shutdownNow();
        }
    }

    private void openTogether(ExecutorService browserTabs) throws Exception {
        for (int round = 0; round < 3; round++) {
            UserAccount user = fixtures.user(fixtures.organisation(OrganisationKind.TREATMENT_CENTRE), Role.COORDINATOR);
            Http tabs = Http.signedIn(port, user.username(), IdentityFixtures.PASSWORD);
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            for (String page : List.of("/", "/account/password", "/", "/account/password", "/", "/account/password")) {
                answers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return tabs.get(page);
                }, browserTabs));
            }
            start.countDown();
            Set<String> tokens = new HashSet<>();
            for (CompletableFuture<HttpResponse<String>> answer : answers) {
                HttpResponse<String> page = answer.get();
                assertThat(page.statusCode()).as("a page opened at the same time as others of its session").isEqualTo(200);
                Matcher csrf = CSRF_META.matcher(page.body());
                assertThat(csrf.find()).as("the page carries the session's CSRF token").isTrue();
                tokens.add(unmasked(csrf.group(1)));
            }
            // had each page made a token of its own, the session would keep one and the forms of the others would fail
            assertThat(tokens).as("the CSRF token each page carries, unmasked").hasSize(1);
        }
    }

    /** The token inside a page's masked one: Spring Security sends random bytes, then the token XOR those bytes. */
    private static String unmasked(String masked) {
        byte[] both = Base64.getUrlDecoder().decode(masked);
        int half = both.length / 2;
        byte[] token = new byte[half];
        for (int i = 0; i < half; i++) {
            token[i] = (byte) (both[i] ^ both[half + i]);
        }
        return new String(token, StandardCharsets.UTF_8);
    }
}

package org.cartpath.identity.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

class ApiRateLimitFilterTest {

    private static MockHttpServletResponse call(ApiRateLimitFilter filter, String address) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/me");
        request.setRemoteAddr(address);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }

    @Test
    void answers429WithRetryAfterOverTheLimitPerClientAndMinute() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-11-26T10:00:30Z"), ZoneOffset.UTC);
        ApiRateLimitFilter filter = new ApiRateLimitFilter(3, clock, JsonMapper.builder().build());
        for (int i = 0; i < 3; i++) {
            assertThat(call(filter, "10.0.0.1").getStatus()).isEqualTo(200);
        }
        MockHttpServletResponse limited = call(filter, "10.0.0.1");
        assertThat(limited.getStatus()).isEqualTo(429);
        assertThat(limited.getContentType()).startsWith("application/problem+json");
        assertThat(limited.getContentAsString()).contains("/problems/rate-limited");
        assertThat(limited.getHeader("Retry-After")).isEqualTo("30");
        assertThat(call(filter, "10.0.0.2").getStatus()).as("another client").isEqualTo(200);
    }

    @Test
    void theCountStartsAgainInTheNextMinute() throws Exception {
        MutableTestClock clock = new MutableTestClock(Instant.parse("2026-11-26T10:00:59Z"));
        ApiRateLimitFilter filter = new ApiRateLimitFilter(1, clock, JsonMapper.builder().build());
        assertThat(call(filter, "10.0.0.1").getStatus()).isEqualTo(200);
        assertThat(call(filter, "10.0.0.1").getStatus()).isEqualTo(429);
        clock.now = Instant.parse("2026-11-26T10:01:00Z");
        assertThat(call(filter, "10.0.0.1").getStatus()).isEqualTo(200);
    }

    private static final class MutableTestClock extends Clock {
        Instant now;

        MutableTestClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

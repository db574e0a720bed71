package org.cartpath.identity.security;

import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.cartpath.identity.ApiTokenManagement;
import org.cartpath.identity.internal.CredentialCache;
import org.cartpath.identity.internal.IdentityStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.InvalidCsrfTokenException;
import org.springframework.security.web.csrf.MissingCsrfTokenException;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter.CrossOriginOpenerPolicy;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may reach what (see ADR 0003). Four filter chains:
 * <ol>
 *   <li>the browsable API documentation, public, with the looser content security policy Swagger UI needs;</li>
 *   <li>the FHIR façade ({@code /fhir/**}, ADR 0023): bearer tokens only, no session and so no CSRF; the
 *       CapabilityStatement ({@code /fhir/metadata}) is public, as FHIR clients read it before they authenticate;</li>
 *   <li>the API ({@code /api/**}, {@code /actuator/**}): bearer tokens or the session of a signed-in person,
 *       answers in problem+json, no redirects, CSRF checked only for cookie-authenticated calls;</li>
 *   <li>the pages: form sign-in, CSRF on every state-changing form, strict content security policy.</li>
 * </ol>
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String PAGE_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self' https://assets.nhs.uk; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; "
            + "object-src 'none'";

    /**
     * No page uses a browser feature behind a permission: scanners are keyboard wedges that type into a text field
     * (static/assets/js/scan.js), not cameras, so the camera is denied like the rest.
     */
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
            + "serial=(), hid=(), bluetooth=(), display-capture=(), fullscreen=(self)";

    /** Nobody is signed in and no token was sent: CSRF cannot be what stands in the way. */
    private static boolean isAnonymous() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken;
    }

    /** bcrypt's cost (log2 of its rounds) unless configured: Spring Security's default, about 75 ms a hash here. */
    static final int DEFAULT_PASSWORD_HASH_COST = 10;

    /**
     * bcrypt, with the algorithm id stored in each hash ({@code {bcrypt}...}) so that it can be upgraded later. The
     * cost is {@code cartpath.security.password-hash-cost}: only the test suite lowers it, because it creates and
     * signs in thousands of users; a hash records its own cost, so a hash made at one cost verifies at any other.
     */
    @Bean
    PasswordEncoder passwordEncoder(
            @Value("${cartpath.security.password-hash-cost:" + DEFAULT_PASSWORD_HASH_COST + "}") int cost) {
        return passwordEncoderOfCost(cost);
    }

    static PasswordEncoder passwordEncoderOfCost(int cost) {
        if (cost < 4 || cost > 31) {
            throw new IllegalArgumentException("cartpath.security.password-hash-cost must be 4 to 31, not " + cost);
        }
        return new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(cost)));
    }

    /**
     * Two requests of one session that each add the same attribute (two tabs opened at once, or a page and its htmx
     * requests, each creating the session's CSRF token) would both insert it, and the second would answer 500 on the
     * primary key. Spring Session's PostgreSQL upsert makes the later write win instead (SessionRaceIT).
     */
    @Bean
    PostgreSqlJdbcIndexedSessionRepositoryCustomizer sessionAttributesUpsert() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }

    @Bean
    DisplayZone displayZone(@Value("${cartpath.time.zone:Europe/London}") String zone) {
        return new DisplayZone(java.time.ZoneId.of(zone));
    }

    /** The HTTP filter chains; not built for command-line tasks, which run without a web server. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication
    static class FilterChains {

        @Bean
        @Order(1)
        SecurityFilterChain apiDocumentation(HttpSecurity http) throws Exception {
            http.securityMatcher("/api/v1/swagger-ui/**", "/api/v1/docs", "/api/v1/docs/**")
                    .authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll())
                    .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .csrf(csrf -> csrf.disable())
                    .headers(headers -> headers
                            .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; "
                                    + "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'"))
                            .frameOptions(frame -> frame.deny())
                            .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
                            .crossOriginOpenerPolicy(coop -> coop.policy(CrossOriginOpenerPolicy.SAME_ORIGIN)));
            return http.build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain fhir(HttpSecurity http, ApiTokenManagement tokens, Clock clock, JsonMapper mapper,
                @Value("${cartpath.api.rate.limit:1200}") int requestsPerMinute) throws Exception {
            http.securityMatcher("/fhir/**")
                    .authorizeHttpRequests(authorize -> authorize
                            .requestMatchers(HttpMethod.GET, "/fhir/metadata").permitAll()
                            .anyRequest().authenticated())
                    .csrf(csrf -> csrf.disable()) // bearer tokens only: no cookie is ever read here
                    .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .securityContext(context -> context.securityContextRepository(
                            new RequestAttributeSecurityContextRepository()))
                    .requestCache(cache -> cache.disable())
                    .formLogin(form -> form.disable())
                    .httpBasic(basic -> basic.disable())
                    .logout(logout -> logout.disable())
                    .headers(headers -> headers
                            .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                            .frameOptions(frame -> frame.deny())
                            .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
                            .crossOriginOpenerPolicy(coop -> coop.policy(CrossOriginOpenerPolicy.SAME_ORIGIN)))
                    .exceptionHandling(exceptions -> exceptions
                            .authenticationEntryPoint((request, response, e) -> FhirOutcomes.write(response, 401,
                                    "login", "Send 'Authorization: Bearer <token>' with an API token"))
                            .accessDeniedHandler((request, response, e) -> FhirOutcomes.write(response, 403,
                                    "forbidden", "Your token's roles do not allow this")))
                    .addFilterAfter(new ApiTokenAuthenticationFilter(tokens, mapper), SecurityContextHolderFilter.class)
                    .addFilterBefore(new ApiRateLimitFilter(requestsPerMinute, clock, mapper), AuthorizationFilter.class);
            return http.build();
        }

        @Bean
        @Order(3)
        SecurityFilterChain api(HttpSecurity http, ApiTokenManagement tokens, IdentityStore store, CredentialCache credentialCache,
                Clock clock,
                JsonMapper mapper, @Value("${cartpath.api.rate.limit:1200}") int requestsPerMinute)
                throws Exception {
            http.securityMatcher("/api/**", "/actuator/**")
                    .authorizeHttpRequests(authorize -> authorize
                            // the OpenAPI document is public in both its forms (the authorisation matrix)
                            .requestMatchers("/api/v1/openapi", "/api/v1/openapi/**", "/api/v1/openapi.yaml",
                                    "/actuator/health", "/actuator/health/**")
                            .permitAll()
                            .requestMatchers("/actuator/**").hasRole("ADMINISTRATOR")
                            .anyRequest().authenticated())
                    .csrf(csrf -> csrf.ignoringRequestMatchers(request -> request.getHeader("Authorization") != null))
                    .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                    .requestCache(cache -> cache.disable())
                    .formLogin(form -> form.disable())
                    .httpBasic(basic -> basic.disable())
                    .logout(logout -> logout.disable())
                    .headers(headers -> headers
                            .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                            .frameOptions(frame -> frame.deny())
                            .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
                            .crossOriginOpenerPolicy(coop -> coop.policy(CrossOriginOpenerPolicy.SAME_ORIGIN)))
                    .exceptionHandling(exceptions -> exceptions
                            .authenticationEntryPoint((request, response, e) -> ProblemResponses.write(request, response,
                                    mapper, 401, "unauthenticated", "Not signed in",
                                    "Sign in, or send 'Authorization: Bearer <token>'"))
                            .accessDeniedHandler((request, response, e) -> {
                                if (isAnonymous() && (e instanceof MissingCsrfTokenException
                                        || e instanceof InvalidCsrfTokenException)) {
                                    // no session and no token: say who is missing, not which header
                                    ProblemResponses.write(request, response, mapper, 401, "unauthenticated",
                                            "Not signed in", "Sign in, or send 'Authorization: Bearer <token>'");
                                } else if (e instanceof MissingCsrfTokenException || e instanceof InvalidCsrfTokenException) {
                                    ProblemResponses.write(request, response, mapper, 403, "csrf", "Not allowed",
                                            "A call made with a session cookie needs the X-CSRF-TOKEN header");
                                } else {
                                    ProblemResponses.write(request, response, mapper, 403, "forbidden", "Not allowed",
                                            "Your role does not allow this");
                                }
                            }))
                    .addFilterAfter(new ApiTokenAuthenticationFilter(tokens, mapper), SecurityContextHolderFilter.class)
                    .addFilterBefore(new SessionGuardFilter(store, credentialCache, clock, mapper), CsrfFilter.class)
                    .addFilterAfter(new ApiRateLimitFilter(requestsPerMinute, clock, mapper), CsrfFilter.class);
            return http.build();
        }

        @Bean
        @Order(4)
        SecurityFilterChain pages(HttpSecurity http, IdentityStore store, CredentialCache credentialCache, Clock clock,
                JsonMapper mapper) throws Exception {
            SavedRequestAwareAuthenticationSuccessHandler afterSignIn = new SavedRequestAwareAuthenticationSuccessHandler();
            afterSignIn.setDefaultTargetUrl("/");
            afterSignIn.setAlwaysUseDefaultTargetUrl(false);
            SimpleUrlAuthenticationFailureHandler signInFailed = new SimpleUrlAuthenticationFailureHandler("/sign-in?error");
            http.authorizeHttpRequests(authorize -> authorize
                            .requestMatchers("/sign-in", "/assets/**", "/favicon.ico", "/error", "/problems", "/problems/**")
                            .permitAll()
                            .anyRequest().authenticated())
                    .formLogin(form -> form
                            .loginPage("/sign-in")
                            .loginProcessingUrl("/sign-in")
                            .usernameParameter("username")
                            .passwordParameter("password")
                            .successHandler((request, response, authentication) -> {
                                HttpSession session = request.getSession();
                                Instant now = Instant.now(clock);
                                session.setAttribute(SessionGuardFilter.SIGNED_IN_AT, now);
                                session.setAttribute(SessionGuardFilter.LAST_SEEN, now);
                                // the session's new CSRF token is made now, not by whichever of the next pages asks
                                // first: pages opened at once then all carry the one token kept (SessionRaceIT)
                                if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken csrf) {
                                    csrf.getToken();
                                }
                                if (authentication.getPrincipal() instanceof CartpathPrincipal principal
                                        && principal.mustChangePassword()) {
                                    response.sendRedirect(request.getContextPath() + "/account/password");
                                } else {
                                    afterSignIn.onAuthenticationSuccess(request, response, authentication);
                                }
                            })
                            .failureHandler(signInFailed)
                            .permitAll())
                    .logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessUrl("/sign-in?signed-out"))
                    .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                    .headers(headers -> headers
                            .contentSecurityPolicy(csp -> csp.policyDirectives(PAGE_CSP))
                            .frameOptions(frame -> frame.deny())
                            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                            .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
                            .crossOriginOpenerPolicy(coop -> coop.policy(CrossOriginOpenerPolicy.SAME_ORIGIN))
                            .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)))
                    .addFilterBefore(new SessionGuardFilter(store, credentialCache, clock, mapper), CsrfFilter.class);
            return http.build();
        }
    }
}

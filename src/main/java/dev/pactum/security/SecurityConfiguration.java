package dev.pactum.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pactum.audit.AuditTrailFilter;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.info.InfoEndpoint;
import org.springframework.boot.actuate.metrics.export.prometheus.PrometheusScrapeEndpoint;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.autoconfigure.security.servlet.PathRequest;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.RequestMatcherDelegatingAccessDeniedHandler;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.LocaleResolver;

/**
 * One login for everything: browsers log in with the form at {@code /login} and carry the session into the
 * workspace, the REST API and the Camunda webapps; API clients (scripts, Camunda Modeler) send HTTP Basic.
 * Users, passwords and groups come from Camunda's identity service ({@link CamundaIdentityAuthenticationProvider}).
 * With {@code pactum.sso.enabled}, browsers may instead sign in at the company's OpenID Connect provider
 * ({@link CompanyLogin}); the session that gives is the same kind and serves the same places.
 */
// Only a web server needs a filter chain; the what-if command runs without one.
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SsoProperties.class)
public class SecurityConfiguration {

    /** The group whose members may deploy process models from Camunda Modeler (with camunda-admin). */
    public static final String PROCESS_ANALYSTS = "process-analysts";

    /** The group whose members may read the audit trail (with camunda-admin). */
    public static final String AUDITORS = "auditors";

    /** The authority of an API token with the scope {@code metrics} (see {@link BearerTokens}). */
    static final String METRICS_SCOPE = BearerTokens.SCOPE_PREFIX + "metrics";

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

    /**
     * For Pactum's own pages and API answers: scripts only from Pactum itself (no inline scripts), inline styles
     * allowed (the landing and login pages carry theirs; styles cannot run code), no plugins, no framing by others.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    /** Runs right after Spring Security's filter chain, before Camunda's own webapp filters. */
    private static final int AFTER_SPRING_SECURITY = SecurityProperties.DEFAULT_FILTER_ORDER + 1;

    private final String webappPath;

    public SecurityConfiguration(@Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
        this.webappPath = webappPath;
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, MessageSource messages, LocaleResolver localeResolver,
            ObjectMapper objectMapper, Clock clock, ClientAddresses clientAddresses,
            PactumSecurityProperties properties, AuditTrailFilter auditTrail,
            ObjectProvider<BearerTokens> bearerTokens, SsoProperties sso, IdentityService identityService,
            ApplicationEventPublisher events) throws Exception {
        // Actuator endpoints answer machines: a missing login is a 401 problem, never a redirect to the login page.
        RequestMatcher restApi = new OrRequestMatcher(PATHS.matcher("/api/**"), PATHS.matcher("/engine-rest/**"),
                PATHS.matcher("/actuator/**"));
        RequestMatcher apiDocs = new OrRequestMatcher(PATHS.matcher("/v3/api-docs"), PATHS.matcher("/v3/api-docs/**"));
        RequestMatcher webappApi = PATHS.matcher(webappPath + "/api/**");
        RequestMatcher anyApi = new OrRequestMatcher(restApi, apiDocs, webappApi);
        // Other systems' events carry no session or password: each proves its sender by its HMAC signature, which
        // the integration feature (InboundEvents) checks before it reads anything else.
        // E-signature providers' callbacks likewise, each checked by the provider's own scheme (ESignatureFlows).
        RequestMatcher signedEvents = new OrRequestMatcher(
                PATHS.matcher(HttpMethod.POST, "/api/integrations/{peer}/events"),
                PATHS.matcher(HttpMethod.POST, "/api/integrations/esign/{provider}/callback"),
                // IM approval cards' callbacks: the provider's signature, then its user's directory entry (ImCardDecisions).
                PATHS.matcher(HttpMethod.POST, "/api/integrations/im/{provider}/card-action"),
                // WeCom checks the callback URL with a signed GET (echostr) before it sends any callback.
                PATHS.matcher(HttpMethod.GET, "/api/integrations/im/{provider}/card-action"));
        RequestMatcher basicAuthenticated = request -> {
            String header = request.getHeader("Authorization");
            return header != null && (header.regionMatches(true, 0, "Basic ", 0, 6)
                    || header.regionMatches(true, 0, "Bearer ", 0, 7));
        };
        SecurityProblems problems = new SecurityProblems(messages, localeResolver, objectMapper, clock, true);
        AuthenticationDetailsSource<HttpServletRequest, LoginDetails> loginDetails =
                request -> new LoginDetails(clientAddresses.of(request));
        http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(PathRequest.toStaticResources().atCommonLocations()).permitAll()
                        // Probes (load balancers, Docker, Kubernetes) carry no credentials: health and info are open,
                        // with the status only (details for camunda-admin, management.endpoint.health.roles).
                        .requestMatchers(EndpointRequest.to(HealthEndpoint.class, InfoEndpoint.class)).permitAll()
                        // Prometheus scrapes with a service account's API token of scope "metrics", or as an admin.
                        .requestMatchers(EndpointRequest.to(PrometheusScrapeEndpoint.class))
                                .hasAnyAuthority(Groups.CAMUNDA_ADMIN, METRICS_SCOPE)
                        .requestMatchers(EndpointRequest.toAnyEndpoint()).hasAuthority(Groups.CAMUNDA_ADMIN)
                        // The landing page only links onwards; each target asks for a login itself.
                        .requestMatchers(PATHS.matcher("/"), PATHS.matcher("/index.html"),
                                PATHS.matcher("/login"), PATHS.matcher("/error"),
                                PATHS.matcher(webappPath + "/lib/**"), PATHS.matcher(webappPath + "/assets/**"),
                                PATHS.matcher(webappPath + "/favicon.ico")).permitAll()
                        // Camunda's own password checks would bypass LoginThrottle: passwords are checked at /login
                        // and with HTTP Basic only.
                        .requestMatchers(camundaPasswordChecks()).denyAll()
                        .requestMatchers(PATHS.matcher("/api/admin/users/**"), PATHS.matcher("/api/admin/login-locks"))
                                .hasAuthority(Groups.CAMUNDA_ADMIN)
                        .requestMatchers(signedEvents).permitAll()
                        // Calendar apps read a user's feed with no session: the random token in the address is the
                        // credential, checked by the obligation feature (CalendarFeed). Only this one path is open.
                        .requestMatchers(PATHS.matcher(HttpMethod.GET, "/calendar/{token}.ics"),
                                PATHS.matcher(HttpMethod.HEAD, "/calendar/{token}.ics")).permitAll()
                        // Deploying (Camunda Modeler's "Deploy"), redeploying and deleting deployments change what
                        // runs: analysts and admins only. The engine checks its own DEPLOYMENT permissions as well.
                        .requestMatchers(deploymentChanges()).hasAnyAuthority(PROCESS_ANALYSTS, Groups.CAMUNDA_ADMIN)
                        // A candidate rule set is code the server compiles and runs: only admins replay one. Reloading
                        // puts live what the operator put in the configured rule folder, checked by its fixtures.
                        .requestMatchers(PATHS.matcher("/api/admin/rules/what-if")).hasAuthority(Groups.CAMUNDA_ADMIN)
                        .requestMatchers(PATHS.matcher("/api/admin/rules/**"))
                                .hasAnyAuthority(PROCESS_ANALYSTS, Groups.CAMUNDA_ADMIN)
                        // Credit data feeds the risk score: finance keeps it, not the sales it judges.
                        .requestMatchers(PATHS.matcher("/api/finance/**"))
                                .hasAnyAuthority("finance", Groups.CAMUNDA_ADMIN)
                        .requestMatchers(PATHS.matcher(HttpMethod.PUT, "/api/customers/*/credit"),
                                PATHS.matcher(HttpMethod.POST, "/customers/*/credit"))
                                .hasAnyAuthority(CurrentUser.GROUPS_KEEPING_CREDIT.toArray(String[]::new))
                        // The audit trail: auditors and admins only.
                        .requestMatchers(PATHS.matcher("/api/audit"), PATHS.matcher("/api/audit/**"),
                                PATHS.matcher("/api/audit.csv")).hasAnyAuthority(AUDITORS, Groups.CAMUNDA_ADMIN)
                        .anyRequest().authenticated())
                // LoginPage renders GET /login; Spring Security handles POST /login and returns to the saved page.
                .formLogin(form -> form.loginPage("/login").authenticationDetailsSource(loginDetails).permitAll())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems).authenticationDetailsSource(loginDetails))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .csrf(csrf -> csrf.ignoringRequestMatchers(signedEvents,
                        // Stateless API clients authenticate every request; there is no session cookie to forge.
                        new AndRequestMatcher(restApi, basicAuthenticated),
                        // The webapps send Camunda's own X-XSRF-TOKEN, checked by Camunda's CsrfPreventionFilter.
                        PATHS.matcher(webappPath + "/**")))
                .headers(headers -> headers
                        .frameOptions(frame -> frame.sameOrigin())
                        // Sent only over HTTPS (Spring Security's default), so it appears once server.ssl is on.
                        .httpStrictTransportSecurity(hsts -> hsts
                                .maxAgeInSeconds(properties.hstsMaxAge().toSeconds()).includeSubDomains(true))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        // The Camunda webapps send their own policy (with a per-response script nonce).
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new NegatedRequestMatcher(PATHS.matcher(webappPath + "/**")),
                                new StaticHeadersWriter("Content-Security-Policy", CompanyLogin.contentSecurityPolicy(sso)))))
                .requestCache(cache -> cache.requestCache(pageRequestCache(anyApi)))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(entryPoint(new OrRequestMatcher(restApi, apiDocs), webappApi,
                                problems, new SecurityProblems(messages, localeResolver, objectMapper, clock, false)))
                        .accessDeniedHandler(accessDenied(anyApi, problems)));
        if (sso.enabled()) {
            CompanyLogin.configure(http, sso, identityService, events);
        }
        // Audit trail (dev.pactum.audit): right after the security context is loaded, so it records every request
        // with its user, including the 401s, 403s, logins and logouts that later security filters answer.
        http.addFilterAfter(auditTrail, SecurityContextHolderFilter.class);
        // Swagger UI's "Try it out" with the session: its page carries the CSRF token in a cookie springdoc reads.
        http.addFilterAfter(new SwaggerUiCsrfCookie(), CsrfFilter.class);
        // Machines: service accounts' API tokens (Authorization: Bearer), kept by the integration feature.
        bearerTokens.ifAvailable(tokens -> http.addFilterBefore(new BearerTokenFilter(tokens,
                new SecurityProblems(messages, localeResolver, objectMapper, clock, false),
                new SecurityProblems(messages, localeResolver, objectMapper, clock, false)),
                BasicAuthenticationFilter.class));
        return http.build();
    }

    /**
     * Camunda's endpoints that take a user name and password and answer whether they match: the webapps' own login
     * (single sign-on makes it unused) and the engine REST API's identity check.
     */
    private RequestMatcher camundaPasswordChecks() {
        return new OrRequestMatcher(
                PATHS.matcher(HttpMethod.POST, webappPath + "/api/admin/auth/user/{engine}/login/**"),
                PATHS.matcher(HttpMethod.POST, "/engine-rest/identity/verify"),
                PATHS.matcher(HttpMethod.POST, "/engine-rest/engine/{engine}/identity/verify"));
    }

    /** Engine REST calls that create or remove deployments, under the default engine's path and a named engine's. */
    private static RequestMatcher deploymentChanges() {
        List<RequestMatcher> matchers = new ArrayList<>();
        for (String base : new String[] {"/engine-rest", "/engine-rest/engine/{engine}"}) {
            matchers.add(PATHS.matcher(HttpMethod.POST, base + "/deployment/create"));
            matchers.add(PATHS.matcher(HttpMethod.POST, base + "/deployment/{id}/redeploy"));
            matchers.add(PATHS.matcher(HttpMethod.DELETE, base + "/deployment/{id}"));
        }
        return new OrRequestMatcher(matchers);
    }

    /** Remembers only page requests, so a login returns to the page and never to an API call. */
    private static HttpSessionRequestCache pageRequestCache(RequestMatcher anyApi) {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setRequestMatcher(new AndRequestMatcher(
                PATHS.matcher(HttpMethod.GET, "/**"),
                new NegatedRequestMatcher(anyApi),
                new NegatedRequestMatcher(new RequestHeaderRequestMatcher("X-Requested-With", "XMLHttpRequest"))));
        cache.setMatchingRequestParameterName(null);
        return cache;
    }

    private static AuthenticationEntryPoint entryPoint(RequestMatcher restApi, RequestMatcher webappApi,
            SecurityProblems restProblems, SecurityProblems webappProblems) {
        var entryPoints = new LinkedHashMap<RequestMatcher, AuthenticationEntryPoint>();
        entryPoints.put(restApi, restProblems);
        entryPoints.put(webappApi, webappProblems);
        DelegatingAuthenticationEntryPoint entryPoint = new DelegatingAuthenticationEntryPoint(entryPoints);
        entryPoint.setDefaultEntryPoint(new LoginUrlAuthenticationEntryPoint("/login"));
        return entryPoint;
    }

    private static AccessDeniedHandler accessDenied(RequestMatcher anyApi, SecurityProblems problems) {
        var handlers = new LinkedHashMap<RequestMatcher, AccessDeniedHandler>();
        handlers.put(anyApi, problems);
        return new RequestMatcherDelegatingAccessDeniedHandler(handlers, new AccessDeniedHandlerImpl());
    }

    /**
     * Single sign-on with Tasklist, Cockpit and Admin: Camunda's container-based authentication takes the user
     * from Spring Security ({@link SpringSecurityWebappAuthenticationProvider}) and keeps it in the HTTP session.
     */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaWebappSingleSignOn() {
        var registration = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setName("Pactum single sign-on for the Camunda webapps");
        registration.addInitParameter("authentication-provider",
                SpringSecurityWebappAuthenticationProvider.class.getName());
        registration.addUrlPatterns(webappPath + "/*");
        registration.setOrder(AFTER_SPRING_SECURITY);
        return registration;
    }

    /** Unexpected errors of the engine REST API without class names or internals ({@link EngineRestErrors}). */
    @Bean
    ResourceConfigCustomizer engineRestErrors(MessageSource messages, LocaleResolver localeResolver) {
        return config -> config.register(new EngineRestErrors(messages, localeResolver))
                .register(new EngineRefusals.InEngine(messages, localeResolver), 1000)
                .register(new EngineRefusals.InRestResource(messages, localeResolver), 1000);
    }

    /**
     * A request Spring Security's firewall refuses (a parameter name with control characters, which a form body of
     * random bytes gives) is the caller's fault: 400, not the 500 of an unhandled exception.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return new HttpStatusRequestRejectedHandler();
    }

    @Bean
    static InitialAdminPasswordCheck initialAdminPasswordCheck() {
        return new InitialAdminPasswordCheck();
    }

    @Bean
    FilterRegistrationBean<EngineRestAuthenticationFilter> engineRestAuthentication(IdentityService identityService) {
        var registration = new FilterRegistrationBean<>(new EngineRestAuthenticationFilter(identityService));
        registration.setName("Pactum engine REST authentication");
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(AFTER_SPRING_SECURITY);
        return registration;
    }
}

package dev.pactum;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.MapPropertySource;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * A real OpenID Connect provider for the one shared test context: Spring Authorization Server in a small Spring
 * application of its own, on {@code 127.0.0.1} and a free port (a host other than the app's {@code localhost}, so the
 * two sessions' cookies stay apart, as with a real company provider). It serves discovery, JWKS, the authorization
 * code flow with PKCE required, its own login form, user info and RP-initiated logout; Pactum is a confidential client.
 *
 * <p>Its people (password {@code <name>-pw}) and their groups at the provider are below; {@code pactum.sso.group-mapping}
 * maps some of those groups to Pactum's. Tests may have the next ID token carry other claims, or be signed with a key
 * the provider does not publish.
 */
public class TestIdentityProvider implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String CLIENT_ID = "pactum";
    private static final String CLIENT_SECRET = "pactum-test-client-secret";

    /** The provider's people and their groups there. */
    public static final Map<String, List<String>> GROUPS_AT_PROVIDER = Map.of(
            "alice", List.of("Sales Team", "Everyone"),
            "mark", List.of("Approvers", "Everyone"),
            // Provider groups named like Pactum's own, even camunda-admin: unmapped, so they give nothing.
            "mallory", List.of("camunda-admin", "sales-managers", "Domain Admins"),
            // The same name as the local demo account sales1.
            "sales1", List.of("Approvers"));

    /** pactum.sso.group-mapping for the tests. */
    static final Map<String, String> GROUP_MAPPING = Map.of(
            "Sales Team", "sales",
            "Approvers", "sales-managers",
            "Everyone", "no-such-pactum-group");

    private static TestIdentityProvider running;

    private final ServletWebServerApplicationContext context;
    private final AtomicReference<Consumer<JwtClaimsSet.Builder>> nextIdToken = new AtomicReference<>();
    private final AtomicBoolean signWithUnpublishedKey = new AtomicBoolean();

    /** Used as the context initializer named in {@link PactumTest}. */
    public TestIdentityProvider() {
        this.context = null;
    }

    private TestIdentityProvider(ServletWebServerApplicationContext context) {
        this.context = context;
    }

    public static synchronized TestIdentityProvider get() {
        if (running == null) {
            Provider.owner = new AtomicReference<>();
            var application = new SpringApplication(Provider.class);
            application.setWebApplicationType(WebApplicationType.SERVLET);
            // The app under test has set up logging already; a second set-up would drop its levels.
            application.setListeners(application.getListeners().stream()
                    .filter(listener -> !(listener instanceof LoggingApplicationListener)).toList());
            var context = (ServletWebServerApplicationContext) application
                    .run("--spring.config.name=test-identity-provider", "--spring.main.banner-mode=off",
                            "--server.address=127.0.0.1", "--server.port=0",
                            "--server.servlet.session.cookie.name=PROVIDER_SESSION");
            running = new TestIdentityProvider(context);
            Provider.owner.set(running);
            Runtime.getRuntime().addShutdownHook(new Thread(context::close, "test-identity-provider-stop"));
        }
        return running;
    }

    @Override
    public void initialize(ConfigurableApplicationContext app) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("pactum.sso.enabled", "true");
        properties.put("pactum.sso.issuer-uri", get().issuer());
        properties.put("pactum.sso.client-id", CLIENT_ID);
        properties.put("pactum.sso.client-secret", CLIENT_SECRET);
        GROUP_MAPPING.forEach((providerGroup, group) ->
                properties.put("pactum.sso.group-mapping[" + providerGroup + "]", group));
        app.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-identity-provider", properties));
    }

    public String issuer() {
        return "http://127.0.0.1:" + context.getWebServer().getPort();
    }

    /** Registers Pactum's redirect URIs (its port is known once it runs); may be called again. */
    public void allowPactumAt(int pactumPort) {
        String pactum = "http://localhost:" + pactumPort;
        var clients = context.getBean(InMemoryRegisteredClientRepository.class);
        RegisteredClient client = clients.findByClientId(CLIENT_ID);
        clients.save(RegisteredClient.from(client)
                .redirectUris(uris -> uris.add(pactum + "/login/oauth2/code/company"))
                .postLogoutRedirectUris(uris -> uris.add(pactum + "/login?logout"))
                .build());
    }

    /** The next ID token gets these changes to its claims (a wrong audience, another issuer, ...). */
    public void changeNextIdToken(Consumer<JwtClaimsSet.Builder> change) {
        nextIdToken.set(change);
    }

    /** Sign the next tokens with a key of the same id that the provider's JWKS does not publish (a forgery). */
    public void signWithUnpublishedKey(boolean forge) {
        signWithUnpublishedKey.set(forge);
    }

    /** Back to honest tokens. */
    public void reset() {
        nextIdToken.set(null);
        signWithUnpublishedKey.set(false);
    }

    // Not a @Configuration: the app's component scan must not find it (it is the provider's application, not Pactum's).
    @EnableWebSecurity
    @ImportAutoConfiguration({ServletWebServerFactoryAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
            SecurityAutoConfiguration.class, SecurityFilterAutoConfiguration.class})
    static class Provider {

        private static final String KEY_ID = "provider-key";
        static AtomicReference<TestIdentityProvider> owner;

        @Bean
        @Order(1)
        SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
            var server = OAuth2AuthorizationServerConfigurer.authorizationServer();
            http.securityMatcher(server.getEndpointsMatcher())
                    .with(server, configurer -> configurer.oidc(Customizer.withDefaults()))
                    .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                            new LoginUrlAuthenticationEntryPoint("/login"),
                            new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                    .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()));
            return http.build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain providerLogin(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .formLogin(Customizer.withDefaults())
                    .build();
        }

        @Bean
        UserDetailsService people() {
            var people = new InMemoryUserDetailsManager();
            GROUPS_AT_PROVIDER.keySet().forEach(name ->
                    people.createUser(User.withUsername(name).password("{noop}" + name + "-pw").roles("USER").build()));
            return people;
        }

        @Bean
        InMemoryRegisteredClientRepository clients() {
            return new InMemoryRegisteredClientRepository(RegisteredClient.withId(UUID.randomUUID().toString())
                    .clientId(CLIENT_ID)
                    .clientSecret("{noop}" + CLIENT_SECRET)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri("http://localhost/registered-when-pactum-runs")
                    .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE).scope(OidcScopes.EMAIL)
                    .clientSettings(ClientSettings.builder().requireProofKey(true)
                            .requireAuthorizationConsent(false).build())
                    .build());
        }

        @Bean
        AuthorizationServerSettings settings() {
            return AuthorizationServerSettings.builder().build();
        }

        @Bean
        JWKSource<SecurityContext> publishedKeys() {
            return new ImmutableJWKSet<>(new JWKSet(rsaKey()));
        }

        @Bean
        JwtDecoder accessTokens(JWKSource<SecurityContext> publishedKeys) {
            return OAuth2AuthorizationServerConfiguration.jwtDecoder(publishedKeys);
        }

        @Bean
        JwtEncoder tokens(JWKSource<SecurityContext> publishedKeys) {
            var honest = new NimbusJwtEncoder(publishedKeys);
            var forger = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(rsaKey())));
            return parameters -> (owner.get() != null && owner.get().signWithUnpublishedKey.get() ? forger : honest)
                    .encode(parameters);
        }

        /** The claims Keycloak and Azure AD send too: a user name, names, email, and the groups at the provider. */
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> idTokenClaims() {
            return context -> {
                if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                    return;
                }
                String name = context.getPrincipal().getName();
                context.getClaims()
                        .claim("preferred_username", name)
                        .claim("given_name", name.substring(0, 1).toUpperCase() + name.substring(1))
                        .claim("family_name", "Tester")
                        .claim("email", name + "@company.example")
                        .claim("groups", GROUPS_AT_PROVIDER.getOrDefault(name, List.of()));
                Consumer<JwtClaimsSet.Builder> change = owner.get() == null ? null : owner.get().nextIdToken.getAndSet(null);
                if (change != null) {
                    change.accept(context.getClaims());
                }
            };
        }

        private static RSAKey rsaKey() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                        .keyID(KEY_ID).build();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}

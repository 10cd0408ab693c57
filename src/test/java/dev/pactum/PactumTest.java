package dev.pactum;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The one shared full-application context for end-to-end tests: real HTTP on a random port, a real
 * embedded PostgreSQL, the engine with its job executor off so tests execute jobs themselves, and a real SMTP
 * server ({@link TestMailServer}) that receives the notification emails, and real HTTP peers standing in for
 * finance and the CRM ({@link TestPeers}), and a real OpenID Connect provider for company login
 * ({@link TestIdentityProvider}).
 * Every end-to-end test uses exactly this annotation so Spring caches a single context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = {TestMailServer.class, TestPeers.class, TestIdentityProvider.class})
public @interface PactumTest {
}

package dev.pactum.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.hibernate.jpa.boot.spi.IntegratorProvider;
import org.hibernate.jpa.boot.spi.JpaSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.orm.jpa.HibernatePropertiesCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Wires the audit trail in from the outside: an engine plugin, a Hibernate integrator, security event listeners and
 * a filter that {@code SecurityConfiguration} places in Spring Security's chain. No other feature calls it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditProperties.class)
@EnableScheduling
class AuditConfiguration {

    /** Static: the engine's configuration asks for plugins early, before ordinary beans are ready. */
    @Bean
    static EngineAudit engineAudit(ObjectProvider<AuditTrail> trail) {
        return new EngineAudit(trail::getObject);
    }

    @Bean
    HibernatePropertiesCustomizer auditEntityChanges() {
        EntityChangeAudit listener = new EntityChangeAudit();
        return properties -> properties.put(JpaSettings.INTEGRATOR_PROVIDER,
                (IntegratorProvider) () -> List.of(listener));
    }

    @Bean
    AuthenticationAudit authenticationAudit(AuditTrail trail) {
        return new AuthenticationAudit(trail);
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    AuditTrailFilter auditTrailFilter(AuditTrail trail, AuditProperties properties,
            @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
        // A mapper of our own: the app's leaves out nulls, and "assignee": null before a claim is the point.
        return new AuditTrailFilter(trail, new AuditedRequests(webappPath),
                new SourceAddress(properties.trustedProxies()), new ObjectMapper());
    }

    /** The filter runs inside Spring Security's chain only; the servlet container must not run it a second time. */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    FilterRegistrationBean<AuditTrailFilter> auditTrailFilterNotInServletContainer(AuditTrailFilter filter) {
        FilterRegistrationBean<AuditTrailFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }
}

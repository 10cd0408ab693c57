package dev.pactum.workspace;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.spring6.templateresolver.SpringResourceTemplateResolver;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * The workspace pages: Thymeleaf templates under {@code templates-web/} (the jar's {@code templates/} holds the
 * Velocity contract templates business users edit), and the reader's remembered language on every page.
 */
@Configuration(proxyBeanMethods = false)
class WorkspaceConfiguration {

    /** Replaces Spring Boot's resolver of {@code classpath:/templates/}, which is the contract templates' folder. */
    @Bean
    SpringResourceTemplateResolver defaultTemplateResolver(ApplicationContext context) {
        SpringResourceTemplateResolver resolver = new SpringResourceTemplateResolver();
        resolver.setApplicationContext(context);
        resolver.setPrefix("classpath:/templates-web/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        resolver.setCheckExistence(true);
        return resolver;
    }

    @Bean
    FilterRegistrationBean<WorkspaceLanguage> workspaceLanguage() {
        var registration = new FilterRegistrationBean<>(new WorkspaceLanguage());
        registration.setName("Pactum workspace language");
        registration.addUrlPatterns(WorkspaceLanguage.PAGE_PATTERNS);
        return registration;
    }
}

package dev.pactum.rules;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts compiling the configured rule files as soon as the environment is known, before the context reads a
 * single bean definition (registered in {@code META-INF/spring.factories}). The {@link RuleBase} bean takes this
 * compile over when its location is still the one configured; otherwise it starts its own.
 */
public class RuleCompileInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** The bean {@link RuleBase} finds the early compile under. */
    static final String BEAN_NAME = "initialRuleCompile";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (context.getBeanFactory().containsSingleton(BEAN_NAME)) {
            return;
        }
        String location = Binder.get(context.getEnvironment()).bind("pactum.rules.location", String.class)
                .orElse(RulesProperties.DEFAULT_LOCATION);
        context.getBeanFactory().registerSingleton(BEAN_NAME, InitialRuleCompile.start(location, context));
    }
}

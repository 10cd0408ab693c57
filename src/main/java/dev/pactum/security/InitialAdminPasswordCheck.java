package dev.pactum.security;

import java.util.Locale;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Camunda's starter creates the first admin from {@code camunda.bpm.admin-user.id} and, when no password is
 * configured, silently uses the id as the password. Pactum refuses to start instead, before the engine exists, and
 * likewise when the password would fail the password policy.
 */
class InitialAdminPasswordCheck implements BeanFactoryPostProcessor, EnvironmentAware {

    static final String ID = "camunda.bpm.admin-user.id";
    static final String PASSWORD = "camunda.bpm.admin-user.password";
    static final String MIN_LENGTH = "pactum.security.password.min-length";

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        Binder binder = Binder.get(environment);
        boolean adminConfigured = binder.bind(ID, String.class).isBound();
        String password = binder.bind(PASSWORD, String.class).orElse("");
        if (adminConfigured && password.isBlank()) {
            throw new IllegalStateException(ID + " is set but " + PASSWORD
                    + " is not (env CAMUNDA_BPM_ADMINUSER_PASSWORD): refusing to create an admin whose password is its id");
        }
        // The engine would refuse it too (PactumPasswordPolicy), but half-way through start-up and without saying why.
        int minLength = binder.bind(MIN_LENGTH, Integer.class).orElse(10);
        String id = binder.bind(ID, String.class).orElse("");
        if (adminConfigured && (password.length() < minLength
                || password.toUpperCase(Locale.ROOT).contains(id.toUpperCase(Locale.ROOT)))) {
            throw new IllegalStateException(PASSWORD + " must have at least " + minLength
                    + " characters and must not contain the admin's id");
        }
    }
}

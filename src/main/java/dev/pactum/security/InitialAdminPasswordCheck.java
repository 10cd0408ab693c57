package dev.pactum.security;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Camunda's starter creates the first admin from {@code camunda.bpm.admin-user.id} and, when no password is
 * configured, silently uses the id as the password. Pactum refuses to start instead, before the engine exists.
 */
class InitialAdminPasswordCheck implements BeanFactoryPostProcessor, EnvironmentAware {

    static final String ID = "camunda.bpm.admin-user.id";
    static final String PASSWORD = "camunda.bpm.admin-user.password";

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
    }
}

package dev.pactum.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How Camunda's identity service stores and checks passwords in Pactum. The Camunda Spring Boot starter applies
 * every {@code ProcessEnginePlugin} bean before the engine is built.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PactumSecurityProperties.class)
class IdentityEngineSettings extends AbstractProcessEnginePlugin {

    private final BcryptPasswordEncryptor encryptor;
    private final int minLength;

    IdentityEngineSettings(PactumSecurityProperties properties) {
        this.encryptor = new BcryptPasswordEncryptor(properties.password().bcryptCost());
        this.minLength = properties.password().minLength();
    }

    @Bean
    BcryptPasswordEncryptor passwordEncryptor() {
        return encryptor;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // New passwords are hashed with bcrypt; SHA-512 and SHA-1 hashes keep verifying (Camunda's PasswordManager).
        configuration.setPasswordEncryptor(encryptor);
        configuration.setEnablePasswordPolicy(true);
        configuration.setPasswordPolicy(new PactumPasswordPolicy(minLength));
        // Camunda delays a user's next check after each failure (3 s doubling to 60 s) and locks the user for good
        // after 10, whoever failed and from wherever: anyone could lock anyone out. LoginThrottle takes that job, so
        // Camunda's lock expires the moment it is set and never becomes permanent.
        configuration.setLoginDelayBase(0);
        configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
    }
}

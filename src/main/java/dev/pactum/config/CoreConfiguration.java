package dev.pactum.config;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PactumProperties.class)
class CoreConfiguration {

    /** The engine's clock in the company's zone (see {@link EngineClock}). */
    @Bean
    Clock clock(PactumProperties properties) {
        return new EngineClock(properties.zone());
    }
}

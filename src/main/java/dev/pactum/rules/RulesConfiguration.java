package dev.pactum.rules;

import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RulesProperties.class)
class RulesConfiguration {

    @Bean
    RulesStartupCheck rulesStartupCheck(RuleBase rules) {
        return new RulesStartupCheck(rules);
    }

    /** Health component "rules" (Boot drops the suffix), part of the readiness group. */
    @Bean
    @ConditionalOnEnabledHealthIndicator("rules")
    RulesHealthIndicator rulesHealthIndicator(RuleBase rules) {
        return new RulesHealthIndicator(rules);
    }
}

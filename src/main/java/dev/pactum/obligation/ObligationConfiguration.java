package dev.pactum.obligation;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SigningProperties.class, ObligationProperties.class})
class ObligationConfiguration {
}

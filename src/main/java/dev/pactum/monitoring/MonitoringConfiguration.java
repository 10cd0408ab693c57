package dev.pactum.monitoring;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Operations: the job executor's readiness check and the lifecycle's metrics. This feature only reads and listens
 * (the engine, {@code contract}'s events and queries, {@code approval}'s SLA count); nothing depends on it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MonitoringProperties.class)
@EnableScheduling
class MonitoringConfiguration {
}

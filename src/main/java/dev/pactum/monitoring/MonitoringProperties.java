package dev.pactum.monitoring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of probes and metrics (prefix {@code pactum.monitoring}); documented in README, "Operations".
 *
 * @param gaugeRefresh             how often the engine gauges are read from the database (a scrape reads the last
 *                                 values, so scrapes never load the database and answer while it is down)
 * @param jobAcquisitionStaleAfter the job executor counts as stuck when its last acquisition cycle began longer ago
 */
@ConfigurationProperties(prefix = "pactum.monitoring")
public record MonitoringProperties(@DefaultValue("PT30S") Duration gaugeRefresh,
                                   @DefaultValue("PT5M") Duration jobAcquisitionStaleAfter) {
}

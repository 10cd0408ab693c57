package dev.pactum.monitoring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.AcquireJobsRunnable;
import org.camunda.bpm.engine.impl.jobexecutor.JobAcquisitionContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.SequentialJobAcquisitionRunnable;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Readiness of the engine's job executor (health component {@code jobExecutor}): it runs, and its last acquisition
 * cycle began recently and ended without an error (a database it cannot reach, a lock it cannot take). Timers,
 * SLA escalations and every call to finance and the CRM are jobs: a node whose executor is stuck would accept
 * contracts it never moves on. A node configured without job execution ({@code camunda.bpm.job-execution.enabled}
 * false) is ready as far as jobs go: other nodes run them.
 */
// Health component "jobExecutor" (Boot drops the suffix); the bean "jobExecutor" is the engine's own executor.
@Component("jobExecutorHealthIndicator")
class JobExecutorHealthIndicator extends AbstractHealthIndicator {

    private final ProcessEngine engine;
    private final CamundaBpmProperties camunda;
    private final Duration staleAfter;
    /** The acquisition thread stamps its cycles with the system's time, never the engine's (tests move that). */
    private final Clock wallClock;

    @Autowired
    JobExecutorHealthIndicator(ProcessEngine engine, CamundaBpmProperties camunda, MonitoringProperties properties) {
        this(engine, camunda, properties.jobAcquisitionStaleAfter(), Clock.systemUTC());
    }

    JobExecutorHealthIndicator(ProcessEngine engine, CamundaBpmProperties camunda, Duration staleAfter,
                               Clock wallClock) {
        super("Job executor health check failed");
        this.engine = engine;
        this.camunda = camunda;
        this.staleAfter = staleAfter;
        this.wallClock = wallClock;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        if (!camunda.getJobExecution().isEnabled()) {
            health.up().withDetail("jobExecution", "disabled on this node");
            return;
        }
        JobExecutor executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getJobExecutor();
        check(executor, health);
    }

    void check(JobExecutor executor, Health.Builder health) {
        health.withDetail("lockOwner", executor.getLockOwner());
        if (!executor.isActive()) {
            health.down().withDetail("active", false);
            return;
        }
        health.withDetail("active", true);
        AcquireJobsRunnable acquisition = executor.getAcquireJobsRunnable();
        if (!(acquisition instanceof SequentialJobAcquisitionRunnable sequential)) {
            health.up();
            return;
        }
        JobAcquisitionContext last = sequential.getAcquisitionContext();
        long began = last.getAcquisitionTime();
        Exception failure = last.getAcquisitionException();
        if (began == 0) {
            health.up().withDetail("lastAcquisition", "not yet");
            return;
        }
        Instant lastAcquisition = Instant.ofEpochMilli(began);
        health.withDetail("lastAcquisition", lastAcquisition.toString());
        if (failure != null) {
            health.down().withDetail("acquisitionError", failure.getClass().getSimpleName() + ": "
                    + failure.getMessage());
        } else if (lastAcquisition.plus(staleAfter).isBefore(wallClock.instant())) {
            health.down().withDetail("acquisitionError", "no acquisition cycle since " + lastAcquisition);
        } else {
            health.up();
        }
    }
}

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
 * Readiness of the engine's job executor (health component {@code jobExecutor}): it runs, its acquisitions succeed
 * ({@link JobAcquisitionWatch}: not two attempts in a row without success, e.g. a database it cannot reach) and its
 * last acquisition cycle began recently (the thread is not stuck). Timers,
 * SLA escalations and every call to finance and the CRM are jobs: a node whose executor is stuck would accept
 * contracts it never moves on. A node configured without job execution ({@code camunda.bpm.job-execution.enabled}
 * false) is ready as far as jobs go: other nodes run them.
 */
// Health component "jobExecutor" (Boot drops the suffix); the bean "jobExecutor" is the engine's own executor.
@Component("jobExecutorHealthIndicator")
class JobExecutorHealthIndicator extends AbstractHealthIndicator {

    private final ProcessEngine engine;
    private final CamundaBpmProperties camunda;
    private final JobAcquisitionWatch acquisitions;
    private final Duration staleAfter;
    /** The acquisition thread stamps its cycles with the system's time, never the engine's (tests move that). */
    private final Clock wallClock;

    @Autowired
    JobExecutorHealthIndicator(ProcessEngine engine, CamundaBpmProperties camunda, JobAcquisitionWatch acquisitions,
                               MonitoringProperties properties) {
        this(engine, camunda, acquisitions, properties.jobAcquisitionStaleAfter(), Clock.systemUTC());
    }

    JobExecutorHealthIndicator(ProcessEngine engine, CamundaBpmProperties camunda, JobAcquisitionWatch acquisitions,
                               Duration staleAfter, Clock wallClock) {
        super("Job executor health check failed");
        this.engine = engine;
        this.camunda = camunda;
        this.acquisitions = acquisitions;
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
        if (acquisitions.lastSuccess() != null) {
            health.withDetail("lastSuccessfulAcquisition", acquisitions.lastSuccess().toString());
        }
        JobAcquisitionContext cycle = executor.getAcquireJobsRunnable() instanceof SequentialJobAcquisitionRunnable
                sequential ? sequential.getAcquisitionContext() : null;
        long began = cycle == null ? 0 : cycle.getAcquisitionTime();
        Exception failure = cycle == null ? null : cycle.getAcquisitionException();
        int attempts = acquisitions.attemptsSinceSuccess();
        if (failure != null || attempts >= 2) {
            health.down().withDetail("failedAcquisitions", Math.max(1, attempts - 1));
            if (failure != null) {
                health.withDetail("acquisitionError", failure.getClass().getSimpleName() + ": "
                        + failure.getMessage());
            }
            return;
        }
        if (began == 0) {
            health.up().withDetail("lastAcquisition", "not yet");
            return;
        }
        Instant lastCycle = Instant.ofEpochMilli(began);
        health.withDetail("lastAcquisition", lastCycle.toString());
        if (lastCycle.plus(staleAfter).isBefore(wallClock.instant())) {
            health.down().withDetail("acquisitionError", "no acquisition cycle since " + lastCycle);
        } else {
            health.up();
        }
    }
}

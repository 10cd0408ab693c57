package dev.pactum.monitoring;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.jobexecutor.AcquireJobsCommandFactory;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultAcquireJobsCommandFactory;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.stereotype.Component;

/**
 * Watches the job executor's acquisitions: each attempt (the executor asks for the acquisition command) and each
 * success (the command ran in its transaction). A failed acquisition, a database it cannot reach for instance, never
 * reaches the command: its transaction does not open. Attempts that pile up without a success therefore mean the
 * acquisition fails, however short the moment the executor itself keeps the error ({@link JobExecutorHealthIndicator}).
 */
@Component
class JobAcquisitionWatch extends AbstractProcessEnginePlugin {

    private final Clock wallClock;
    private final AtomicInteger attemptsSinceSuccess = new AtomicInteger();
    private volatile Instant lastSuccess;

    JobAcquisitionWatch() {
        this(Clock.systemUTC());
    }

    JobAcquisitionWatch(Clock wallClock) {
        this.wallClock = wallClock;
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        JobExecutor executor = configuration.getJobExecutor();
        if (executor != null) {
            AcquireJobsCommandFactory commands = executor.getAcquireJobsCmdFactory();
            executor.setAcquireJobsCmdFactory(watching(commands != null ? commands
                    : new DefaultAcquireJobsCommandFactory(executor)));
        }
    }

    AcquireJobsCommandFactory watching(AcquireJobsCommandFactory commands) {
        return numJobsToAcquire -> {
            attemptsSinceSuccess.incrementAndGet();
            Command<AcquiredJobs> acquisition = commands.getCommand(numJobsToAcquire);
            return context -> {
                AcquiredJobs acquired = acquisition.execute(context);
                lastSuccess = wallClock.instant();
                attemptsSinceSuccess.set(0);
                return acquired;
            };
        };
    }

    /** Acquisitions begun since the last that succeeded; one may be under way, two or more mean failures. */
    int attemptsSinceSuccess() {
        return attemptsSinceSuccess.get();
    }

    /** When an acquisition last succeeded; null before the first. */
    Instant lastSuccess() {
        return lastSuccess;
    }
}

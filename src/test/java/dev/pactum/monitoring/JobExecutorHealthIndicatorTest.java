package dev.pactum.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.jobexecutor.AcquireJobsCommandFactory;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.SequentialJobAcquisitionRunnable;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/**
 * The readiness check of a real Camunda job executor (its own acquisition thread, no engine registered): down until
 * started, up while it acquires, down when acquisitions stop succeeding, when its acquisition stalls or when it is
 * shut down. Acquisitions failing on a database that went away are in {@link ReadinessWhenDatabaseDownIT}.
 */
class JobExecutorHealthIndicatorTest {

    private static final Duration STALE_AFTER = Duration.ofMinutes(5);

    @Test
    void anExecutorThatWasNotStartedIsNotReady() {
        assertThat(check(new DefaultJobExecutor(), Clock.systemUTC()).getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void aRunningExecutorIsReadyUntilItsAcquisitionStallsOrItStops() throws Exception {
        DefaultJobExecutor executor = new DefaultJobExecutor();
        executor.start();
        try {
            awaitFirstAcquisition(executor);

            Health running = check(executor, Clock.systemUTC());
            assertThat(running.getStatus()).isEqualTo(Status.UP);
            assertThat(running.getDetails()).containsEntry("active", true).containsKey("lastAcquisition");

            Clock later = Clock.offset(Clock.systemUTC(), STALE_AFTER.plusMinutes(1));
            Health stalled = check(executor, later);
            assertThat(stalled.getStatus()).isEqualTo(Status.DOWN);
            assertThat((String) stalled.getDetails().get("acquisitionError")).startsWith("no acquisition cycle since");
        } finally {
            executor.shutdown();
        }
        assertThat(check(executor, Clock.systemUTC()).getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void aNodeWithoutJobExecutionIsReady() {
        CamundaBpmProperties camunda = new CamundaBpmProperties();
        camunda.getJobExecution().setEnabled(false);
        Health health = new JobExecutorHealthIndicator(null, camunda, new JobAcquisitionWatch(), STALE_AFTER,
                Clock.systemUTC()).health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("jobExecution", "disabled on this node");
    }

    @Test
    void acquisitionsThatDoNotSucceedMakeItNotReadyUntilOneDoes() throws Exception {
        DefaultJobExecutor executor = new DefaultJobExecutor();
        JobAcquisitionWatch watch = new JobAcquisitionWatch();
        // The engine's own command stands behind the watch in the app; here one that acquires nothing.
        AcquireJobsCommandFactory acquisitions = watch.watching(numJobs -> context -> new AcquiredJobs(numJobs));
        executor.start();
        try {
            awaitFirstAcquisition(executor);

            acquisitions.getCommand(3); // under way: its transaction is opening
            assertThat(check(executor, watch, Clock.systemUTC()).getStatus()).isEqualTo(Status.UP);

            Command<AcquiredJobs> next = acquisitions.getCommand(3); // the first never ran: its transaction failed
            Health failing = check(executor, watch, Clock.systemUTC());
            assertThat(failing.getStatus()).isEqualTo(Status.DOWN);
            assertThat(failing.getDetails()).containsEntry("failedAcquisitions", 1);

            next.execute(null);
            Health recovered = check(executor, watch, Clock.systemUTC());
            assertThat(recovered.getStatus()).isEqualTo(Status.UP);
            assertThat(recovered.getDetails()).containsKey("lastSuccessfulAcquisition");
        } finally {
            executor.shutdown();
        }
    }

    private static Health check(DefaultJobExecutor executor, Clock clock) {
        return check(executor, new JobAcquisitionWatch(), clock);
    }

    private static Health check(DefaultJobExecutor executor, JobAcquisitionWatch watch, Clock clock) {
        Health.Builder health = new Health.Builder();
        new JobExecutorHealthIndicator(null, new CamundaBpmProperties(), watch, STALE_AFTER, clock)
                .check(executor, health);
        return health.build();
    }

    private static void awaitFirstAcquisition(DefaultJobExecutor executor) {
        SequentialJobAcquisitionRunnable acquisition = (SequentialJobAcquisitionRunnable) executor
                .getAcquireJobsRunnable();
        await().alias("the first acquisition cycle began").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> acquisition.getAcquisitionContext().getAcquisitionTime() != 0);
    }
}

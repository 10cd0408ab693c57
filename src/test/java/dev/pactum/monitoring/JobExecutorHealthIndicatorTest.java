package dev.pactum.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.SequentialJobAcquisitionRunnable;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/**
 * The readiness check of a real Camunda job executor (its own acquisition thread, no engine registered): down until
 * started, up while it acquires, down when its acquisition stalls or it is shut down. An acquisition that fails on the
 * database is in {@link ReadinessWhenDatabaseDownTest}.
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
        Health health = new JobExecutorHealthIndicator(null, camunda, STALE_AFTER, Clock.systemUTC()).health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("jobExecution", "disabled on this node");
    }

    private static Health check(DefaultJobExecutor executor, Clock clock) {
        Health.Builder health = new Health.Builder();
        new JobExecutorHealthIndicator(null, new CamundaBpmProperties(), STALE_AFTER, clock).check(executor, health);
        return health.build();
    }

    private static void awaitFirstAcquisition(DefaultJobExecutor executor) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        SequentialJobAcquisitionRunnable acquisition = (SequentialJobAcquisitionRunnable) executor
                .getAcquireJobsRunnable();
        while (acquisition.getAcquisitionContext().getAcquisitionTime() == 0) {
            assertThat(Instant.now()).as("the first acquisition cycle began").isBefore(deadline);
            Thread.sleep(20);
        }
    }
}

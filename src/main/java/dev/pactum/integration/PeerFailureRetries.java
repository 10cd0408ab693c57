package dev.pactum.integration;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.stereotype.Component;

/**
 * A peer that refused a push (4xx) would refuse it again on every retry: such a failure takes the job's retries to
 * zero at once, so it shows as an incident in Cockpit now instead of after the whole retry cycle (no retry storm).
 * Every other failure follows the step's retry cycle as usual. "Retry" in Cockpit sets retries again and the step
 * runs once more, exactly where it stopped.
 */
@Component
class PeerFailureRetries extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setFailedJobCommandFactory(RefusalAwareJobRetry::new);
    }

    static boolean refusedByPeer(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PeerClient.PeerCallFailed failed) {
                return failed.permanent();
            }
        }
        return false;
    }

    private static final class RefusalAwareJobRetry extends DefaultJobRetryCmd {

        RefusalAwareJobRetry(String jobId, Throwable exception) {
            super(jobId, exception);
        }

        @Override
        public Object execute(CommandContext commandContext) {
            JobEntity job = getJob();
            if (job == null || !refusedByPeer(exception)) {
                return super.execute(commandContext);
            }
            job.unlock();
            logException(job);
            job.setRetries(0);
            notifyAcquisition(commandContext);
            return null;
        }
    }
}

package dev.pactum.integration;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start listener of {@code contractIntegration}: binds the instance to the status change Pactum is starting it for,
 * and refuses any other start (the engine REST API, Tasklist), which therefore never pushes anything.
 */
@Component("recordIntegrationRun")
class RecordIntegrationRun implements ExecutionListener {

    private final IntegrationRuns runs;

    RecordIntegrationRun(IntegrationRuns runs) {
        this.runs = runs;
    }

    @Override
    public void notify(DelegateExecution execution) {
        execution.setVariables(runs.bind(execution.getProcessInstanceId(), execution.getProcessBusinessKey()));
    }
}

package dev.pactum.process;

import org.camunda.bpm.engine.delegate.DelegateTask;

/** What a task's own completion said, as a complete listener reads it. */
public final class TaskCompletion {

    private TaskCompletion() {
    }

    /**
     * A value this very completion gave: the model makes the task's answers local to its own execution (an input
     * parameter, or a create listener), so a value set elsewhere in the instance — by an earlier task or by a REST
     * caller — is never read.
     */
    public static Object ownValue(DelegateTask task, String name) {
        Object onTask = task.getVariableLocal(name);
        return onTask != null ? onTask : task.getExecution().getVariableLocal(name);
    }
}

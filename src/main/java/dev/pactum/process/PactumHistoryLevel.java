package dev.pactum.process;

import java.util.ArrayList;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.springframework.stereotype.Component;

/**
 * The engine's history level {@code pactum} ({@code camunda.bpm.history-level: pactum}): Camunda's {@code full} less
 * what nothing reads, which was a third of the rows a contract's life wrote (README, "Benchmarks", Lifecycle).
 * <ul>
 * <li>Kept as in {@code full}: process, activity and task instances (Cockpit, the dashboard's cycle times, the
 *     approval timeline, camunda-bpm-assert's {@code hasPassed}), identity links and the user operation log (the
 *     audit trail, {@code EngineAudit}), incidents, batches, external tasks, decisions, failed jobs, and the
 *     variables of the process instance itself (a finished instance's {@code contractId}, {@code approvalOutcome},
 *     ... stay queryable).</li>
 * <li>Dropped: every variable update detail ({@code ACT_HI_DETAIL}, and form-field details), the history of
 *     variables local to an inner scope (a level's candidate groups and due dates, the multi-instance counters,
 *     task-local variables), and the job log's creations, successes and deletions (its failures are kept).</li>
 * </ul>
 * Its id is {@code full}'s, 3: the database stores the id (ACT_GE_PROPERTY {@code historyLevel}) and Camunda refuses
 * to start on a different one, so a database made at {@code full} starts with {@code pactum} and back again without
 * a migration; only the rows written from then on differ. Camunda compares levels by class, so nothing inside the
 * engine mistakes this level for {@code full}. Not a Spring bean itself ({@link Registration} is).
 */
class PactumHistoryLevel extends AbstractHistoryLevel {

    static final String NAME = "pactum";

    private static final Set<HistoryEventType> DROPPED = Set.of(HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL,
            HistoryEventTypes.FORM_PROPERTY_UPDATE, HistoryEventTypes.JOB_CREATE, HistoryEventTypes.JOB_SUCCESS,
            HistoryEventTypes.JOB_DELETE);

    private static final Set<HistoryEventType> VARIABLE_INSTANCE = Set.of(HistoryEventTypes.VARIABLE_INSTANCE_CREATE,
            HistoryEventTypes.VARIABLE_INSTANCE_UPDATE, HistoryEventTypes.VARIABLE_INSTANCE_MIGRATE,
            HistoryEventTypes.VARIABLE_INSTANCE_DELETE);

    @Override
    public int getId() {
        return HistoryLevel.HISTORY_LEVEL_FULL.getId();
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        if (DROPPED.contains(eventType)) {
            return false;
        }
        if (VARIABLE_INSTANCE.contains(eventType)) {
            return entity == null || !(entity instanceof VariableInstanceEntity variable) || ofProcessInstance(variable);
        }
        return true;
    }

    /** A variable of the process (or case) instance itself, not of an inner scope or a task. */
    private static boolean ofProcessInstance(VariableInstanceEntity variable) {
        if (variable.getTaskId() != null) {
            return false;
        }
        if (variable.getExecutionId() != null) {
            return variable.getExecutionId().equals(variable.getProcessInstanceId());
        }
        return variable.getCaseExecutionId() == null
                || variable.getCaseExecutionId().equals(variable.getCaseInstanceId());
    }

    /** Offers the level to the engine; the Spring Boot starter adds every process engine plugin bean. */
    @Component
    static class Registration extends AbstractProcessEnginePlugin {

        private final PactumHistoryLevel level = new PactumHistoryLevel();

        @Override
        public void preInit(ProcessEngineConfigurationImpl configuration) {
            if (configuration.getCustomHistoryLevels() == null) {
                configuration.setCustomHistoryLevels(new ArrayList<>());
            }
            configuration.getCustomHistoryLevels().add(level);
        }
    }
}

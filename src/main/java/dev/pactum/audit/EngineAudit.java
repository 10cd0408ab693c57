package dev.pactum.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricIdentityLinkLogEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What the engine tells the audit trail, through a history event handler added next to Camunda's own (which keeps
 * writing ACT_HI_*; the Spring Boot starter adds every {@code ProcessEnginePlugin} bean):
 * <ul>
 * <li>Camunda's user operation log entries (written for authenticated engine users: {@code /engine-rest}, the
 *     webapps): their operation id goes into the request's audit row, linking Camunda's log instead of copying it,
 *     with the property changes (assignee, owner, permissions, ...) as before/after.</li>
 * <li>Task assignee and owner changes, from the identity link history, wherever they come from: inside a request
 *     they become the request row's before/after; without one (an escalation timer in the job executor) each
 *     changed task gets its own TASK_ASSIGN row, actor {@code system} unless the engine knew a user.</li>
 * </ul>
 * Nothing is taken until the engine's transaction commits; a rolled-back command leaves no trace here. The handler
 * is deliberately not a Spring bean: the starter would take a {@code HistoryEventHandler} bean for the engine's
 * only handler.
 */
class EngineAudit extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(EngineAudit.class);

    private final Supplier<AuditTrail> trail;

    /** @param trail looked up late: the engine is configured before the rest of the context is ready */
    EngineAudit(Supplier<AuditTrail> trail) {
        this.trail = trail;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomHistoryEventHandlers() == null) {
            configuration.setCustomHistoryEventHandlers(new ArrayList<>());
        }
        configuration.getCustomHistoryEventHandlers().add(new Handler());
    }

    private final class Handler implements HistoryEventHandler {

        @Override
        public void handleEvent(HistoryEvent event) {
            try {
                if (event instanceof UserOperationLogEntryEventEntity operation) {
                    pending().operation(operation);
                } else if (event instanceof HistoricIdentityLinkLogEventEntity link
                        && link.getTaskId() != null && link.getUserId() != null
                        && ("assignee".equals(link.getType()) || "owner".equals(link.getType()))) {
                    pending().identityLink(link);
                }
            } catch (RuntimeException e) {
                // Never let the audit break an engine command.
                log.error("Audit trail could not take the engine event {}", event, e);
            }
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            events.forEach(this::handleEvent);
        }
    }

    /** The engine events of one transaction, delivered when it commits. */
    private PendingEngineEvents pending() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return new PendingEngineEvents(true);
        }
        PendingEngineEvents pending = (PendingEngineEvents) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new PendingEngineEvents(false);
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        return pending;
    }

    private final class PendingEngineEvents implements TransactionSynchronization {

        /** Outside any transaction synchronization: deliver each event as it comes. */
        private final boolean immediate;
        private final List<UserOperationLogEntryEventEntity> operations = new ArrayList<>();
        /** task id → [assignee before, assignee after, who assigned], the same for owners under "owner:" + id. */
        private final Map<String, String[]> links = new LinkedHashMap<>();

        PendingEngineEvents(boolean immediate) {
            this.immediate = immediate;
        }

        void operation(UserOperationLogEntryEventEntity operation) {
            operations.add(operation);
            if (immediate) {
                afterCommit();
            }
        }

        void identityLink(HistoricIdentityLinkLogEventEntity link) {
            String key = link.getType() + ":" + link.getTaskId();
            String[] change = links.computeIfAbsent(key, k -> new String[3]);
            if ("delete".equals(link.getOperationType())) {
                if (change[1] == null) {
                    change[0] = link.getUserId();
                }
            } else {
                change[1] = link.getUserId();
            }
            change[2] = link.getAssignerId();
            if (immediate) {
                afterCommit();
            }
        }

        @Override
        public void afterCommit() {
            AuditScope scope = AuditScope.current();
            if (scope != null) {
                operations.forEach(operation -> intoScope(scope, operation));
                links.forEach((key, change) -> intoScope(scope, key, change));
            } else {
                links.forEach(this::onItsOwn);
            }
        }

        @Override
        public void afterCompletion(int status) {
            if (!immediate) {
                TransactionSynchronizationManager.unbindResourceIfPossible(EngineAudit.this);
            }
        }

        private void intoScope(AuditScope scope, UserOperationLogEntryEventEntity operation) {
            scope.engineOperation(operation.getOperationId());
            String type = objectType(operation.getEntityType());
            String id = objectId(operation);
            scope.engineObject(type, id);
            String property = operation.getProperty();
            if (property != null && !property.toLowerCase().contains("password")
                    && !(operation.getOrgValue() == null && operation.getNewValue() == null)) {
                String object = operation.getEntityType() + (id == null ? "" : "#" + id);
                scope.change(object, property, operation.getOrgValue(), operation.getNewValue(), true);
            }
        }

        private void intoScope(AuditScope scope, String key, String[] change) {
            String[] typeAndTask = key.split(":", 2);
            scope.change("Task#" + typeAndTask[1], typeAndTask[0], change[0], change[1], true);
        }

        private void onItsOwn(String key, String[] change) {
            String[] typeAndTask = key.split(":", 2);
            String property = typeAndTask[0];
            String actor = change[2] != null ? change[2] : AuditEntry.SYSTEM;
            String object = "Task#" + typeAndTask[1];
            trail.get().record(AuditEntry.system(actor, property.equals("owner") ? "TASK_OWNER_CHANGE" : "TASK_ASSIGN",
                    "task", typeAndTask[1], state(object, property, change[0]), state(object, property, change[1]),
                    "by the engine, outside any HTTP request"));
        }
    }

    private static String state(String object, String property, String value) {
        return "{\"" + object + "\":{\"" + property + "\":" + (value == null ? "null" : quote(value)) + "}}";
    }

    private static String quote(String value) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    /** Camunda's entity types ({@code Task}, {@code Deployment}, {@code User}) as the audit trail's object types. */
    private static String objectType(String entityType) {
        if (entityType == null) {
            return null;
        }
        return switch (entityType) {
            case "ProcessDefinition" -> "process-definition";
            case "ProcessInstance" -> "process-instance";
            default -> entityType.toLowerCase();
        };
    }

    private static String objectId(UserOperationLogEntryEventEntity operation) {
        String entityType = operation.getEntityType();
        if (EntityTypes.TASK.equals(entityType)) {
            return operation.getTaskId();
        }
        if (EntityTypes.DEPLOYMENT.equals(entityType)) {
            return operation.getDeploymentId();
        }
        if (EntityTypes.PROCESS_INSTANCE.equals(entityType)) {
            return operation.getProcessInstanceId();
        }
        if (EntityTypes.PROCESS_DEFINITION.equals(entityType)) {
            return operation.getProcessDefinitionId();
        }
        // Identity changes name their user, group or tenant in a property: userId, groupId, tenantId.
        if (entityType != null && (entityType.equals(EntityTypes.USER) || entityType.equals(EntityTypes.GROUP)
                || entityType.equals(EntityTypes.TENANT))
                && (entityType.toLowerCase() + "Id").equals(operation.getProperty())) {
            return operation.getNewValue() != null ? operation.getNewValue() : operation.getOrgValue();
        }
        return null;
    }
}

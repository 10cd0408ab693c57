package dev.pactum.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pactum.PactumTest;
import dev.pactum.approval.ContractProcessDriver;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine runs at the history level {@code pactum}: what Cockpit, the dashboard, the approval timeline and the
 * audit trail read is written, the variable update details and inner-scope variables are not, and the database
 * keeps {@code full}'s id so that a data folder made at {@code full} starts.
 */
@PactumTest
class PactumHistoryLevelTest {

    @Autowired ProcessEngine engine;
    @Autowired HistoryService history;
    @Autowired ManagementService management;
    @Autowired ContractProcessDriver driver;

    @Test
    void theEngineRunsAtPactumsLevelWithFullsIdInTheDatabase() {
        HistoryLevel level = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getHistoryLevel();

        assertThat(level.getName()).isEqualTo("pactum");
        assertThat(level).isInstanceOf(PactumHistoryLevel.class);
        assertThat(level.getId()).isEqualTo(HistoryLevel.HISTORY_LEVEL_FULL.getId());
        assertThat(management.getProperties()).containsEntry("historyLevel",
                String.valueOf(HistoryLevel.HISTORY_LEVEL_FULL.getId()));
    }

    @Test
    void anApprovedLevelLeavesItsActivitiesTasksAndAssigneesInHistoryButNoVariableDetails() {
        ProcessInstance instance = driver.submit("sales1", "300000");
        driver.decide(instance, "manager1", "approve", "同意");
        String id = instance.getId();

        List<String> activities = history.createHistoricActivityInstanceQuery().processInstanceId(id).list().stream()
                .map(HistoricActivityInstance::getActivityId).toList();
        assertThat(activities).contains(ContractProcess.Element.RENDER_DOCUMENT,
                ContractProcess.Element.OPEN_APPROVAL_LEVEL, ContractProcess.Element.APPROVE_CONTRACT,
                ContractProcess.Element.CLOSE_APPROVAL_LEVEL, ContractProcess.Element.RELEASE_FOR_SIGNING);
        HistoricTaskInstance task = history.createHistoricTaskInstanceQuery().processInstanceId(id).singleResult();
        assertThat(task.getAssignee()).isEqualTo("manager1");
        assertThat(task.getDurationInMillis()).isNotNull();
        assertThat(history.createHistoricIdentityLinkLogQuery().taskId(task.getId()).list())
                .extracting(HistoricIdentityLinkLog::getType, HistoricIdentityLinkLog::getUserId, HistoricIdentityLinkLog::getGroupId)
                .contains(org.assertj.core.groups.Tuple.tuple("assignee", "manager1", null),
                        org.assertj.core.groups.Tuple.tuple("candidate", null, "sales-managers"));
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult()).isNotNull();

        List<HistoricVariableInstance> variables = history.createHistoricVariableInstanceQuery().processInstanceId(id)
                .list();
        assertThat(variables).extracting(HistoricVariableInstance::getName)
                .contains(ContractProcess.Var.CONTRACT_ID, ContractProcess.Var.APPROVAL_OUTCOME)
                .doesNotContain("candidateGroups", "loopCounter", "nrOfInstances", "levelCandidateGroups");
        assertThat(variables).allSatisfy(variable -> assertThat(variable.getActivityInstanceId()).isEqualTo(id));
        assertThat(history.createHistoricDetailQuery().processInstanceId(id).count()).isZero();
    }
}

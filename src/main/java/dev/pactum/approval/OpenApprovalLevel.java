package dev.pactum.approval;

import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractQueries;
import dev.pactum.process.ContractProcess.Var;
import java.util.ArrayList;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * BPMN "Open approval level": marks the level active and gives its tasks their candidate groups, reminder and due
 * times (SLA in working-day time) and the contract summary the approval form shows. Runs once per level of the
 * level loop, and opens the round's first level still pending in the record (not the loop's counter, a variable).
 */
@Component("openApprovalLevel")
class OpenApprovalLevel implements JavaDelegate {

    private final ContractQueries contracts;
    private final ApprovalService approvals;
    private final ApprovalFormVariables formVariables;

    OpenApprovalLevel(ContractQueries contracts, ApprovalService approvals, ApprovalFormVariables formVariables) {
        this.contracts = contracts;
        this.approvals = approvals;
        this.formVariables = formVariables;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Contract contract = contracts.ofProcess(execution.getProcessInstanceId());
        ApprovalLevelEntry entry = approvals.openNextLevel(contract.getId(), contract.getApprovalRound());
        execution.setVariableLocal(Var.APPROVAL_LEVEL, entry.getLevel());
        execution.setVariableLocal(Var.LEVEL_CANDIDATE_GROUPS, new ArrayList<>(entry.taskCandidateGroups()));
        // The boundary timers "Reminder due" and "SLA breached" on "Approve contract" read these two.
        execution.setVariableLocal(Var.LEVEL_REMINDER_AT, Date.from(entry.getReminderAt()));
        execution.setVariableLocal(Var.LEVEL_DUE_DATE, Date.from(entry.getDueAt()));
        execution.setVariables(formVariables.of(contract, entry,
                approvals.levelCount(contract.getId(), contract.getApprovalRound())));
    }
}

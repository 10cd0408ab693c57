package dev.pactum.approval;

import dev.pactum.contract.ContractVariables;
import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractRepository;
import java.util.ArrayList;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * BPMN "Open approval level": marks the level active and gives its tasks their candidate groups, reminder and due
 * times (SLA in working-day time) and the contract summary the approval form shows. Runs once per level ({@code loopCounter} of the level loop).
 */
@Component("openApprovalLevel")
public class OpenApprovalLevel implements JavaDelegate {

    private final ContractRepository contracts;
    private final ApprovalService approvals;
    private final ApprovalFormVariables formVariables;

    public OpenApprovalLevel(ContractRepository contracts, ApprovalService approvals,
                             ApprovalFormVariables formVariables) {
        this.contracts = contracts;
        this.approvals = approvals;
        this.formVariables = formVariables;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Contract contract = contracts.findById(ContractVariables.contractId(execution)).orElseThrow();
        int level = (Integer) execution.getVariable("loopCounter") + 1;
        // The engine's clock, so SLA tests can move time.
        ApprovalLevelEntry entry = approvals.openLevel(contract.getId(), contract.getApprovalRound(), level,
                ClockUtil.getCurrentTime().toInstant());
        execution.setVariableLocal("approvalLevel", level);
        execution.setVariableLocal("levelCandidateGroups", new ArrayList<>(entry.taskCandidateGroups()));
        // The boundary timers "Reminder due" and "SLA breached" on "Approve contract" read these two.
        execution.setVariableLocal("levelReminderAt", Date.from(entry.getReminderAt()));
        execution.setVariableLocal("levelDueDate", Date.from(entry.getDueAt()));
        execution.setVariables(formVariables.of(contract, entry,
                approvals.levelCount(contract.getId(), contract.getApprovalRound())));
    }
}

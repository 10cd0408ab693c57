package dev.pactum.approval;

import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractRepository;
import dev.pactum.contract.ContractService;
import dev.pactum.contract.TestContracts;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * What process tests do again and again, once: submit a contract, decide its approval tasks as an approver would
 * (claim, complete with a decision), and read back the contract and its approval record.
 */
@Component
public class ContractProcessDriver {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ContractService contractService;
    private final ContractRepository contracts;
    private final TestContracts testContracts;
    private final ApprovalLevelRepository levels;
    private final ApprovalDecisionRepository decisions;

    ContractProcessDriver(RuntimeService runtime, TaskService tasks, ContractService contractService,
                          ContractRepository contracts, TestContracts testContracts, ApprovalLevelRepository levels,
                          ApprovalDecisionRepository decisions) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.contractService = contractService;
        this.contracts = contracts;
        this.testContracts = testContracts;
        this.levels = levels;
        this.decisions = decisions;
    }

    /** Drafts a contract of {@code amount} CNY for {@code owner} and submits it. */
    public ProcessInstance submit(String owner, String amount) {
        return instanceOf(contractService.submit(testContracts.draft(owner, amount), owner));
    }

    public ProcessInstance instanceOf(Contract submitted) {
        return runtime.createProcessInstanceQuery().processInstanceId(submitted.getProcessInstanceId()).singleResult();
    }

    /** The decision and comment an approval form sends. */
    public static Map<String, Object> decision(String decision, String comment) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("decision", decision);
        variables.put("comment", comment);
        return variables;
    }

    /** The approver claims the instance's only open task and completes it with the decision. */
    public void decide(ProcessInstance instance, String approver, String decision, String comment) {
        Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        tasks.claim(task.getId(), approver);
        tasks.complete(task.getId(), decision(decision, comment));
    }

    /** The approver claims the open task offered to {@code group} and approves it. */
    public void approve(ProcessInstance instance, String group, String approver) {
        Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).taskCandidateGroup(group).singleResult();
        tasks.claim(task.getId(), approver);
        tasks.complete(task.getId(), decision("approve", null));
    }

    public Contract contract(ProcessInstance instance) {
        return contracts.findByProcessInstanceId(instance.getId()).orElseThrow();
    }

    /** The states of the levels of the contract's current round, level 1 first. */
    public List<ApprovalLevelState> levelStates(ProcessInstance instance) {
        Contract contract = contract(instance);
        return levels.findByContractIdAndRoundOrderByLevel(contract.getId(), contract.getApprovalRound()).stream()
                .map(ApprovalLevelEntry::getState).toList();
    }

    public ApprovalLevelEntry level(Contract contract, int level) {
        return levels.findByContractIdAndRoundAndLevel(contract.getId(), contract.getApprovalRound(), level)
                .orElseThrow();
    }

    /** Every decision recorded on the contract's current round. */
    public List<ApprovalDecision> decisions(Contract contract) {
        return decisions.findByApprovalLevelIdInOrderByDecidedAt(
                levels.findByContractIdAndRoundOrderByLevel(contract.getId(), contract.getApprovalRound()).stream()
                        .map(ApprovalLevelEntry::getId).toList());
    }
}

package dev.pactum.contract;

import dev.pactum.process.ContractProcess;
import dev.pactum.process.ContractProcess.Var;
import dev.pactum.web.DomainException;
import dev.pactum.web.FieldProblem;
import dev.pactum.web.InvalidRequestException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Supplementary agreements (补充协议) to a contract in force: checked before anything is written, recorded, and sent
 * through their own approval process ({@value ContractProcess#AMENDMENT_KEY}), which decides on the contract as the
 * amendment would leave it and, approved, makes it the contract's next version.
 */
@Service
@Transactional
public class ContractAmendments {

    private final ContractRepository contracts;
    private final ContractAmendmentRepository amendments;
    private final ContractTemplateCatalog templates;
    private final RuntimeService runtime;
    private final Clock clock;

    ContractAmendments(ContractRepository contracts, ContractAmendmentRepository amendments,
                       ContractTemplateCatalog templates, RuntimeService runtime, Clock clock) {
        this.contracts = contracts;
        this.amendments = amendments;
        this.templates = templates;
        this.runtime = runtime;
        this.clock = clock;
    }

    /**
     * Records an amendment of an ACTIVE contract and starts its approval; answers once it waits for its first
     * approver (or was approved by the fast lane). Who may ask is the caller's to check.
     */
    public ContractAmendment request(Contract visible, AmendmentRequest request, String user) {
        Contract contract = contracts.findByIdForUpdate(visible.getId()).orElseThrow();
        if (contract.getStatus() != ContractStatus.ACTIVE) {
            throw DomainException.conflict("pactum.amendment.notActive", contract.getNumber(), contract.getStatus());
        }
        if (amendments.existsByContractIdAndStatus(contract.getId(), AmendmentStatus.IN_APPROVAL)) {
            throw DomainException.conflict("pactum.amendment.alreadyOpen", contract.getNumber());
        }
        List<FieldProblem> problems = new ArrayList<>();
        boolean amountChanges = request.amount() != null && request.amount().compareTo(contract.getAmount()) != 0;
        boolean endChanges = request.endDate() != null && !request.endDate().equals(contract.getEndDate());
        boolean clausesChange = request.clauses().entrySet().stream()
                .anyMatch(clause -> !clause.getValue().equals(contract.getClauses().get(clause.getKey())));
        if (!amountChanges && !endChanges && !clausesChange) {
            problems.add(new FieldProblem("amount", "pactum.validation.amendmentChangesNothing"));
        }
        templates.unknownClauseIds(contract.getTemplateKey(), request.clauses().keySet()).forEach(id -> problems.add(
                new FieldProblem("clauses." + id, "pactum.validation.clauseUnknown", id, contract.getTemplateKey())));
        if (endChanges && request.endDate().isBefore(LocalDate.now(clock.withZone(clock.getZone())))) {
            problems.add(new FieldProblem("endDate", "pactum.validation.amendedEndDateInPast"));
        }
        problems.addAll(problems(contract, amountChanges ? request.amount() : null,
                endChanges ? request.endDate() : null));
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        Map<String, String> changedClauses = new java.util.LinkedHashMap<>();
        request.clauses().forEach((id, text) -> {
            if (!text.equals(contract.getClauses().get(id))) {
                changedClauses.put(id, text);
            }
        });
        int sequence = amendments.findByContractIdOrderBySequenceAsc(contract.getId()).size() + 1;
        ContractAmendment amendment = amendments.saveAndFlush(new ContractAmendment(contract, sequence,
                new AmendmentRequest(request.reason(), amountChanges ? request.amount() : null,
                        endChanges ? request.endDate() : null, changedClauses), user, clock.instant()));
        ContractSubmissions.amending(amendment.getId(), () -> runtime.startProcessInstanceByKey(
                ContractProcess.AMENDMENT_KEY, contract.getNumber(), Map.of(Var.AMENDMENT_ID, amendment.getId())));
        return amendment;
    }

    /** What an amended amount or end date would break: the payment schedule, the renewal terms. */
    static List<FieldProblem> problems(Contract contract, BigDecimal newAmount, LocalDate newEndDate) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate end = newEndDate != null ? newEndDate : contract.getEndDate();
        if (end.isBefore(contract.getStartDate())) {
            problems.add(new FieldProblem("endDate", "pactum.validation.endDateBeforeStart"));
            return problems;
        }
        if (newAmount != null && !contract.getMilestones().isEmpty()) {
            problems.add(new FieldProblem("amount", "pactum.validation.amendmentWithSchedule"));
        }
        if (newEndDate != null && !contract.getMilestones().isEmpty()) {
            List<MilestonePlan> plans = contract.getMilestones().stream().map(PaymentMilestone::plan).toList();
            if (!PaymentSchedule.resolve(plans, contract.getAmount(), contract.getStartDate(), end).problems()
                    .isEmpty()) {
                problems.add(new FieldProblem("endDate", "pactum.validation.amendedEndOutsideSchedule"));
            }
        }
        ContractService.renewalProblems(contract.getTerms(), contract.getStartDate(), end).stream()
                .map(problem -> new FieldProblem(problem.field().equals("terms.renewalNoticeDays") ? "endDate"
                        : problem.field(), problem.messageKey(), problem.args()))
                .forEach(problems::add);
        return problems;
    }

    /** The amendment bound to an approval instance. */
    @Transactional(readOnly = true)
    public ContractAmendment ofProcess(String processInstanceId) {
        return amendments.findByProcessInstanceId(processInstanceId)
                .orElseThrow(() -> new ContractProcessRefusedException("pactum.process.notBound", processInstanceId));
    }

    /** The contract as the amendment bound to this instance would leave it: a detached copy for the rules. */
    @Transactional(readOnly = true)
    public Contract amendedCopy(Contract contract, ContractAmendment amendment) {
        if (!Objects.equals(contract.getId(), amendment.getContractId())) {
            throw new IllegalArgumentException("amendment " + amendment.getId() + " is not of " + contract.getNumber());
        }
        return amendment.applyTo(contract.detachedCopy());
    }

    @Transactional(readOnly = true)
    public List<ContractAmendment> of(Contract contract) {
        return amendments.findByContractIdOrderBySequenceAsc(contract.getId());
    }

    /** Binds an amendment to the approval instance {@link #request} is starting for it, on this thread only. */
    ContractAmendment bindProcess(Object amendmentId, String processInstanceId) {
        if (!(amendmentId instanceof Number id) || !ContractSubmissions.isAmending(id.longValue())) {
            throw new ContractProcessRefusedException("pactum.process.startRefused");
        }
        ContractAmendment amendment = amendments.findById(id.longValue()).orElseThrow();
        if (amendment.getProcessInstanceId() != null) {
            throw new ContractProcessRefusedException("pactum.process.startRefused");
        }
        amendment.bind(processInstanceId);
        amendments.flush();
        return amendment;
    }
}

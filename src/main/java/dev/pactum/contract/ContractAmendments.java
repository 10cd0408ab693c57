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
import java.util.Set;
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
     * What the payment side knows of a contract's milestones that an amended schedule must respect: the numbers of
     * those with money received (they stay exactly as they are) and the highest number ever used (new milestones
     * take the next ones, so a number never names two milestones).
     */
    public record ScheduleLocks(Set<Integer> withMoney, int highestNumber) {
        public static final ScheduleLocks NONE = new ScheduleLocks(Set.of(), 0);
    }

    /**
     * Records an amendment of an ACTIVE contract and starts its approval; answers once it waits for its first
     * approver (or was approved by the fast lane). Who may ask is the caller's to check.
     */
    public ContractAmendment request(Contract visible, AmendmentRequest request, String user) {
        return request(visible, request, user, ScheduleLocks.NONE);
    }

    /** The same, with the milestones an amended schedule must keep ({@code locks}). */
    public ContractAmendment request(Contract visible, AmendmentRequest request, String user, ScheduleLocks locks) {
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
        List<PaymentMilestone> schedule = null;
        if (request.milestones() != null) {
            List<FieldProblem> scheduleProblems = new ArrayList<>();
            List<PaymentMilestone> amended = amendedSchedule(contract, request.milestones(),
                    amountChanges ? request.amount() : contract.getAmount(),
                    endChanges ? request.endDate() : contract.getEndDate(), locks, scheduleProblems);
            problems.addAll(scheduleProblems);
            if (amended != null && !sameSchedule(amended, contract.getMilestones())) {
                schedule = amended;
            }
        }
        if (!amountChanges && !endChanges && !clausesChange && schedule == null && problems.isEmpty()) {
            problems.add(new FieldProblem("amount", "pactum.validation.amendmentChangesNothing"));
        }
        templates.unknownClauseIds(contract.getTemplateKey(), request.clauses().keySet()).forEach(id -> problems.add(
                new FieldProblem("clauses." + id, "pactum.validation.clauseUnknown", id, contract.getTemplateKey())));
        if (endChanges && request.endDate().isBefore(LocalDate.now(clock.withZone(clock.getZone())))) {
            problems.add(new FieldProblem("endDate", "pactum.validation.amendedEndDateInPast"));
        }
        if (problems.isEmpty()) {
            problems.addAll(problems(contract, amountChanges ? request.amount() : null,
                    endChanges ? request.endDate() : null, schedule));
        }
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
                        endChanges ? request.endDate() : null, changedClauses), schedule, user, clock.instant()));
        ContractSubmissions.amending(amendment.getId(), () -> runtime.startProcessInstanceByKey(
                ContractProcess.AMENDMENT_KEY, contract.getNumber(), Map.of(Var.AMENDMENT_ID, amendment.getId())));
        return amendment;
    }

    /**
     * The new schedule an amendment carries, resolved against the amended amount and term: entries naming a
     * milestone the contract has, with the same terms, keep it; a changed one becomes a new milestone (the old one
     * is withdrawn), numbered after every number used; a milestone with money received may be neither changed nor
     * left out. Null when {@code problems} got something.
     */
    static List<PaymentMilestone> amendedSchedule(Contract contract, List<AmendedMilestone> entries,
                                                  BigDecimal amount, LocalDate end, ScheduleLocks locks,
                                                  List<FieldProblem> problems) {
        Map<Integer, PaymentMilestone> current = new java.util.LinkedHashMap<>();
        contract.getMilestones().forEach(milestone -> current.put(milestone.id(), milestone));
        Set<Integer> named = new java.util.HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            Integer id = entries.get(i).id();
            if (id != null && !current.containsKey(id)) {
                problems.add(new FieldProblem("milestones[" + i + "].id", "pactum.validation.milestoneUnknown", id,
                        contract.getNumber()));
            } else if (id != null && !named.add(id)) {
                problems.add(new FieldProblem("milestones[" + i + "].id", "pactum.validation.amendedMilestoneTwice",
                        id));
            }
        }
        List<MilestonePlan> plans = entries.stream().map(AmendedMilestone::plan).toList();
        PaymentSchedule.Result resolved = PaymentSchedule.resolve(plans, amount, contract.getStartDate(), end);
        problems.addAll(resolved.problems());
        problems.addAll(PaymentSchedule.projectProblems(plans, contract.getProjectId()));
        for (Integer locked : new java.util.TreeSet<>(locks.withMoney())) {
            if (current.containsKey(locked) && !named.contains(locked)) {
                problems.add(new FieldProblem("milestones", "pactum.validation.paidMilestoneRemoved", locked));
            }
        }
        if (!problems.isEmpty()) {
            return null;
        }
        int next = Math.max(locks.highestNumber(), current.keySet().stream().mapToInt(Integer::intValue).max()
                .orElse(0)) + 1;
        List<PaymentMilestone> schedule = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            PaymentMilestone previous = entries.get(i).id() == null ? null : current.get(entries.get(i).id());
            PaymentMilestone fresh = resolved.milestones().get(i);
            if (previous != null && previous.sameTermsAs(fresh)) {
                schedule.add(previous);
                continue;
            }
            if (previous != null && locks.withMoney().contains(previous.id())) {
                problems.add(new FieldProblem("milestones[" + i + "]", "pactum.validation.paidMilestoneChanged",
                        previous.id()));
            }
            schedule.add(new PaymentMilestone(next++, fresh.dueDate(), fresh.daysAfter(), fresh.event(),
                    fresh.amount(), fresh.percent(), fresh.description(), fresh.projectId()));
        }
        return problems.isEmpty() ? schedule : null;
    }

    private static boolean sameSchedule(List<PaymentMilestone> a, List<PaymentMilestone> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).id() != b.get(i).id() || !a.get(i).sameTermsAs(b.get(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * What an amended amount or end date would break: the payment schedule (unless the amendment brings a new one,
     * {@code newSchedule}, which must add up to the amount), the renewal terms.
     */
    static List<FieldProblem> problems(Contract contract, BigDecimal newAmount, LocalDate newEndDate,
                                       List<PaymentMilestone> newSchedule) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate end = newEndDate != null ? newEndDate : contract.getEndDate();
        if (end.isBefore(contract.getStartDate())) {
            problems.add(new FieldProblem("endDate", "pactum.validation.endDateBeforeStart"));
            return problems;
        }
        if (newSchedule != null) {
            BigDecimal amount = newAmount != null ? newAmount : contract.getAmount();
            BigDecimal sum = newSchedule.stream().map(PaymentMilestone::amount).reduce(BigDecimal.ZERO,
                    BigDecimal::add);
            if (sum.compareTo(amount) != 0) {
                problems.add(new FieldProblem("milestones", "pactum.validation.milestonesSum", sum.toPlainString(),
                        amount.toPlainString()));
            }
        }
        if (newAmount != null && !contract.getMilestones().isEmpty() && newSchedule == null) {
            problems.add(new FieldProblem("amount", "pactum.validation.amendmentWithSchedule"));
        }
        if (newEndDate != null && !contract.getMilestones().isEmpty() && newSchedule == null) {
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

package dev.pactum.obligation;

import dev.pactum.audit.AuditEntry;
import dev.pactum.audit.AuditTrail;
import dev.pactum.calendar.BusinessCalendar;
import dev.pactum.config.PactumProperties;
import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractLifecycleService;
import dev.pactum.contract.ContractQueries;
import dev.pactum.contract.ContractService;
import dev.pactum.contract.ContractStatus;
import dev.pactum.process.ContractProcess.Element;
import dev.pactum.process.ContractProcess.Var;
import dev.pactum.web.DomainException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Renewal (续约) of a contract in force. Its notice deadline is the end date less the notice period, moved back to
 * a working day; the renewal window opens a lead time before it (ACTIVE → EXPIRING, a task for the owner), the owner
 * is reminded twice more, and the owner decides: renew (a renewal contract goes to approval), renegotiate (a renewal
 * draft for the owner) or let it expire. An auto-renewing contract nobody objected to by the deadline renews itself.
 * Every date is computed from the database on the engine's clock; a timer that fires early is refused.
 */
@Service
@Transactional
public class RenewalService {

    /** A renewal contract counts once it was approved: from signing on. */
    private static final Set<ContractStatus> APPROVED = EnumSet.of(ContractStatus.SIGNING, ContractStatus.SIGNED,
            ContractStatus.ACTIVE, ContractStatus.EXPIRING, ContractStatus.RENEWED, ContractStatus.EXPIRED);
    private static final int MAX_COMMENT = 2000;

    private final ContractQueries contracts;
    private final ContractLifecycleService lifecycle;
    private final ContractService contractService;
    private final RenewalRecordRepository records;
    private final ObligationNotifications notifications;
    private final ObligationProperties obligation;
    private final BusinessCalendar calendar;
    private final PactumProperties pactum;
    private final TaskService tasks;
    private final ManagementService management;
    private final RuntimeService runtime;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final Clock clock;

    RenewalService(ContractQueries contracts, ContractLifecycleService lifecycle, ContractService contractService,
                   RenewalRecordRepository records, ObligationNotifications notifications,
                   ObligationProperties obligation, BusinessCalendar calendar, PactumProperties pactum,
                   TaskService tasks, ManagementService management, RuntimeService runtime, AuditTrail audit,
                   MessageSource messages, Clock clock) {
        this.contracts = contracts;
        this.lifecycle = lifecycle;
        this.contractService = contractService;
        this.records = records;
        this.notifications = notifications;
        this.obligation = obligation;
        this.calendar = calendar;
        this.pactum = pactum;
        this.tasks = tasks;
        this.management = management;
        this.runtime = runtime;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * The times the renewal of the contract's current term runs on.
     *
     * @param windowOpensAt    the first lead time before the deadline (09:00): ACTIVE → EXPIRING, the owner's task
     * @param deadlinePassesAt the first moment after the notice deadline
     * @param termEndsAt       the first moment after the end date
     */
    public record Plan(LocalDate noticeDeadline, Instant windowOpensAt, Instant secondReminderAt,
                       Instant lastReminderAt, Instant deadlinePassesAt, Instant termEndsAt, boolean autoRenews) {
    }

    /** A contract's renewal as the API shows it. */
    public record RenewalView(Long renewalOf, LocalDate noticeDeadline, List<Decision> decisions) {
    }

    /** @param kind RENEW, RENEGOTIATE, LET_EXPIRE or AUTO_RENEWED */
    public record Decision(String kind, LocalDate termEndDate, LocalDate noticeDeadline, String decidedBy,
                           Instant decidedAt, String comment, BigDecimal proposedAmount, LocalDate newEndDate,
                           Long renewalContractId) {
    }

    /** BPMN "Plan renewal": for the contract bound to the instance, in force. */
    public Plan plan(String processInstanceId) {
        return planOf(inForce(processInstanceId));
    }

    private Plan planOf(Contract contract) {
        LocalDate deadline = noticeDeadline(contract);
        List<Integer> leads = obligation.renewalReminderDays();
        return new Plan(deadline, reminderAt(deadline, leads.get(0)), reminderAt(deadline, leads.get(1)),
                reminderAt(deadline, leads.get(2)), startOf(deadline.plusDays(1)),
                startOf(contract.getEndDate().plusDays(1)), contract.getTerms().autoRenewal());
    }

    /**
     * The last day to give notice of non-renewal: the end date less the notice period, or the working day before
     * when that is a weekend or holiday (never before the start date).
     */
    public LocalDate noticeDeadline(Contract contract) {
        LocalDate deadline = contract.getTerms().noticeDeadline(contract.getEndDate());
        while (!calendar.isWorkingDay(deadline) && deadline.isAfter(contract.getStartDate())) {
            deadline = deadline.minusDays(1);
        }
        return deadline;
    }

    /** BPMN "Open renewal window": ACTIVE → EXPIRING and the owner is told. Refused before the window opens. */
    public Contract openWindow(String processInstanceId) {
        Contract contract = inForce(processInstanceId);
        LocalDate deadline = noticeDeadline(contract);
        if (clock.instant().isBefore(reminderAt(deadline, obligation.renewalReminderDays().get(0)))) {
            throw DomainException.conflict("pactum.renewal.windowNotOpen", contract.getNumber(), deadline);
        }
        Contract expiring = lifecycle.openRenewalWindow(processInstanceId);
        notifications.renewalDue(expiring, deadline, expiring.getTerms().autoRenewal());
        return expiring;
    }

    /**
     * BPMN "Renewal reminder": the owner hears again, unless the deadline passed. Only reminders that fell due after
     * the task was created count, so a window that opened late does not send the ones it missed.
     */
    public void remind(String processInstanceId) {
        Contract contract = contracts.ofProcess(processInstanceId);
        Plan plan = plan(processInstanceId);
        Instant now = clock.instant();
        Task task = tasks.createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(Element.DECIDE_RENEWAL).singleResult();
        if (task == null || !now.isBefore(plan.deadlinePassesAt())) {
            return;
        }
        Instant opened = task.getCreateTime().toInstant();
        boolean due = List.of(plan.secondReminderAt(), plan.lastReminderAt()).stream()
                .anyMatch(at -> at.isAfter(opened) && !at.isAfter(now));
        if (due) {
            long daysLeft = ChronoUnit.DAYS.between(LocalDate.ofInstant(now, pactum.zone()), plan.noticeDeadline());
            notifications.renewalReminder(contract, plan.noticeDeadline(), plan.autoRenews(), daysLeft);
        }
    }

    /**
     * The owner's decision, from the renewal task's completion: checked (a decision, the owner or an admin, a valid
     * proposed amount), then kept. A refusal keeps the task open and Tasklist shows the message.
     */
    public RenewalKind recordDecision(String processInstanceId, Object decision, Object comment, Object proposedAmount,
                                      String decidedBy, boolean admin) {
        RenewalKind kind = RenewalKind.ofDecision(decision)
                .orElseThrow(() -> refusal("pactum.renewal.decisionRequired"));
        Contract contract = contracts.ofProcess(processInstanceId);
        if (contract.getStatus() != ContractStatus.EXPIRING) {
            throw refusal("pactum.renewal.notOpen", contract.getNumber(), contract.getStatus());
        }
        if (!contract.isOwnedBy(decidedBy) && !admin) {
            throw refusal("pactum.renewal.ownerOnly", contract.getNumber());
        }
        String text = comment == null || comment.toString().isBlank() ? null : comment.toString().trim();
        if (text != null && text.length() > MAX_COMMENT) {
            throw refusal("pactum.renewal.commentTooLong", MAX_COMMENT);
        }
        BigDecimal amount = kind == RenewalKind.RENEGOTIATE ? amount(proposedAmount) : null;
        records.save(new RenewalRecord(contract.getId(), kind, contract.getEndDate(), noticeDeadline(contract),
                decidedBy, clock.instant(), text, amount));
        return kind;
    }

    /**
     * BPMN "Create renewal contract": the renewal the owner chose, linked to this contract. Renew: submitted, so it
     * goes through approval like any contract; renegotiate: a draft for the owner.
     */
    public Contract createRenewalContract(String processInstanceId) {
        Contract contract = contracts.ofProcess(processInstanceId);
        RenewalRecord decision = records.findFirstByContractIdAndTermEndDateOrderByIdDesc(contract.getId(),
                        contract.getEndDate())
                .filter(record -> record.getKind().makesRenewalContract() && record.getSuccessorContractId() == null)
                .orElseThrow(() -> DomainException.conflict("pactum.renewal.notDecided", contract.getNumber()));
        Contract renewal = contractService.draftRenewal(contract,
                contractService.renewalRequest(contract, decision.getProposedAmount()));
        decision.setSuccessorContractId(renewal.getId());
        if (decision.getKind() == RenewalKind.RENEW) {
            contractService.submit(renewal, contract.getOwner());
        }
        return renewal;
    }

    /**
     * BPMN "Close renewed contract": the end date passed; RENEWED when its renewal contract was approved, EXPIRED
     * when it was not (rejected, abandoned, or still a draft or in approval).
     */
    public Contract closeRenewed(String processInstanceId) {
        Contract contract = contracts.ofProcess(processInstanceId);
        requireEnded(contract);
        Optional<Contract> renewal = records.findFirstByContractIdAndTermEndDateOrderByIdDesc(contract.getId(),
                        contract.getEndDate())
                .map(RenewalRecord::getSuccessorContractId).map(contracts::get);
        if (renewal.isPresent() && APPROVED.contains(renewal.get().getStatus())) {
            return lifecycle.markRenewed(processInstanceId);
        }
        return lifecycle.expire(processInstanceId);
    }

    /**
     * BPMN "Auto-renew": the notice deadline passed and nobody decided anything for this term. The term runs on by
     * the renewal term (or as long again), the contract is ACTIVE again, and the record and the audit trail say
     * "auto-renewed, nobody objected by" the deadline.
     */
    public Contract autoRenew(String processInstanceId) {
        Contract contract = contracts.ofProcess(processInstanceId);
        LocalDate deadline = noticeDeadline(contract);
        if (!contract.getTerms().autoRenewal()) {
            throw DomainException.conflict("pactum.renewal.notAutoRenewing", contract.getNumber());
        }
        if (clock.instant().isBefore(startOf(deadline.plusDays(1)))) {
            throw DomainException.conflict("pactum.renewal.deadlineNotPassed", contract.getNumber(), deadline);
        }
        if (records.findFirstByContractIdAndTermEndDateOrderByIdDesc(contract.getId(), contract.getEndDate())
                .isPresent()) {
            throw DomainException.conflict("pactum.renewal.alreadyDecided", contract.getNumber());
        }
        LocalDate termStart = records.findFirstByContractIdAndKindOrderByIdDesc(contract.getId(),
                        RenewalKind.AUTO_RENEWED)
                .map(record -> record.getTermEndDate().plusDays(1)).orElse(contract.getStartDate());
        LocalDate previousEnd = contract.getEndDate();
        LocalDate newEnd = contract.getTerms().renewedEnd(termStart, previousEnd);
        Contract renewed = lifecycle.autoRenew(processInstanceId, newEnd);
        String note = "auto-renewed, nobody objected by " + deadline + " / 自动续约：截至 " + deadline + " 无人提出异议";
        RenewalRecord record = new RenewalRecord(contract.getId(), RenewalKind.AUTO_RENEWED, previousEnd, deadline,
                AuditEntry.SYSTEM, clock.instant(), note, null);
        record.setNewEndDate(newEnd);
        records.save(record);
        notifications.autoRenewed(renewed, deadline, previousEnd);
        String id = renewed.getId().toString();
        afterCommit(() -> audit.record(AuditEntry.system(AuditEntry.SYSTEM, "CONTRACT_AUTO_RENEWED", "contract", id,
                "{\"Contract#%s\": {\"endDate\": \"%s\"}}".formatted(id, previousEnd),
                "{\"Contract#%s\": {\"endDate\": \"%s\"}}".formatted(id, newEnd), note)));
        return renewed;
    }

    /**
     * After an approved amendment moved the end date: the timers the contract's lifecycle waits at (renewal window,
     * reminders, notice deadline, term end) and the renewal task's due date move with it.
     */
    public void reschedule(String amendmentProcessInstanceId) {
        Contract contract = contracts.ofProcess(amendmentProcessInstanceId);
        if (!ContractStatus.IN_FORCE.contains(contract.getStatus())) {
            return;
        }
        String lifecycle = contract.getProcessInstanceId();
        Plan plan = planOf(contract);
        Map<String, Instant> dueAt = Map.of(Element.AWAIT_RENEWAL_WINDOW, plan.windowOpensAt(),
                Element.RENEWAL_SECOND_REMINDER_DUE, plan.secondReminderAt(),
                Element.RENEWAL_LAST_REMINDER_DUE, plan.lastReminderAt(),
                Element.NOTICE_DEADLINE_PASSED, plan.deadlinePassesAt(),
                Element.AWAIT_TERM_END, plan.termEndsAt(),
                Element.AWAIT_RENEWED_TERM_END, plan.termEndsAt());
        dueAt.forEach((activity, at) -> management.createJobQuery().processInstanceId(lifecycle).activityId(activity)
                .list().forEach(job -> management.setJobDuedate(job.getId(), Date.from(at))));
        Task task = tasks.createTaskQuery().processInstanceId(lifecycle).taskDefinitionKey(Element.DECIDE_RENEWAL)
                .singleResult();
        if (task != null) {
            task.setDueDate(Date.from(plan.deadlinePassesAt()));
            tasks.saveTask(task);
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(Var.RENEWAL_WINDOW_AT, Date.from(plan.windowOpensAt()));
        variables.put(Var.RENEWAL_SECOND_REMINDER_AT, Date.from(plan.secondReminderAt()));
        variables.put(Var.RENEWAL_LAST_REMINDER_AT, Date.from(plan.lastReminderAt()));
        variables.put(Var.NOTICE_DEADLINE_AT, Date.from(plan.deadlinePassesAt()));
        variables.put(Var.TERM_ENDS_AT, Date.from(plan.termEndsAt()));
        runtime.setVariables(lifecycle, variables);
    }

    /** The renewal side of a contract the caller may already see. */
    @Transactional(readOnly = true)
    public RenewalView view(Contract contract) {
        boolean inForce = ContractStatus.IN_FORCE.contains(contract.getStatus())
                || contract.getStatus() == ContractStatus.SIGNED || contract.getStatus() == ContractStatus.SIGNING;
        return new RenewalView(contract.getRenewalOf(), inForce ? noticeDeadline(contract) : null,
                records.findByContractIdOrderByIdAsc(contract.getId()).stream()
                        .map(r -> new Decision(r.getKind().name(), r.getTermEndDate(), r.getNoticeDeadline(),
                                r.getDecidedBy(), r.getDecidedAt(), r.getComment(), r.getProposedAmount(),
                                r.getNewEndDate(), r.getSuccessorContractId()))
                        .toList());
    }

    private Contract inForce(String processInstanceId) {
        Contract contract = contracts.ofProcess(processInstanceId);
        if (!ContractStatus.IN_FORCE.contains(contract.getStatus())) {
            throw DomainException.conflict("pactum.renewal.notInForce", contract.getNumber(), contract.getStatus());
        }
        return contract;
    }

    private void requireEnded(Contract contract) {
        if (clock.instant().isBefore(startOf(contract.getEndDate().plusDays(1)))) {
            throw DomainException.conflict("pactum.term.notEnded", contract.getNumber(), contract.getEndDate());
        }
    }

    private BigDecimal amount(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(value.toString().trim());
            if (amount.signum() >= 0 && amount.scale() <= 2 && amount.precision() - amount.scale() <= 17) {
                return amount;
            }
        } catch (NumberFormatException e) {
            // refused below, with the same message as an out-of-range amount
        }
        throw refusal("pactum.renewal.amountInvalid");
    }

    private Instant reminderAt(LocalDate deadline, int leadDays) {
        return deadline.minusDays(leadDays).atTime(obligation.reminderTime()).atZone(pactum.zone()).toInstant();
    }

    private Instant startOf(LocalDate day) {
        return day.atTime(LocalTime.MIDNIGHT).atZone(pactum.zone()).toInstant();
    }

    /** Tasklist shows the engine's message as it is and sends no language: Chinese, then English. */
    private IllegalArgumentException refusal(String key, Object... args) {
        return new IllegalArgumentException(messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE) + " / "
                + messages.getMessage(key, args, Locale.ENGLISH));
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}

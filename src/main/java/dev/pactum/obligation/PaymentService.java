package dev.pactum.obligation;

import dev.pactum.calendar.BusinessCalendar;
import dev.pactum.config.PactumProperties;
import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractAmendment;
import dev.pactum.contract.ContractAmendments;
import dev.pactum.contract.ContractQueries;
import dev.pactum.contract.ContractStatus;
import dev.pactum.contract.CustomerService;
import dev.pactum.contract.ExchangeRates;
import dev.pactum.contract.MilestoneEvent;
import dev.pactum.contract.PaymentMilestone;
import dev.pactum.process.ContractProcess.Message;
import dev.pactum.process.ContractProcess.Var;
import dev.pactum.security.CurrentUser;
import dev.pactum.web.DomainException;
import dev.pactum.web.FieldProblem;
import dev.pactum.web.InvalidRequestException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payment milestones (回款计划) from activation on: each gets its due date, reminders before it, OVERDUE and an
 * escalation after it (in working days), and PAID once the payments finance records add up; money beyond what was
 * due is flagged. A customer with an overdue milestone is marked as paying late, and cleared once none is.
 */
@Service
@Transactional
public class PaymentService {

    private static final Set<ContractStatus> TAKES_PAYMENTS = EnumSet.of(ContractStatus.ACTIVE,
            ContractStatus.EXPIRING, ContractStatus.RENEWED, ContractStatus.EXPIRED);

    private final ContractQueries contracts;
    private final MilestoneAccountRepository accounts;
    private final PaymentRepository payments;
    private final SigningRecordRepository signings;
    private final CustomerService customers;
    private final ExchangeRates rates;
    private final ObligationNotifications notifications;
    private final ObligationProperties obligation;
    private final BusinessCalendar calendar;
    private final RuntimeService runtime;
    private final CurrentUser currentUser;
    private final PactumProperties pactum;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final ProjectEventRepository projectEvents;
    private final ContractAmendments amendments;
    private final MilestoneSignals signals;
    private final MilestoneInstances milestoneInstances;

    PaymentService(ContractQueries contracts, MilestoneAccountRepository accounts, PaymentRepository payments,
                   SigningRecordRepository signings, CustomerService customers, ExchangeRates rates,
                   ObligationNotifications notifications,
                   ObligationProperties obligation, BusinessCalendar calendar, RuntimeService runtime,
                   CurrentUser currentUser, PactumProperties pactum, Clock clock, ApplicationEventPublisher events,
                   ProjectEventRepository projectEvents, ContractAmendments amendments, MilestoneSignals signals,
                   MilestoneInstances milestoneInstances) {
        this.amendments = amendments;
        this.signals = signals;
        this.milestoneInstances = milestoneInstances;
        this.contracts = contracts;
        this.accounts = accounts;
        this.payments = payments;
        this.signings = signings;
        this.customers = customers;
        this.rates = rates;
        this.notifications = notifications;
        this.obligation = obligation;
        this.calendar = calendar;
        this.runtime = runtime;
        this.currentUser = currentUser;
        this.pactum = pactum;
        this.clock = clock;
        this.events = events;
        this.projectEvents = projectEvents;
    }

    /**
     * Opens the schedule of a contract that just became active: each milestone's due date is fixed (a date, or N
     * days after the signature came back or after the start date); one counting from the project's acceptance or
     * delivery is fixed by an event already reported, or waits for it (AWAITING_EVENT).
     *
     * @return the milestone ids, one "Payment milestone" instance each
     */
    public List<Integer> openSchedule(Contract contract) {
        List<Integer> ids = new ArrayList<>();
        for (PaymentMilestone milestone : contract.getMilestones()) {
            if (!accounts.existsById(new MilestoneAccount.Key(contract.getId(), milestone.id()))) {
                accounts.save(newAccount(contract, milestone));
            }
            ids.add(milestone.id());
        }
        return ids;
    }

    /** The account of a milestone as its contract now has it (at activation, or added by an amendment). */
    MilestoneAccount newAccount(Contract contract, PaymentMilestone milestone) {
        String project = MilestoneView.projectOf(milestone, contract.getProjectId());
        if (project == null) {
            return new MilestoneAccount(contract.getId(), milestone.id(), milestone.description(),
                    dueDate(contract, milestone), milestone.amount(), contract.getCurrency());
        }
        MilestoneAccount account = MilestoneAccount.awaiting(contract.getId(), milestone.id(),
                milestone.description(), milestone.event(), milestone.daysAfter(), project, milestone.amount(),
                contract.getCurrency());
        projectEvents.findByContractIdOrderByIdAsc(contract.getId()).stream()
                .filter(event -> event.starts(milestone.event(), project, milestone.id()))
                .findFirst().ifPresent(event -> {
                    account.eventOccurred(event.getOccurredOn());
                    event.started(milestone.id());
                });
        return account;
    }

    /**
     * BPMN "Open milestone": the timer dates of one milestone's instance, as process variables; or, for one that
     * waits for its project's event, only that it waits.
     */
    public Map<String, Object> open(String processInstanceId, Object milestoneId) {
        MilestoneAccount account = account(processInstanceId, milestoneId);
        if (account.getStatus() == MilestoneStatus.AWAITING_EVENT) {
            return Map.of(Var.MILESTONE_AWAITS_EVENT, true);
        }
        Map<String, Object> variables = new java.util.HashMap<>(timers(processInstanceId, milestoneId));
        variables.put(Var.MILESTONE_AWAITS_EVENT, false);
        return variables;
    }

    /** The timer dates of one milestone's instance, as process variables. */
    public Map<String, Object> timers(String processInstanceId, Object milestoneId) {
        MilestoneAccount account = account(processInstanceId, milestoneId);
        if (account.getDueDate() == null) {
            throw DomainException.conflict("pactum.milestone.awaitingEvent", account.milestoneNo(),
                    account.getAwaitsEvent());
        }
        LocalDate due = account.getDueDate();
        Instant overdueAt = startOf(due.plusDays(1));
        return Map.of(
                Var.PAYMENT_FIRST_REMINDER_AT, Date.from(reminderAt(due, 0)),
                Var.PAYMENT_LAST_REMINDER_AT, Date.from(reminderAt(due, 1)),
                Var.PAYMENT_OVERDUE_AT, Date.from(overdueAt),
                Var.PAYMENT_ESCALATE_AT, Date.from(calendar.plusWorkingTime(overdueAt,
                        Duration.ofDays(obligation.paymentEscalationWorkingDays()))));
    }

    /** Whether the milestone is paid in full, as the payments recorded say. */
    @Transactional(readOnly = true)
    public boolean settled(String processInstanceId, Object milestoneId) {
        return account(processInstanceId, milestoneId).isSettled();
    }

    /** Before the due date: the owner is reminded, unless it is paid or the time for reminding has passed. */
    public void remind(String processInstanceId, Object milestoneId) {
        MilestoneAccount account = account(processInstanceId, milestoneId);
        if (account.getStatus() != MilestoneStatus.OPEN || today().isAfter(account.getDueDate())) {
            return;
        }
        account.reminded(clock.instant());
        notifications.paymentReminder(contracts.ofProcess(processInstanceId), model(account));
    }

    /** The due date passed unpaid: OVERDUE; the customer is marked as paying late; owner and finance hear of it. */
    public void markOverdue(String processInstanceId, Object milestoneId) {
        MilestoneAccount account = account(processInstanceId, milestoneId);
        if (account.getStatus() != MilestoneStatus.OPEN) {
            return;
        }
        account.overdue(account.getDueDate().plusDays(1));
        Contract contract = contracts.ofProcess(processInstanceId);
        customers.recordPaymentStanding(contract.getCustomer().getId(), true);
        notifications.paymentOverdue(contract, model(account));
        events.publishEvent(new PaymentOverdue(contract.getId(), view(account)));
    }

    /** Still overdue some working days later: the owner's managers and finance are told. */
    public void escalate(String processInstanceId, Object milestoneId) {
        MilestoneAccount account = account(processInstanceId, milestoneId);
        if (account.getStatus() != MilestoneStatus.OVERDUE) {
            return;
        }
        account.escalated(clock.instant());
        notifications.paymentEscalated(contracts.ofProcess(processInstanceId), model(account),
                obligation.paymentEscalationWorkingDays());
    }

    /**
     * Finance records a payment towards a milestone. Partial payments add up; the one that settles it makes it PAID
     * (and clears the customer's late-payer mark when nothing else of theirs is overdue); money beyond what was due
     * is recorded and flagged to finance and the owner.
     */
    public PaymentRecorded record(long contractId, NewPayment request) {
        Contract contract = contracts.visible(contractId);
        if (!currentUser.isMemberOf(obligation.financeGroup()) && !currentUser.isMemberOf(SigningService.ADMINS)) {
            throw DomainException.forbidden("pactum.payment.financeOnly");
        }
        return record(contract, request, currentUser.username());
    }

    /**
     * A payment finance's own system reported, or finance matched by hand, recorded as made by {@code recordedBy}
     * (e.g. {@code integration:finance}). Server-side only: no endpoint reaches it, its caller authenticated the sender.
     */
    public PaymentRecorded recordReported(long contractId, NewPayment request, String recordedBy) {
        return record(contracts.get(contractId), request, recordedBy);
    }

    /** Milestones of an active contract that still wait for money, the earliest due first. */
    @Transactional(readOnly = true)
    public List<MilestoneView> unsettled(long contractId) {
        return accounts.findByContract(contractId).stream()
                .filter(account -> account.getStatus() == MilestoneStatus.OPEN
                        || account.getStatus() == MilestoneStatus.OVERDUE)
                .sorted(java.util.Comparator.comparing(MilestoneAccount::getDueDate)
                        .thenComparing(MilestoneAccount::milestoneNo))
                .map(this::view).toList();
    }

    /** Whether the contract is in a state that takes payments (active, or expired with money still owed). */
    @Transactional(readOnly = true)
    public boolean takesPayments(long contractId) {
        return TAKES_PAYMENTS.contains(contracts.get(contractId).getStatus());
    }

    private PaymentRecorded record(Contract contract, NewPayment request, String recordedBy) {
        if (!TAKES_PAYMENTS.contains(contract.getStatus())) {
            throw DomainException.conflict("pactum.contract.illegalTransition", contract.getNumber(),
                    contract.getStatus(), TAKES_PAYMENTS);
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (request.paidOn().isAfter(today())) {
            problems.add(new FieldProblem("paidOn", "pactum.validation.paidOnInFuture"));
        }
        MilestoneAccount account = accounts.findForUpdate(contract.getId(), request.milestoneId()).orElse(null);
        if (account == null) {
            problems.add(new FieldProblem("milestoneId", "pactum.validation.milestoneUnknown",
                    request.milestoneId(), contract.getNumber()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        if (account.getStatus() == MilestoneStatus.CANCELLED) {
            throw DomainException.conflict("pactum.payment.milestoneCancelled", request.milestoneId());
        }
        boolean wasWaiting = !account.isSettled();
        boolean wasOverdue = account.getStatus() == MilestoneStatus.OVERDUE;
        payments.save(new Payment(contract.getId(), request.milestoneId(), request.amount(), request.paidOn(),
                request.reference().trim(), recordedBy, clock.instant()));
        boolean settledNow = account.receive(request.amount(), clock.instant());
        accounts.flush();
        if (settledNow && wasOverdue && !accounts.customerHasOverdue(contract.getCustomer().getId())) {
            customers.recordPaymentStanding(contract.getCustomer().getId(), false);
        }
        if (account.overpaid().signum() > 0) {
            notifications.overpaid(contract, model(account));
        }
        if (wasWaiting && contract.getStatus() != ContractStatus.TERMINATED) {
            try {
                runtime.createMessageCorrelation(Message.PAYMENT_RECEIVED)
                        .processInstanceId(contract.getProcessInstanceId())
                        .localVariableEquals(Var.MILESTONE_ID, request.milestoneId())
                        .correlateWithResult();
            } catch (MismatchingMessageCorrelationException e) {
                throw DomainException.conflict("pactum.payment.notWaiting", request.milestoneId(),
                        contract.getNumber());
            }
        }
        events.publishEvent(new PaymentReceived(contract.getId(), request.amount(), account.getCurrency(),
                request.paidOn(), request.reference().trim(), view(account), account.overpaid().signum() > 0));
        return new PaymentRecorded(view(account), account.overpaid().signum() > 0);
    }

    /**
     * After an approved amendment brought a new payment schedule (amendment process "Follow the payment schedule"):
     * milestones it left out or changed are CANCELLED and their instances end (MilestoneWithdrawn); the new ones get
     * their accounts and start their own instances in the lifecycle's "Payment milestone" multi-instance, like those
     * opened at activation. New instances start first, so the multi-instance never completes in between.
     */
    public void followSchedule(String amendmentProcessInstanceId) {
        ContractAmendment amendment = amendments.ofProcess(amendmentProcessInstanceId);
        Contract contract = contracts.ofProcess(amendmentProcessInstanceId);
        if (amendment.getNewMilestones() == null || !ContractStatus.IN_FORCE.contains(contract.getStatus())) {
            return;
        }
        Set<Integer> kept = amendment.getNewMilestones().stream().map(PaymentMilestone::id)
                .collect(Collectors.toSet());
        Map<Integer, MilestoneAccount> opened = accounts.findByContract(contract.getId()).stream()
                .collect(Collectors.toMap(MilestoneAccount::milestoneNo, Function.identity()));
        List<Integer> started = new ArrayList<>();
        for (PaymentMilestone milestone : amendment.getNewMilestones()) {
            if (!opened.containsKey(milestone.id())) {
                accounts.save(newAccount(contract, milestone));
                started.add(milestone.id());
            }
        }
        List<Integer> withdrawn = new ArrayList<>();
        boolean overdueWithdrawn = false;
        for (MilestoneAccount account : opened.values()) {
            if (kept.contains(account.milestoneNo()) || account.getStatus() == MilestoneStatus.PAID
                    || account.getStatus() == MilestoneStatus.CANCELLED) {
                continue;
            }
            overdueWithdrawn |= account.getStatus() == MilestoneStatus.OVERDUE;
            account.cancel();
            withdrawn.add(account.milestoneNo());
        }
        accounts.flush();
        milestoneInstances.start(contract.getProcessInstanceId(), started);
        for (int no : withdrawn) {
            if (!signals.deliver(contract.getProcessInstanceId(), no, Message.MILESTONE_WITHDRAWN)) {
                throw DomainException.conflict("pactum.milestone.notRunning", no, contract.getNumber());
            }
        }
        if (overdueWithdrawn && !accounts.customerHasOverdue(contract.getCustomer().getId())) {
            customers.recordPaymentStanding(contract.getCustomer().getId(), false);
        }
    }

    /** Open milestones of a terminated contract are cancelled: nothing more falls due. */
    public void cancelOpen(long contractId) {
        accounts.findByContract(contractId).stream()
                .filter(account -> account.getStatus() == MilestoneStatus.OPEN
                        || account.getStatus() == MilestoneStatus.OVERDUE)
                .forEach(MilestoneAccount::cancel);
    }

    /** The schedule as drafted, with each milestone's state once the contract is active. */
    @Transactional(readOnly = true)
    public List<MilestoneView> milestones(Contract contract) {
        Map<Integer, MilestoneAccount> opened = accounts.findByContract(contract.getId()).stream()
                .collect(Collectors.toMap(MilestoneAccount::milestoneNo, Function.identity()));
        List<MilestoneView> views = contract.getMilestones().stream().map(milestone -> {
            MilestoneAccount account = opened.get(milestone.id());
            if (account != null) {
                return view(account).withPlan(milestone, contract.getProjectId());
            }
            return new MilestoneView(milestone.id(), milestone.description(), plannedDueDate(contract, milestone),
                    milestone.daysAfter(), milestone.event(), milestone.amount(), milestone.percent(),
                    MilestoneStatus.PLANNED, BigDecimal.ZERO, milestone.amount(), BigDecimal.ZERO, null, null,
                    MilestoneView.projectOf(milestone, contract.getProjectId()), null);
        }).collect(Collectors.toCollection(ArrayList::new));
        Set<Integer> planned = contract.getMilestones().stream().map(PaymentMilestone::id)
                .collect(Collectors.toSet());
        opened.values().stream().filter(account -> !planned.contains(account.milestoneNo()))
                .sorted(java.util.Comparator.comparing(MilestoneAccount::milestoneNo))
                .map(this::view).forEach(views::add);
        return views;
    }

    /** Received, outstanding and overdue money of one contract the caller may see, with its overdue ageing. */
    @Transactional(readOnly = true)
    public Receivables receivables(long contractId) {
        Contract contract = contracts.visible(contractId);
        return Receivables.of(contract.getCurrency(), accounts.findByContract(contract.getId()), today(),
                MilestoneAccount::getAmount, MilestoneAccount::getReceived);
    }

    /** The same over every contract the caller may see, in CNY. */
    @Transactional(readOnly = true)
    public Receivables receivables() {
        String owner = currentUser.seesAllContracts() ? null : currentUser.username();
        return Receivables.of("CNY", accounts.findVisible(owner), today(),
                account -> rates.toCny(account.getAmount(), account.getCurrency()),
                account -> rates.toCny(account.getReceived(), account.getCurrency()));
    }

    private MilestoneAccount account(String processInstanceId, Object milestoneId) {
        Contract contract = contracts.ofProcess(processInstanceId);
        int no = ((Number) milestoneId).intValue();
        return accounts.findById(new MilestoneAccount.Key(contract.getId(), no))
                .orElseThrow(() -> DomainException.notFound("pactum.validation.milestoneUnknown", no,
                        contract.getNumber()));
    }

    /** Before activation: a fixed date, or N days after signing once the counterparty signed; otherwise unknown. */
    private LocalDate plannedDueDate(Contract contract, PaymentMilestone milestone) {
        if (milestone.dueDate() != null) {
            return milestone.dueDate();
        }
        if (milestone.event() == MilestoneEvent.SIGNING) {
            return signings.findById(contract.getId()).map(SigningRecord::getCounterSignedAt)
                    .map(at -> at.atZone(pactum.zone()).toLocalDate().plusDays(milestone.daysAfter())).orElse(null);
        }
        return null;
    }

    private LocalDate dueDate(Contract contract, PaymentMilestone milestone) {
        if (milestone.dueDate() != null) {
            return milestone.dueDate();
        }
        LocalDate from = milestone.event() == MilestoneEvent.SIGNING
                ? signings.findById(contract.getId()).map(SigningRecord::getCounterSignedAt)
                        .map(at -> at.atZone(pactum.zone()).toLocalDate()).orElse(contract.getStartDate())
                : contract.getStartDate();
        return from.plusDays(milestone.daysAfter());
    }

    private Instant reminderAt(LocalDate due, int which) {
        return due.minusDays(obligation.paymentReminderDays().get(which)).atTime(obligation.reminderTime())
                .atZone(pactum.zone()).toInstant();
    }

    private Map<String, Object> model(MilestoneAccount account) {
        return Map.of("milestone", account.getDescription(), "dueDate", account.getDueDate().toString(),
                "milestoneAmount", notifications.money(account.getAmount(), account.getCurrency()),
                "receivedAmount", notifications.money(account.getReceived(), account.getCurrency()),
                "outstandingAmount", notifications.money(account.outstanding(), account.getCurrency()),
                "overpaidAmount", notifications.money(account.overpaid(), account.getCurrency()));
    }

    private MilestoneView view(MilestoneAccount account) {
        return new MilestoneView(account.milestoneNo(), account.getDescription(), account.getDueDate(), null,
                account.getAwaitsEvent(), account.getAmount(), null, account.getStatus(), account.getReceived(),
                account.outstanding(), account.overpaid(), account.getOverdueSince(), account.getPaidAt(),
                account.getProjectId(), account.getEventOn());
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(pactum.zone()));
    }

    private Instant startOf(LocalDate day) {
        return day.atStartOfDay(pactum.zone()).toInstant();
    }
}

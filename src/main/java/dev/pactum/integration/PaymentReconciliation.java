package dev.pactum.integration;

import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractQueries;
import dev.pactum.obligation.MilestoneStatus;
import dev.pactum.obligation.MilestoneView;
import dev.pactum.obligation.MonthlyPayments;
import dev.pactum.obligation.NewPayment;
import dev.pactum.obligation.PaymentRecorded;
import dev.pactum.obligation.PaymentService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Matches a payment finance reported to the payment schedule. Naming a milestone puts the whole amount on it; naming
 * only the contract spreads it over the unsettled milestones, the earliest due first, and whatever exceeds them all
 * stays on the last one as an overpayment, flagged. A payment that cannot be placed (unknown contract or milestone,
 * another currency, a contract not taking payments, nothing outstanding) is recorded nowhere and waits for finance
 * to match it by hand ({@link PaymentMatching}).
 */
@Component
class PaymentReconciliation {

    /** Who payments matched automatically are recorded as made by. */
    static final String RECORDER = MonthlyPayments.SYSTEM_RECORDER_PREFIX + "finance";

    private static final Set<MilestoneStatus> ON_THE_SCHEDULE = EnumSet.of(MilestoneStatus.OPEN,
            MilestoneStatus.OVERDUE, MilestoneStatus.PAID);

    /** How a reported payment compares with what was outstanding on the milestones it was put on. */
    enum Outcome { EXACT, PARTIAL, OVERPAID, UNMATCHED }

    /** Why a reported payment waits for finance. */
    enum Unmatched { CONTRACT_UNKNOWN, NOT_TAKING_PAYMENTS, CURRENCY_DIFFERS, MILESTONE_UNKNOWN, NOTHING_OUTSTANDING }

    /** Part of a payment recorded against one milestone, and the milestone's status after it. */
    record Allocation(int milestoneId, BigDecimal amount, MilestoneStatus status) {
    }

    record Result(Outcome outcome, Unmatched reason, List<Allocation> allocations) {

        static Result unmatched(Unmatched reason) {
            return new Result(Outcome.UNMATCHED, reason, List.of());
        }

        Map<String, Object> asEffect() {
            Map<String, Object> effect = new LinkedHashMap<>();
            effect.put("reconciliation", outcome.name());
            if (reason != null) {
                effect.put("unmatchedReason", reason.name());
            }
            effect.put("allocations", allocations);
            return effect;
        }
    }

    /** A payment as reported, whoever reported it. */
    record Reported(String milestoneId, BigDecimal amount, String currency, LocalDate paidOn, String reference) {
    }

    private final PaymentService payments;
    private final ContractQueries contracts;
    private final PaymentMatching matching;

    PaymentReconciliation(PaymentService payments, ContractQueries contracts, PaymentMatching matching) {
        this.payments = payments;
        this.contracts = contracts;
        this.matching = matching;
    }

    /** Reconciles a payment from finance's system; an unmatched one opens a task for finance. */
    Map<String, Object> reconcile(PaymentReported payment) {
        Reported reported = new Reported(payment.milestoneId(), payment.amount(), payment.currency(),
                payment.paidOn(), payment.reference());
        Result result = payment.contractId() == null ? Result.unmatched(Unmatched.CONTRACT_UNKNOWN)
                : place(contracts.get(payment.contractId()), reported, RECORDER);
        Map<String, Object> effect = result.asEffect();
        effect.put("contractMatched", payment.contractId() != null);
        if (result.outcome() == Outcome.UNMATCHED) {
            effect.put("matchingProcessInstanceId", matching.open(payment, result.reason()));
        }
        return effect;
    }

    /** Puts a payment on the contract's schedule, recorded as made by {@code recordedBy}, if it can be placed. */
    Result place(Contract contract, Reported payment, String recordedBy) {
        if (!payments.takesPayments(contract.getId())) {
            return Result.unmatched(Unmatched.NOT_TAKING_PAYMENTS);
        }
        if (payment.currency() != null && !payment.currency().equals(contract.getCurrency())) {
            return Result.unmatched(Unmatched.CURRENCY_DIFFERS);
        }
        List<MilestoneView> targets;
        if (payment.milestoneId() != null) {
            Optional<MilestoneView> named = milestoneNumber(payment.milestoneId())
                    .flatMap(no -> payments.milestones(contract).stream()
                            .filter(milestone -> milestone.id() == no && ON_THE_SCHEDULE.contains(milestone.status()))
                            .findFirst());
            if (named.isEmpty()) {
                return Result.unmatched(Unmatched.MILESTONE_UNKNOWN);
            }
            targets = List.of(named.get());
        } else {
            targets = payments.unsettled(contract.getId());
            if (targets.isEmpty()) {
                return Result.unmatched(Unmatched.NOTHING_OUTSTANDING);
            }
        }
        BigDecimal outstanding = targets.stream().map(MilestoneView::outstanding).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        BigDecimal remaining = payment.amount();
        List<Allocation> allocations = new ArrayList<>();
        for (int i = 0; i < targets.size() && remaining.signum() > 0; i++) {
            MilestoneView milestone = targets.get(i);
            boolean last = i == targets.size() - 1;
            BigDecimal portion = last ? remaining : remaining.min(milestone.outstanding());
            if (portion.signum() == 0) {
                continue;
            }
            PaymentRecorded recorded = payments.recordReported(contract.getId(),
                    new NewPayment(milestone.id(), portion, payment.paidOn(), payment.reference()), recordedBy);
            allocations.add(new Allocation(milestone.id(), portion, recorded.milestone().status()));
            remaining = remaining.subtract(portion);
        }
        int comparison = payment.amount().compareTo(outstanding);
        Outcome outcome = comparison == 0 ? Outcome.EXACT : comparison < 0 ? Outcome.PARTIAL : Outcome.OVERPAID;
        return new Result(outcome, null, List.copyOf(allocations));
    }

    private static Optional<Integer> milestoneNumber(String milestoneId) {
        try {
            int no = Integer.parseInt(milestoneId.trim());
            return no > 0 ? Optional.of(no) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

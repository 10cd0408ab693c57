package dev.pactum.contract;

import dev.pactum.web.FieldProblem;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a payment schedule against its contract and resolves it: each milestone says when (a date, or N days after
 * an event) and how much (an amount, or a percentage); the dates lie within the term; the amounts add up exactly to
 * the contract amount. Percentages are rounded to the cent, the last one taking what rounding left over.
 */
final class PaymentSchedule {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal CENT = new BigDecimal("0.01");

    private PaymentSchedule() {
    }

    /** The resolved milestones, or the problems (field names {@code milestones[i].…}) that stop it. */
    record Result(List<PaymentMilestone> milestones, List<FieldProblem> problems) {
    }

    static Result resolve(List<MilestonePlan> plans, BigDecimal amount, LocalDate start, LocalDate end) {
        List<FieldProblem> problems = new ArrayList<>();
        List<PaymentMilestone> resolved = new ArrayList<>();
        long termDays = ChronoUnit.DAYS.between(start, end);
        for (int i = 0; i < plans.size(); i++) {
            MilestonePlan plan = plans.get(i);
            String field = "milestones[" + i + "]";
            boolean byDate = plan.dueDate() != null;
            boolean byEvent = plan.daysAfter() != null || plan.event() != null;
            if (byDate == byEvent || (byEvent && (plan.daysAfter() == null || plan.event() == null))) {
                problems.add(new FieldProblem(field + ".dueDate", "pactum.validation.milestoneWhen"));
            } else if (byDate && (plan.dueDate().isBefore(start) || plan.dueDate().isAfter(end))) {
                problems.add(new FieldProblem(field + ".dueDate", "pactum.validation.milestoneOutsideTerm", start,
                        end));
            } else if (byEvent && plan.daysAfter() > termDays) {
                problems.add(new FieldProblem(field + ".daysAfter", "pactum.validation.milestoneBeyondTerm",
                        termDays));
            }
            if ((plan.amount() == null) == (plan.percent() == null)) {
                problems.add(new FieldProblem(field + ".amount", "pactum.validation.milestoneHowMuch"));
                continue;
            }
            BigDecimal share = plan.amount() != null ? plan.amount()
                    : amount.multiply(plan.percent()).divide(HUNDRED, 2, RoundingMode.HALF_UP);
            resolved.add(new PaymentMilestone(i + 1, plan.dueDate(), plan.daysAfter(), plan.event(), share,
                    plan.percent(), plan.description().trim(), plan.projectId()));
        }
        if (!problems.isEmpty() || plans.isEmpty()) {
            return new Result(List.of(), problems);
        }
        BigDecimal sum = resolved.stream().map(PaymentMilestone::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal difference = amount.subtract(sum);
        long percentages = resolved.stream().filter(m -> m.percent() != null).count();
        if (difference.signum() != 0 && percentages > 0
                && difference.abs().compareTo(CENT.multiply(BigDecimal.valueOf(percentages))) <= 0) {
            int last = lastPercentage(resolved);
            PaymentMilestone m = resolved.get(last);
            resolved.set(last, new PaymentMilestone(m.id(), m.dueDate(), m.daysAfter(), m.event(),
                    m.amount().add(difference), m.percent(), m.description(), m.projectId()));
            difference = BigDecimal.ZERO;
        }
        if (difference.signum() != 0) {
            problems.add(new FieldProblem("milestones", "pactum.validation.milestonesSum", sum.toPlainString(),
                    amount.toPlainString()));
            return new Result(List.of(), problems);
        }
        return new Result(List.copyOf(resolved), List.of());
    }

    /**
     * Milestones started by a project's acceptance or delivery must say which project: their own {@code projectId},
     * or the contract's.
     */
    static List<FieldProblem> projectProblems(List<MilestonePlan> plans, String contractProjectId) {
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            MilestonePlan plan = plans.get(i);
            if (plan != null && plan.event() != null && plan.event().isProjectEvent() && plan.projectId() == null
                    && contractProjectId == null) {
                problems.add(new FieldProblem("milestones[" + i + "].projectId",
                        "pactum.validation.milestoneProjectMissing", plan.event()));
            }
        }
        return problems;
    }

    private static int lastPercentage(List<PaymentMilestone> milestones) {
        for (int i = milestones.size() - 1; i >= 0; i--) {
            if (milestones.get(i).percent() != null) {
                return i;
            }
        }
        throw new IllegalStateException("no percentage milestone");
    }
}

package dev.pactum.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the owner changed in the revise form ({@code revision*} variables). Null means unchanged. Form-js sends
 * numbers as numbers or, with "serialize to string", as text; dates as ISO text.
 */
public record ContractRevision(String title, BigDecimal amount, Integer paymentTermDays, LocalDate endDate,
                               Renewal renewal) {

    /**
     * The renewal terms as revised ({@link ContractTerms}); {@code null} values clear a term. Null as a whole:
     * unchanged (a form without these fields).
     */
    public record Renewal(boolean autoRenew, Integer renewalTermMonths, Integer noticePeriodDays,
                          Integer minimumTermMonths) {
    }

    public ContractRevision(String title, BigDecimal amount, Integer paymentTermDays, LocalDate endDate) {
        this(title, amount, paymentTermDays, endDate, null);
    }

    public static final String TITLE = "revisionTitle";
    public static final String AMOUNT = "revisionAmount";
    public static final String PAYMENT_TERM_DAYS = "revisionPaymentTermDays";
    public static final String END_DATE = "revisionEndDate";
    public static final String AUTO_RENEW = "revisionAutoRenew";
    public static final String RENEWAL_TERM_MONTHS = "revisionRenewalTermMonths";
    public static final String NOTICE_PERIOD_DAYS = "revisionNoticePeriodDays";
    public static final String MINIMUM_TERM_MONTHS = "revisionMinimumTermMonths";

    /** The limits {@link NewContract} puts on a new contract's title and amount, and the database on every one. */
    private static final int MAX_TITLE_LENGTH = 300;
    private static final int MAX_AMOUNT_INTEGER_DIGITS = 17;

    public static Map<String, Object> formVariablesOf(Contract contract) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(TITLE, contract.getTitle());
        variables.put(AMOUNT, contract.getAmount().toPlainString());
        variables.put(PAYMENT_TERM_DAYS, contract.getPaymentTermDays());
        variables.put(END_DATE, contract.getEndDate().toString());
        ContractTerms terms = contract.getTerms();
        variables.put(AUTO_RENEW, terms.autoRenewal());
        variables.put(RENEWAL_TERM_MONTHS, terms.renewalTermMonths());
        variables.put(NOTICE_PERIOD_DAYS, terms.renewalNoticeDays());
        variables.put(MINIMUM_TERM_MONTHS, terms.minimumTermMonths());
        return variables;
    }

    public static ContractRevision fromFormVariables(Map<String, Object> variables) {
        try {
            Object title = variables.get(TITLE);
            Object amount = variables.get(AMOUNT);
            Object days = variables.get(PAYMENT_TERM_DAYS);
            Object endDate = variables.get(END_DATE);
            Renewal renewal = variables.containsKey(AUTO_RENEW) ? new Renewal(
                    Boolean.parseBoolean(String.valueOf(variables.get(AUTO_RENEW))),
                    wholeNumber(variables.get(RENEWAL_TERM_MONTHS)), wholeNumber(variables.get(NOTICE_PERIOD_DAYS)),
                    wholeNumber(variables.get(MINIMUM_TERM_MONTHS))) : null;
            return new ContractRevision(
                    title == null || title.toString().isBlank() ? null : title.toString().trim(),
                    amount == null || amount.toString().isBlank() ? null : new BigDecimal(amount.toString()),
                    days == null ? null : new BigDecimal(days.toString()).intValueExact(),
                    endDate == null || endDate.toString().isBlank() ? null : LocalDate.parse(endDate.toString()),
                    renewal);
        } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException("修改内容格式不正确 / The revision has a malformed value: "
                    + e.getMessage(), e);
        }
    }

    private static Integer wholeNumber(Object value) {
        return value == null || value.toString().isBlank() ? null : new BigDecimal(value.toString()).intValueExact();
    }

    void applyTo(Contract contract) {
        if (title != null && title.length() > MAX_TITLE_LENGTH) {
            throw new IllegalArgumentException("标题最多 300 字 / The title has at most 300 characters");
        }
        if (amount != null && (amount.signum() < 0 || amount.scale() > 2
                || amount.precision() - amount.scale() > MAX_AMOUNT_INTEGER_DIGITS)) {
            throw new IllegalArgumentException("金额须为非负，最多 17 位整数和两位小数 / The amount must be non-negative "
                    + "with at most 17 digits and two decimals");
        }
        if (paymentTermDays != null && (paymentTermDays < 0 || paymentTermDays > 3650)) {
            throw new IllegalArgumentException("付款期限须在 0 到 3650 天之间 / The payment term must be 0 to 3650 days");
        }
        LocalDate newEnd = endDate != null ? endDate : contract.getEndDate();
        if (newEnd.isBefore(contract.getStartDate())) {
            throw new IllegalArgumentException("结束日期不能早于开始日期 / The end date must not be before the start date");
        }
        ContractTerms terms = contract.getTerms();
        if (renewal != null) {
            terms = new ContractTerms(terms.liabilityCap(), renewal.autoRenew(), renewal.noticePeriodDays(),
                    terms.liquidatedDamagesPercent(), renewal.renewalTermMonths(), renewal.minimumTermMonths());
            if (outside(renewal.noticePeriodDays(), 0, 3650) || outside(renewal.renewalTermMonths(), 1, 120)
                    || outside(renewal.minimumTermMonths(), 1, 120)) {
                throw new IllegalArgumentException("通知期须在 0 到 3650 天之间，续约期限和最短期限须在 1 到 120 个月之间"
                        + " / The notice period must be 0 to 3650 days, the renewal and minimum terms 1 to 120 months");
            }
        }
        if (!ContractService.renewalProblems(terms, contract.getStartDate(), newEnd).isEmpty()) {
            throw new IllegalArgumentException("续约条款与合同期不符：通知截止日须在合同期内，合同期和续约期限不能短于最短期限"
                    + " / The renewal terms do not fit the term: the notice deadline must lie within the term, and"
                    + " neither the term nor a renewal may be shorter than the minimum term");
        }
        BigDecimal newAmount = amount != null ? amount : contract.getAmount();
        List<PaymentMilestone> schedule = contract.getMilestones();
        if (!schedule.isEmpty()) {
            List<MilestonePlan> plans = schedule.stream().map(PaymentMilestone::plan).toList();
            PaymentSchedule.Result rescheduled = PaymentSchedule.resolve(plans, newAmount, contract.getStartDate(),
                    newEnd);
            if (!rescheduled.problems().isEmpty()) {
                throw new IllegalArgumentException("修改后的金额或结束日期与回款计划不符（金额合计须等于合同金额，日期须在合同期内）"
                        + " / The revised amount or end date no longer fits the payment schedule (its amounts must add"
                        + " up to the contract amount, its dates lie within the term)");
            }
            schedule = rescheduled.milestones();
        }
        contract.setMilestones(schedule);
        if (title != null) {
            contract.setTitle(title);
        }
        if (amount != null) {
            contract.setAmount(amount);
        }
        if (paymentTermDays != null) {
            contract.setPaymentTermDays(paymentTermDays);
        }
        contract.setEndDate(newEnd);
        contract.setTerms(terms);
    }

    private static boolean outside(Integer value, int min, int max) {
        return value != null && (value < min || value > max);
    }
}

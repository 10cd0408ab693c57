package dev.pactum.dossier;

import dev.pactum.approval.ApprovalHistory;
import dev.pactum.contract.ContractStatus;
import dev.pactum.contract.ContractTerms;
import dev.pactum.contract.ContractType;
import dev.pactum.contract.CustomerChangeRecords;
import dev.pactum.obligation.MilestoneView;
import dev.pactum.obligation.RenewalService;
import dev.pactum.obligation.SigningService;
import dev.pactum.obligation.TermService;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A contract as the API shows it: its terms, its risk, who approves it and how far they got, its documents.
 * {@code fastLaneRule} names the rule that approved the current round without a human step, when one did.
 * {@code milestones} is the payment schedule with each milestone's state; {@code signing} and {@code termination}
 * are there once the contract went out for signature, or was terminated; {@code renewal} has the contract it renews,
 * its notice deadline while in force, and every renewal decision. {@code customerChanges} lists what the CRM changed of
 * the customer after the text was fixed for signing (each value before and after, when, from which event): the
 * contract keeps its text and shows the change here instead. {@code projectId} is the project of the
 * project-management system the contract is linked to, if any.
 */
public record ContractView(
        Long id, String number, String title, ContractType type, String templateKey, ContractStatus status,
        String owner, CustomerRef customer, BigDecimal amount, String currency, LocalDate startDate,
        LocalDate endDate, int paymentTermDays, Map<String, Object> fields, ContractTerms terms,
        Map<String, String> clauses, Risk risk, List<ApprovalHistory.Level> approvalChain, String fastLaneRule,
        List<DocumentVersion> documentVersions, List<MilestoneView> milestones, SigningService.SigningView signing,
        TermService.Termination termination, RenewalService.RenewalView renewal,
        List<CustomerChangeRecords.Recorded> customerChanges, Instant createdAt, Instant updatedAt, long version,
        String projectId) {

    public record CustomerRef(Long id, String name, String creditCode) {
    }

    public record Risk(int score, String level, String ruleSetVersion, List<Finding> findings) {
    }

    /** @param message in the caller's language; messageZh and messageEn both kept for clients that show both */
    public record Finding(String rule, String severity, int points, String message, String messageZh,
                          String messageEn, String clauseId) {
    }

    /** @param kind RENDERED, COMPANY_SIGNED or COUNTER_SIGNED */
    public record DocumentVersion(int version, String kind, String sha256, long sizeBytes, Instant createdAt,
                                  String createdBy) {
    }
}

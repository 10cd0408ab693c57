package dev.pactum.dossier;

import dev.pactum.approval.ApprovalHistory;
import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractQueries;
import dev.pactum.contract.ContractStatus;
import dev.pactum.contract.ContractType;
import dev.pactum.contract.Customer;
import dev.pactum.contract.CustomerChangeRecords;
import dev.pactum.reporting.ContractFilter;
import dev.pactum.reporting.ContractListing;
import dev.pactum.web.FieldProblem;
import dev.pactum.web.InvalidRequestException;
import java.math.BigDecimal;
import java.time.LocalDate;
import dev.pactum.document.ContractDocumentService;
import dev.pactum.document.StoredDocument;
import dev.pactum.obligation.PaymentService;
import dev.pactum.obligation.RenewalService;
import dev.pactum.obligation.SigningService;
import dev.pactum.obligation.TermService;
import dev.pactum.risk.RiskAssessment;
import dev.pactum.risk.RiskFinding;
import dev.pactum.risk.RiskRecords;
import dev.pactum.web.DomainException;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contract's file (档案) as its readers see it: the contract with its risk, its approvals, its documents, its
 * payment schedule, signing and termination,
 * each read from the feature that owns it, for users who may see the contract.
 */
@Service
@Transactional(readOnly = true)
public class ContractDossier {

    private final ContractQueries contracts;
    private final RiskRecords risks;
    private final ApprovalHistory approvals;
    private final ContractDocumentService documents;
    private final PaymentService payments;
    private final SigningService signing;
    private final TermService term;
    private final RenewalService renewal;
    private final CustomerChangeRecords customerChanges;
    private final ContractListing listing;

    public ContractDossier(ContractQueries contracts, RiskRecords risks, ApprovalHistory approvals,
                           ContractDocumentService documents, PaymentService payments, SigningService signing,
                           TermService term, RenewalService renewal, CustomerChangeRecords customerChanges,
                           ContractListing listing) {
        this.customerChanges = customerChanges;
        this.listing = listing;
        this.contracts = contracts;
        this.risks = risks;
        this.approvals = approvals;
        this.documents = documents;
        this.payments = payments;
        this.signing = signing;
        this.term = term;
        this.renewal = renewal;
    }

    /** The contract if the current user may see it; otherwise not found. */
    public ContractView view(long id) {
        Contract contract = contracts.visible(id);
        Customer customer = contract.getCustomer();
        ApprovalHistory.Round round = approvals.currentRound(contract);
        return new ContractView(contract.getId(), contract.getNumber(), contract.getTitle(), contract.getType(),
                contract.getTemplateKey(), contract.getStatus(), contract.getOwner(),
                new ContractView.CustomerRef(customer.getId(), customer.getName(), customer.getCreditCode()),
                contract.getAmount(), contract.getCurrency(), contract.getStartDate(), contract.getEndDate(),
                contract.getPaymentTermDays(), contract.getFields(), contract.getTerms(), contract.getClauses(),
                risks.latest(contract.getId()).map(ContractDossier::risk).orElse(null),
                round == null ? List.of() : round.levels(), round == null ? null : round.fastLaneRule(),
                documents.versions(contract.getId()).stream()
                        .map(v -> new ContractView.DocumentVersion(v.version(), v.kind().name(), v.sha256(),
                                v.sizeBytes(),
                                v.createdAt(), v.createdBy()))
                        .toList(),
                payments.milestones(contract), signing.view(contract.getId()).orElse(null),
                term.termination(contract.getId()).orElse(null), renewal.view(contract),
                customerChanges.of(contract), contract.getCreatedAt(), contract.getUpdatedAt(), contract.getVersion(),
                contract.getProjectId());
    }

    /**
     * Contracts the current user may see, filtered and sorted: by page number ({@code cursor} null) with the total,
     * or by keyset after {@code cursor} (empty: from the start) without one. See the API's description.
     */
    public ContractList search(ListQuery query, String cursor, Pageable pageable) {
        ContractFilter filter = query.filter(sortOf(pageable));
        if (cursor != null) {
            ContractListing.KeysetSlice slice = listing.keyset(filter, cursor.isBlank() ? null : cursor,
                    pageable.getPageSize());
            return new ContractList(slice.rows().stream().map(ContractSummary::of).toList(), null, slice.next());
        }
        ContractListing.ListingPage page = listing.search(filter, pageable.getPageNumber(), pageable.getPageSize());
        String next = page.hasNext() ? listing.cursorAfter(filter, page.getContent()) : null;
        return new ContractList(page.getContent().stream().map(ContractSummary::of).toList(),
                new ContractList.PageInfo(page.getSize(), page.getNumber(), page.getTotalElements(),
                        page.getTotalPages(), page.isTotalExact()), next);
    }

    /** The API's sort properties and the list's sort keys; an unknown property is a 400 on {@code sort}. */
    private static final Map<String, String> SORTS = Map.of("createdAt", "created", "number", "number",
            "title", "title", "customerName", "customer", "amount", "amount", "status", "status",
            "startDate", "start", "owner", "owner");

    private static Sort.Order sortOf(Pageable pageable) {
        Sort.Order order = pageable.getSort().stream().findFirst()
                .orElse(Sort.Order.desc("createdAt"));
        if (!SORTS.containsKey(order.getProperty())) {
            throw new InvalidRequestException(List.of(new FieldProblem("sort", "pactum.validation.sortUnknown",
                    order.getProperty())));
        }
        return new Sort.Order(order.getDirection(), SORTS.get(order.getProperty()));
    }

    /** What the API's list filters on. */
    public record ListQuery(ContractStatus status, ContractType type, Long customerId, String owner, LocalDate from,
                            LocalDate to, BigDecimal minAmount, BigDecimal maxAmount, String text) {

        ContractFilter filter(Sort.Order order) {
            return new ContractFilter(text, status, type, customerId, owner, from, to, minAmount, maxAmount,
                    order.getProperty(), order.isAscending() ? "asc" : "desc");
        }
    }

    /** The latest document of a contract the current user may see. */
    public Document latestDocument(long id) {
        Contract contract = contracts.visible(id);
        StoredDocument document = documents.latest(contract.getId())
                .orElseThrow(() -> DomainException.notFound("pactum.contract.noDocument", contract.getNumber()));
        return new Document(contract.getNumber(), document);
    }

    public record Document(String contractNumber, StoredDocument stored) {
    }

    private static ContractView.Risk risk(RiskAssessment risk) {
        boolean english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
        return new ContractView.Risk(risk.score(), risk.level().name(), risk.ruleSetVersion(),
                risk.findings().stream().map(finding -> finding(finding, english)).toList());
    }

    private static ContractView.Finding finding(RiskFinding finding, boolean english) {
        return new ContractView.Finding(finding.rule(), finding.severity().name(), finding.points(),
                english ? finding.messageEn() : finding.messageZh(), finding.messageZh(), finding.messageEn(),
                finding.clauseId());
    }
}

package dev.pactum.contract;

import dev.pactum.approval.ApprovalService;
import dev.pactum.document.ContractDocumentService;
import dev.pactum.security.CurrentUser;
import dev.pactum.web.ProblemException;
import jakarta.persistence.criteria.JoinType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading contracts as the current user may: a sales user sees their own, reviewers see all. */
@Service
@Transactional(readOnly = true)
public class ContractQueries {

    private final ContractRepository contracts;
    private final ApprovalService approvals;
    private final ContractDocumentService documents;
    private final CurrentUser currentUser;

    public ContractQueries(ContractRepository contracts, ApprovalService approvals,
                           ContractDocumentService documents, CurrentUser currentUser) {
        this.contracts = contracts;
        this.approvals = approvals;
        this.documents = documents;
        this.currentUser = currentUser;
    }

    /** The contract if the current user may see it; otherwise not found, so its existence does not leak. */
    public Contract visible(long id) {
        return contracts.findById(id)
                .filter(contract -> currentUser.seesAllContracts() || contract.isOwnedBy(currentUser.username()))
                .orElseThrow(() -> ProblemException.notFound("pactum.contract.notFound", id));
    }

    public Page<ContractSummary> search(ContractStatus status, Long customerId, String text, Pageable page) {
        Specification<Contract> spec = (root, query, cb) -> cb.conjunction();
        if (!currentUser.seesAllContracts()) {
            String owner = currentUser.username();
            spec = spec.and((root, query, cb) -> cb.equal(root.get("owner"), owner));
        }
        if (status != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("status"), status));
        }
        if (customerId != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("customer").get("id"), customerId));
        }
        if (text != null && !text.isBlank()) {
            String pattern = "%" + text.trim().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%";
            spec = spec.and((root, query, cb) -> {
                var customer = root.join("customer", JoinType.INNER);
                return cb.or(cb.like(cb.lower(root.get("title")), pattern, '\\'),
                        cb.like(cb.lower(root.get("number")), pattern, '\\'),
                        cb.like(cb.lower(customer.get("name")), pattern, '\\'));
            });
        }
        return contracts.findAll(spec, page).map(ContractSummary::of);
    }

    public ContractView view(long id) {
        Contract contract = visible(id);
        boolean english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
        Customer customer = contract.getCustomer();
        return new ContractView(contract.getId(), contract.getNumber(), contract.getTitle(), contract.getType(),
                contract.getTemplateKey(), contract.getStatus(), contract.getOwner(),
                new ContractView.CustomerRef(customer.getId(), customer.getName(), customer.getCreditCode()),
                contract.getAmount(), contract.getCurrency(), contract.getStartDate(), contract.getEndDate(),
                contract.getPaymentTermDays(), contract.getFields(), contract.getTerms(), contract.getClauses(),
                risk(contract, english),
                approvalChain(contract), contract.getFastLaneRule(),
                documents.versions(contract.getId()).stream()
                        .map(v -> new ContractView.DocumentVersion(v.version(), v.sha256(), v.sizeBytes(),
                                v.createdAt(), v.createdBy()))
                        .toList(),
                contract.getCreatedAt(), contract.getUpdatedAt(), contract.getVersion());
    }

    private static ContractView.Risk risk(Contract contract, boolean english) {
        if (contract.getRiskLevel() == null) {
            return null;
        }
        List<ContractView.Finding> findings = contract.getRiskFindings().stream()
                .map(f -> finding(f, english))
                .toList();
        return new ContractView.Risk(contract.getRiskScore(), contract.getRiskLevel(),
                contract.getRiskRuleSetVersion(), findings);
    }

    private static ContractView.Finding finding(Map<String, Object> f, boolean english) {
        String zh = (String) f.get("messageZh");
        String en = (String) f.get("messageEn");
        return new ContractView.Finding((String) f.get("rule"), (String) f.get("severity"),
                ((Number) f.get("points")).intValue(), english ? en : zh, zh, en, (String) f.get("clauseId"));
    }

    private List<ContractView.Level> approvalChain(Contract contract) {
        return approvals.progress(contract).stream()
                .map(p -> new ContractView.Level(p.level().getLevel(), p.level().getMode().name(),
                        p.level().getGroups(), p.level().getSlaHours(), p.level().getAddedBy(),
                        p.level().getState().name(), p.level().getStartedAt(), p.level().getEndedAt(),
                        p.decisions().stream()
                                .map(d -> new ContractView.DecisionView(d.getDecidedBy(), d.getDecision().name(),
                                        d.getComment(), d.getDecidedAt(), d.getCandidateGroups()))
                                .toList()))
                .toList();
    }
}

package dev.pactum.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pactum.audit.AuditEntry;
import dev.pactum.audit.AuditTrail;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A customer changed by another system after one of their contracts went out for signature: that contract keeps the
 * text both sides sign or signed, and the change is recorded beside it (table {@code contract_customer_change}),
 * shown with the contract ({@code GET /api/contracts/{id}}, {@code customerChanges}) and sealed into the audit trail
 * ({@value #AUDIT_ACTION}) once it committed.
 */
@Service
public class CustomerChangeRecords {

    /** Contracts whose text is fixed for signing or signed, yet still running: a change is recorded, not rendered. */
    public static final Set<ContractStatus> TEXT_FIXED = EnumSet.of(ContractStatus.SIGNING, ContractStatus.SIGNED,
            ContractStatus.ACTIVE, ContractStatus.EXPIRING);

    static final String AUDIT_ACTION = "CONTRACT_CUSTOMER_CHANGE_RECORDED";

    /**
     * One recorded change, as the contract shows it.
     *
     * @param source    where the change came from, e.g. {@code crm.event}, {@code crm.import}
     * @param reference the sender's event id, or the CRM's customer id of an import
     * @param recordedBy the system ({@code integration:crm}) or the user who ran an import
     */
    public record Recorded(long id, String contractNumber, ContractStatus contractStatus, List<CustomerChange> changes,
                           String source, String reference, String recordedBy, Instant recordedAt) {
    }

    private static final TypeReference<List<CustomerChange>> CHANGES = new TypeReference<>() { };

    private final JdbcTemplate jdbc;
    private final ContractRepository contracts;
    private final ObjectMapper json;
    private final AuditTrail audit;
    private final Clock clock;

    CustomerChangeRecords(JdbcTemplate jdbc, ContractRepository contracts, ObjectMapper json, AuditTrail audit,
                          Clock clock) {
        this.jdbc = jdbc;
        this.contracts = contracts;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Records the changes on every contract of the customer whose text is fixed ({@link #TEXT_FIXED}), in the
     * caller's transaction; the audit rows follow its commit.
     *
     * @return what was recorded, one per contract
     */
    @Transactional
    public List<Recorded> recordOnFixedContracts(Customer customer, List<CustomerChange> changes, String source,
                                                 String reference, String recordedBy) {
        if (changes.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        String changesJson = write(changes);
        List<Recorded> recorded = new ArrayList<>();
        List<AuditEntry> entries = new ArrayList<>();
        for (Contract contract : contracts.findByCustomerIdAndStatusInOrderById(customer.getId(), TEXT_FIXED)) {
            Long id = jdbc.queryForObject("""
                    insert into contract_customer_change (contract_id, customer_id, contract_status, changes, source,
                                                          reference, recorded_by, recorded_at)
                    values (?, ?, ?, ?::jsonb, ?, ?, ?, ?) returning id""", Long.class, contract.getId(),
                    customer.getId(), contract.getStatus().name(), changesJson, source, reference, recordedBy,
                    Timestamp.from(now));
            Recorded record = new Recorded(id, contract.getNumber(), contract.getStatus(), changes, source,
                    reference, recordedBy, now);
            recorded.add(record);
            entries.add(auditEntry(record, customer, contract.getId()));
        }
        afterCommit(() -> entries.forEach(audit::record));
        return recorded;
    }

    /** The changes recorded on a contract, oldest first. */
    @Transactional(readOnly = true)
    public List<Recorded> of(Contract contract) {
        return jdbc.query("""
                select id, contract_status, changes, source, reference, recorded_by, recorded_at
                  from contract_customer_change where contract_id = ? order by id""", (rs, row) -> new Recorded(
                rs.getLong("id"), contract.getNumber(), ContractStatus.valueOf(rs.getString("contract_status")),
                read(rs.getString("changes")), rs.getString("source"), rs.getString("reference"),
                rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant()), contract.getId());
    }

    private AuditEntry auditEntry(Recorded recorded, Customer customer, long contractId) {
        Map<String, String> before = new LinkedHashMap<>();
        Map<String, String> after = new LinkedHashMap<>();
        recorded.changes().forEach(change -> {
            before.put(change.field(), change.from());
            after.put(change.field(), change.to());
        });
        String object = "Customer#" + customer.getId();
        return AuditEntry.system(recorded.recordedBy(), AUDIT_ACTION, "contract", String.valueOf(contractId),
                write(Map.of(object, before)), write(Map.of(object, after)),
                "contract " + recorded.contractNumber() + " (" + recorded.contractStatus() + ") keeps its text; "
                        + recorded.source() + (recorded.reference() == null ? "" : " " + recorded.reference()));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plain values are always JSON", e);
        }
    }

    private List<CustomerChange> read(String text) {
        try {
            return json.readValue(text, CHANGES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("contract_customer_change.changes is written by this class", e);
        }
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

package dev.pactum.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractQueries;
import dev.pactum.contract.Customer;
import dev.pactum.contract.CustomerChange;
import dev.pactum.contract.CustomerChangeRecords;
import dev.pactum.contract.CustomerService;
import dev.pactum.contract.CustomerUpdate;
import dev.pactum.contract.NewCustomer;
import dev.pactum.document.ContractDocumentService;
import dev.pactum.security.CurrentUser;
import dev.pactum.web.DomainException;
import dev.pactum.web.FieldProblem;
import dev.pactum.web.InvalidRequestException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customers as the CRM knows them: imported by the CRM's id ({@code GET {crm url}/customers/{id}}, protocol
 * {@code pactum.customer.v1}) and kept in step by its {@code customer.updated} events. A change of name, contact (or
 * credit limit, when the CRM is trusted with it) re-renders every contract of the customer whose text may still
 * change; those out for signature or signed keep their text and have the change recorded beside them
 * ({@link CustomerChangeRecords}).
 */
@Service
public class CrmCustomers {

    /** Who the document versions a CRM change renders are recorded as made by. */
    static final String CRM_RENDERER = "integration:crm";

    private static final Pattern CRM_ID = Pattern.compile("[A-Za-z0-9._:\\-]{1,100}");

    /** What an import did. */
    public record Imported(long id, String name, String creditCode, boolean created, boolean changed,
                           List<Map<String, Object>> rerendered, List<Map<String, Object>> recordedOn) {
    }

    private final CustomerService customers;
    private final ContractQueries contracts;
    private final ContractDocumentService documents;
    private final IntegrationProperties properties;
    private final PeerClient peers;
    private final ObjectMapper json;
    private final Validator validator;
    private final CustomerChangeRecords changeRecords;
    private final CurrentUser currentUser;

    CrmCustomers(CustomerService customers, ContractQueries contracts, ContractDocumentService documents,
                 IntegrationProperties properties, PeerClient peers, ObjectMapper json, Validator validator,
                 CustomerChangeRecords changeRecords, CurrentUser currentUser) {
        this.changeRecords = changeRecords;
        this.currentUser = currentUser;
        this.customers = customers;
        this.contracts = contracts;
        this.documents = documents;
        this.properties = properties;
        this.peers = peers;
        this.json = json;
        this.validator = validator;
    }

    /** Whether a CRM is configured to import customers from ({@code pactum.integration.crm}). */
    public boolean enabled() {
        return properties.crm().pushes();
    }

    /**
     * Applies a change the CRM reports: contracts whose text may still change are rendered again, those whose text
     * is fixed for signing or signed keep it and have the change recorded beside them.
     *
     * @param source     {@code crm.event} or {@code crm.import}
     * @param reference  the event id, or the CRM's customer id
     * @param recordedBy {@value #CRM_RENDERER} for an event, the user who ran an import
     * @return whether the customer changed and how, the contracts rendered again, those the change is recorded on
     */
    @Transactional
    public Map<String, Object> update(CustomerUpdate update, String source, String reference, String recordedBy) {
        List<CustomerChange> changes = customers.update(update);
        Map<String, Object> effect = new LinkedHashMap<>();
        effect.put("customerChanged", !changes.isEmpty());
        effect.put("changes", changes);
        if (changes.isEmpty()) {
            effect.put("rerendered", List.of());
            effect.put("recordedOn", List.of());
            return effect;
        }
        Customer customer = customers.byCreditCode(update.creditCode()).orElseThrow();
        effect.put("rerendered", rerenderOpenContracts(customer));
        effect.put("recordedOn", changeRecords.recordOnFixedContracts(customer, changes, source, reference,
                recordedBy).stream().map(recorded -> Map.of("contractNumber", recorded.contractNumber(),
                "status", recorded.contractStatus().name())).toList());
        return effect;
    }

    /**
     * Reads a customer from the CRM and registers it, or brings an existing one with the same 统一社会信用代码 in
     * step with it. Nothing is written when the CRM does not answer or its data would not pass Pactum's checks.
     */
    @Transactional
    public Imported importById(String crmId) {
        if (crmId == null || !CRM_ID.matcher(crmId).matches()) {
            throw new InvalidRequestException(List.of(new FieldProblem("crmId",
                    "pactum.integration.crm.idInvalid")));
        }
        IntegrationProperties.Peer crm = properties.crm();
        if (!crm.pushes()) {
            throw DomainException.conflict("pactum.integration.crm.off");
        }
        String body;
        try {
            body = peers.get(PeerSystem.CRM, crm, "/customers/" + URLEncoder.encode(crmId, StandardCharsets.UTF_8))
                    .orElseThrow(() -> DomainException.notFound("pactum.integration.crm.customerUnknown", crmId));
        } catch (PeerClient.PeerCallFailed e) {
            throw DomainException.peerUnavailable("pactum.integration.crm.unavailable", e.getMessage());
        }
        NewCustomer customer = customerOf(crmId, body);
        return customers.byCreditCode(customer.creditCode())
                .map(existing -> {
                    Map<String, Object> effect = update(new CustomerUpdate(customer.creditCode(), customer.name(),
                            customer.contactName(), customer.contactEmail(), customer.contactPhone(), null),
                            "crm.import", crmId, currentUser.username());
                    Customer now = customers.byCreditCode(customer.creditCode()).orElseThrow();
                    @SuppressWarnings("unchecked")
                    List<Map<String, Object>> rerendered = (List<Map<String, Object>>) effect.get("rerendered");
                    @SuppressWarnings("unchecked")
                    List<Map<String, Object>> recordedOn = (List<Map<String, Object>>) effect.get("recordedOn");
                    return new Imported(now.getId(), now.getName(), now.getCreditCode(), false,
                            (Boolean) effect.get("customerChanged"), rerendered, recordedOn);
                })
                .orElseGet(() -> {
                    Customer created = customers.register(customer, false);
                    return new Imported(created.getId(), created.getName(), created.getCreditCode(), true, true,
                            List.of(), List.of());
                });
    }

    /** The CRM's answer as a customer Pactum would accept from a user, or a 422 naming each field at fault. */
    private NewCustomer customerOf(String crmId, String body) {
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (IOException e) {
            node = null;
        }
        if (node == null || !node.isObject()) {
            throw DomainException.unprocessable("pactum.integration.crm.answerUnreadable", crmId);
        }
        String creditCode = text(node, "creditCode");
        NewCustomer customer = new NewCustomer(text(node, "name"),
                creditCode == null ? null : creditCode.replace(" ", "").toUpperCase(Locale.ROOT),
                text(node, "contactName"), text(node, "contactEmail"), text(node, "contactPhone"), null, null, false);
        Set<ConstraintViolation<NewCustomer>> violations = validator.validate(customer);
        if (!violations.isEmpty()) {
            throw DomainException.unprocessable("pactum.integration.crm.customerInvalid", crmId,
                    String.join(", ", violations.stream().map(v -> v.getPropertyPath() + " " + v.getMessage())
                            .sorted().toList()));
        }
        return customer;
    }

    private List<Map<String, Object>> rerenderOpenContracts(Customer customer) {
        List<Map<String, Object>> rerendered = new ArrayList<>();
        for (Contract open : contracts.openOfCustomer(customer.getId())) {
            int version = documents.renderNewVersion(open.getId(), CRM_RENDERER).version();
            rerendered.add(Map.of("contractNumber", open.getNumber(), "documentVersion", version));
        }
        return rerendered;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || !value.isTextual() || value.asText().isBlank() ? null
                : value.asText().trim();
    }
}

package dev.pactum.integration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The contract summary as Salesforce records: the customer upserted as an Account by its 统一社会信用代码, then the
 * contract as an Opportunity by its number, linked to that Account through the Account's external id (no Salesforce
 * id is kept by Pactum). Which fields get which values is configuration ({@link CrmAdapterProperties.Salesforce}).
 * Upserts make every push idempotent: a retry, or a later status of the contract, updates the same two records.
 */
class SalesforceUpserts {

    private final SalesforceApi api;
    private final ObjectMapper json;
    private final Clock clock;

    SalesforceUpserts(SalesforceApi api, ObjectMapper json, Clock clock) {
        this.api = api;
        this.json = json;
        this.clock = clock;
    }

    /** @return what Salesforce holds after the push, as JSON (kept in {@code integration_run}) */
    String push(CrmSummary summary, IntegrationProperties.Peer crm, CrmAdapterProperties.Salesforce salesforce) {
        String stage = salesforce.stages().get(summary.status());
        if (stage == null || stage.isBlank()) {
            throw new PeerClient.PeerCallFailed(PeerSystem.CRM, "no Opportunity stage for status "
                    + summary.status() + ": set pactum.integration.crm.salesforce.stages." + summary.status(), true);
        }
        SalesforceApi.Upserted account = api.upsert(crm, salesforce, salesforce.accountObject(),
                salesforce.accountExternalId(), summary.customer().creditCode(), accountFields(summary, salesforce));
        SalesforceApi.Upserted opportunity = api.upsert(crm, salesforce, salesforce.opportunityObject(),
                salesforce.opportunityExternalId(), summary.contractNumber(),
                opportunityFields(summary, stage, salesforce));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("protocol", "salesforce");
        answer.put("account", record(salesforce.accountObject(), account));
        answer.put("opportunity", record(salesforce.opportunityObject(), opportunity));
        try {
            return json.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of plain values is always JSON", e);
        }
    }

    static Map<String, Object> accountFields(CrmSummary summary, CrmAdapterProperties.Salesforce salesforce) {
        CrmSummary.Customer customer = summary.customer();
        Map<String, Object> ours = new LinkedHashMap<>();
        ours.put("name", customer.name());
        ours.put("contactName", customer.contactName());
        ours.put("contactEmail", customer.contactEmail());
        ours.put("contactPhone", customer.contactPhone());
        return mapped(ours, salesforce.accountFields());
    }

    Map<String, Object> opportunityFields(CrmSummary summary, String stage,
                                          CrmAdapterProperties.Salesforce salesforce) {
        LocalDate closeDate = summary.startDate() != null ? summary.startDate() : LocalDate.now(clock);
        Map<String, Object> ours = new LinkedHashMap<>();
        ours.put("title", summary.title());
        ours.put("stage", stage);
        ours.put("closeDate", closeDate.toString());
        ours.put("amount", summary.amount());
        ours.put("account", Map.of(salesforce.accountExternalId(), summary.customer().creditCode()));
        ours.put("description", "合同 " + summary.contractNumber() + " · " + summary.status()
                + (summary.startDate() == null ? "" : " · " + summary.startDate() + " – " + summary.endDate()));
        ours.put("currency", summary.currency());
        ours.put("startDate", summary.startDate() == null ? null : summary.startDate().toString());
        ours.put("endDate", summary.endDate() == null ? null : summary.endDate().toString());
        ours.put("status", summary.status());
        ours.put("type", summary.type());
        ours.put("owner", summary.owner());
        ours.put("paymentTermDays", summary.paymentTermDays());
        return mapped(ours, salesforce.opportunityFields());
    }

    /**
     * Our values under the org's field names. A value mapped to no field is left out, and so is one Pactum does not
     * know (null): sent as null, it would clear what someone typed in Salesforce.
     */
    private static Map<String, Object> mapped(Map<String, Object> ours, Map<String, String> fields) {
        Map<String, Object> theirs = new LinkedHashMap<>();
        ours.forEach((key, value) -> {
            String field = fields.get(key);
            if (value != null && field != null && !field.isBlank()) {
                theirs.put(field, value);
            }
        });
        return theirs;
    }

    private static Map<String, Object> record(String object, SalesforceApi.Upserted upserted) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("object", object);
        record.put("id", upserted.id());
        record.put("created", upserted.created());
        return record;
    }
}

package dev.pactum.integration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The receivables schedule as Kingdee 金蝶云·星空 应收单 (form {@code AR_receivable}): one bill per payment milestone,
 * numbered {@code <contract number>-<milestone>} (FBillNo), saved, submitted and audited.
 *
 * <p>Idempotency: the bill number is ours and stable, and every push asks Kingdee first (ExecuteBillQuery) what it
 * has under that number. A bill it lacks is saved; one it holds is taken from where it stopped (created → submit and
 * audit, submitted → audit, audited → nothing). So a retry after a timeout, a crash between Save and Audit, or a later
 * status of the same contract (terminated, expired) never makes a second bill; nor does it change an audited one —
 * reversing a bill (红冲) stays finance's decision in Kingdee.
 */
class KingdeeReceivableBills {

    private static final String CREATED = "A";
    private static final String SUBMITTED = "B";
    private static final String AUDITED = "C";
    private static final String REAUDIT = "D";

    private final KingdeeWebApi api;
    private final ObjectMapper json;
    private final Clock clock;

    KingdeeReceivableBills(KingdeeWebApi api, ObjectMapper json, Clock clock) {
        this.api = api;
        this.json = json;
        this.clock = clock;
    }

    /** @return what Kingdee holds for each milestone after the push, as JSON (kept in {@code integration_run}) */
    String push(ReceivableSchedule schedule, IntegrationProperties.Peer settings,
                FinanceAdapterProperties.Kingdee kingdee) {
        List<Map<String, Object>> bills = new ArrayList<>();
        for (ReceivableSchedule.Line line : schedule.lines()) {
            bills.add(push(schedule, line, settings, kingdee));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("protocol", "kingdee");
        answer.put("formId", kingdee.formId());
        answer.put("bills", bills);
        try {
            return json.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of plain values is always JSON", e);
        }
    }

    static String billNo(String contractNumber, int sequence) {
        return contractNumber + "-" + sequence;
    }

    private Map<String, Object> push(ReceivableSchedule schedule, ReceivableSchedule.Line line,
                                     IntegrationProperties.Peer settings, FinanceAdapterProperties.Kingdee kingdee) {
        String billNo = billNo(schedule.contractNumber(), line.sequence());
        Map<String, Object> bill = new LinkedHashMap<>();
        bill.put("billNo", billNo);
        JsonNode found = find(billNo, settings, kingdee);
        String status;
        if (found == null) {
            JsonNode saved = api.call(settings, kingdee, KingdeeWebApi.SAVE, Map.of(
                    "formid", kingdee.formId(), "data", Map.of("Model", model(schedule, line, billNo, kingdee))));
            bill.put("id", saved.path("Result").path("Id").asText());
            billNo = saved.path("Result").path("Number").asText(billNo);
            bill.put("saved", true);
            status = CREATED;
        } else {
            bill.put("id", found.path(0).asText());
            bill.put("saved", false);
            status = found.path(2).asText();
        }
        if (CREATED.equals(status) || REAUDIT.equals(status)) {
            api.call(settings, kingdee, KingdeeWebApi.SUBMIT, numbers(billNo, kingdee));
            status = SUBMITTED;
        }
        if (SUBMITTED.equals(status)) {
            api.call(settings, kingdee, KingdeeWebApi.AUDIT, numbers(billNo, kingdee));
            status = AUDITED;
        }
        if (!AUDITED.equals(status)) {
            throw new PeerClient.PeerCallFailed(PeerSystem.FINANCE, "Kingdee holds " + kingdee.formId() + " "
                    + billNo + " in status " + status + " (Z: draft), which Pactum does not continue: save or delete"
                    + " it in Kingdee, then retry", true);
        }
        bill.put("status", status);
        return bill;
    }

    /** @return the bill's row {@code [id, number, status]}, or null when Kingdee has no bill of that number */
    private JsonNode find(String billNo, IntegrationProperties.Peer settings,
                          FinanceAdapterProperties.Kingdee kingdee) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("FormId", kingdee.formId());
        query.put("FieldKeys", String.join(",", kingdee.field("id"), kingdee.field("billNo"),
                kingdee.field("status")));
        query.put("FilterString", kingdee.field("billNo") + "='" + billNo.replace("'", "''") + "'");
        query.put("OrderString", "");
        query.put("TopRowCount", 0);
        query.put("StartRow", 0);
        query.put("Limit", 2);
        JsonNode rows = api.call(settings, kingdee, KingdeeWebApi.QUERY, Map.of("data", query));
        if (rows.size() > 1) {
            throw new PeerClient.PeerCallFailed(PeerSystem.FINANCE, "Kingdee holds " + rows.size() + " "
                    + kingdee.formId() + " bills numbered " + billNo + "; resolve it in Kingdee, then retry", true);
        }
        return rows.isEmpty() ? null : rows.path(0);
    }

    private Map<String, Object> model(ReceivableSchedule schedule, ReceivableSchedule.Line line, String billNo,
                                      FinanceAdapterProperties.Kingdee kingdee) {
        String currency = kingdee.currencies().get(schedule.currency());
        if (currency == null) {
            throw new PeerClient.PeerCallFailed(PeerSystem.FINANCE, "no Kingdee currency for " + schedule.currency()
                    + ": set pactum.integration.finance.kingdee.currencies." + schedule.currency(), true);
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put(kingdee.field("billNo"), billNo);
        model.put(kingdee.field("billType"), number(kingdee.billType()));
        model.put(kingdee.field("date"), LocalDate.now(clock).toString());
        if (line.dueDate() != null) {
            model.put(kingdee.field("dueDate"), line.dueDate().toString());
        }
        model.put(kingdee.field("customer"), number(schedule.creditCode()));
        model.put(kingdee.field("currency"), number(currency));
        model.put(kingdee.field("settleOrg"), number(kingdee.orgNumber()));
        model.put(kingdee.field("saleOrg"), number(kingdee.orgNumber()));
        model.put(kingdee.field("payOrg"), number(kingdee.orgNumber()));
        String remark = "合同 " + schedule.contractNumber() + " 回款计划 " + line.sequence();
        model.put(kingdee.field("remark"), line.description() == null || line.description().isBlank()
                ? remark : remark + " " + line.description());
        Map<String, Object> entry = new LinkedHashMap<>();
        if (kingdee.material() != null && !kingdee.material().isBlank()) {
            entry.put(kingdee.field("material"), number(kingdee.material()));
        }
        entry.put(kingdee.field("quantity"), 1);
        entry.put(kingdee.field("taxPrice"), line.amount());
        entry.put(kingdee.field("taxRate"), kingdee.taxRate());
        model.put(kingdee.field("lines"), List.of(entry));
        return model;
    }

    private static Map<String, Object> numbers(String billNo, FinanceAdapterProperties.Kingdee kingdee) {
        return Map.of("formid", kingdee.formId(), "data", Map.of("Numbers", List.of(billNo)));
    }

    private static Map<String, String> number(String value) {
        return Map.of("FNumber", value);
    }
}

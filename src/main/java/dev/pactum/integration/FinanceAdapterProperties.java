package dev.pactum.integration;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which protocol finance speaks (prefix {@code pactum.integration.finance}, beside {@link IntegrationProperties.Peer}'s
 * url, username and password, which every protocol uses); every setting is documented in README.
 *
 * @param protocol {@code generic} (default) or {@code kingdee}
 * @param kingdee  the Kingdee 金蝶云·星空 WebAPI settings, read only when {@code protocol} is {@code kingdee}
 */
@ConfigurationProperties(prefix = "pactum.integration.finance")
record FinanceAdapterProperties(@DefaultValue("generic") FinanceProtocol protocol, @DefaultValue Kingdee kingdee) {

    FinanceAdapterProperties {
        if (protocol == FinanceProtocol.KINGDEE && (kingdee.acctId() == null || kingdee.acctId().isBlank())) {
            throw new IllegalArgumentException("pactum.integration.finance.protocol is kingdee:"
                    + " set pactum.integration.finance.kingdee.acct-id (the data centre id)");
        }
    }

    /**
     * One company's 应收单 (receivable bill) as its Kingdee data centre wants it: the names and codes differ from
     * company to company, so all of them are settings with the defaults of a standard 星空 installation.
     *
     * @param acctId     the data centre (账套) id, {@code select FDATACENTERID from T_BAS_DATACENTER}
     * @param lcid       language of Kingdee's messages: 2052 简体中文, 1033 English
     * @param formId     the bill's form: {@code AR_receivable} (应收单)
     * @param orgNumber  FNumber of the settlement, sales and receiving organisation
     * @param billType   FNumber of the bill type ({@code YSD01_SYS}: 标准应收单)
     * @param material   FNumber of the material (or service item) each bill line names; empty: no material
     * @param taxRate    the line's tax rate in percent
     * @param currencies our ISO currency → Kingdee's currency FNumber (CNY → PRE001 unless set)
     * @param fields     our value → the bill's field key, over {@link #DEFAULT_FIELDS}
     */
    record Kingdee(String acctId, @DefaultValue("2052") int lcid, @DefaultValue("AR_receivable") String formId,
                   @DefaultValue("100") String orgNumber, @DefaultValue("YSD01_SYS") String billType,
                   String material, @DefaultValue("6") BigDecimal taxRate, Map<String, String> currencies,
                   Map<String, String> fields) {

        /** Field keys of a standard 星空 应收单 (the WebAPI's "在线验证" page lists a form's keys). */
        static final Map<String, String> DEFAULT_FIELDS = defaults();

        Kingdee {
            Map<String, String> mergedCurrencies = new LinkedHashMap<>(Map.of("CNY", "PRE001"));
            if (currencies != null) {
                mergedCurrencies.putAll(currencies);
            }
            currencies = Map.copyOf(mergedCurrencies);
            Map<String, String> mergedFields = new LinkedHashMap<>(DEFAULT_FIELDS);
            if (fields != null) {
                fields.forEach((ours, theirs) -> {
                    if (!DEFAULT_FIELDS.containsKey(ours)) {
                        throw new IllegalArgumentException("pactum.integration.finance.kingdee.fields." + ours
                                + ": unknown; known are " + DEFAULT_FIELDS.keySet());
                    }
                    mergedFields.put(ours, theirs);
                });
            }
            fields = Map.copyOf(mergedFields);
        }

        String field(String ours) {
            return fields.get(ours);
        }

        private static Map<String, String> defaults() {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("billNo", "FBillNo");
            fields.put("billType", "FBillTypeID");
            fields.put("date", "FDATE");
            fields.put("dueDate", "FENDDATE_H");
            fields.put("customer", "FCUSTOMERID");
            fields.put("currency", "FCURRENCYID");
            fields.put("settleOrg", "FSETTLEORGID");
            fields.put("saleOrg", "FSALEORGID");
            fields.put("payOrg", "FPAYORGID");
            fields.put("remark", "FAR_Remark");
            fields.put("lines", "FEntityDetail");
            fields.put("material", "FMATERIALID");
            fields.put("quantity", "FPriceQty");
            fields.put("taxPrice", "FTaxPrice");
            fields.put("taxRate", "FEntryTaxRate");
            fields.put("status", "FDocumentStatus");
            fields.put("id", "FID");
            return Map.copyOf(fields);
        }
    }
}

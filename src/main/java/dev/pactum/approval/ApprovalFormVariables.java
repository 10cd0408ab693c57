package dev.pactum.approval;

import dev.pactum.contract.Contract;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The contract summary an approver reads in the approval form, as plain process variables. */
@Component
class ApprovalFormVariables {

    private static final Map<String, String> TYPE_LABELS = Map.of(
            "SALES", "销售合同 Sales", "SERVICE", "服务合同 Service",
            "PURCHASE", "采购合同 Purchase", "NDA", "保密协议 NDA");

    public Map<String, Object> of(Contract contract, ApprovalLevelEntry level, int levelCount) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("contractTitle", markdownText(contract.getTitle()));
        variables.put("customerName", markdownText(contract.getCustomer().getName()));
        variables.put("contractTypeLabel", TYPE_LABELS.get(contract.getType().name()));
        variables.put("amountText", amountText(contract));
        variables.put("contractPeriod", contract.getStartDate() + " ~ " + contract.getEndDate());
        variables.put("paymentTermDays", contract.getPaymentTermDays());
        variables.put("documentUrl", "/api/contracts/" + contract.getId() + "/document");
        variables.put("approvalLevelLabel", "第 %d / %d 级 · %s · %s".formatted(level.getLevel(), levelCount,
                level.getMode() == ApprovalMode.ALL ? "会签 all must approve" : "或签 any one approves",
                String.join(", ", level.getGroups())));
        return variables;
    }

    /**
     * Text a user typed, safe to put into the form's Markdown: form-js renders {@code {{contractTitle}}} as
     * Markdown, so a title could otherwise be a link, an image or fake table rows. Every character Markdown or HTML
     * gives a meaning is escaped, and line breaks become spaces.
     */
    static String markdownText(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (char c : text.replaceAll("\\R", " ").toCharArray()) {
            if ("\\`*_{}[]()#+-.!|<>~&\"'=:".indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    static String amountText(Contract contract) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.CHINA);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        Currency currency = Currency.getInstance(contract.getCurrency());
        return "%s %s %s".formatted(currency.getSymbol(Locale.CHINA), format.format(contract.getAmount()),
                contract.getCurrency());
    }
}

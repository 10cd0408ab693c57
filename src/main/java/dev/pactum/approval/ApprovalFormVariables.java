package dev.pactum.approval;

import dev.pactum.contract.Contract;
import dev.pactum.contract.MoneyText;
import dev.pactum.process.FormText;
import java.util.LinkedHashMap;
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
        variables.put("contractTitle", FormText.markdown(contract.getTitle()));
        variables.put("customerName", FormText.markdown(contract.getCustomer().getName()));
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

    static String amountText(Contract contract) {
        return MoneyText.of(contract.getAmount(), contract.getCurrency());
    }
}

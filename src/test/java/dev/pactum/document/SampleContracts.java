package dev.pactum.document;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** Document models for tests: names full of characters that XHTML would choke on if left unescaped. */
final class SampleContracts {

    static final String TRICKY_CUSTOMER = "A&B <Ltd> \"华东\" 贸易'有限公司";

    private SampleContracts() {
    }

    static ContractDocumentModel sales() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("交货地点", "上海市浦东新区张江路 88 号 <3号仓库> & 码头");
        fields.put("质保期（月）", 24);
        return new ContractDocumentModel("HT-2026-000123", "2026 年度服务器采购 & 部署项目", "SALES", "销售合同",
                new BigDecimal("1000010.50"), "CNY", LocalDate.of(2026, 3, 1), LocalDate.of(2027, 2, 28), 30,
                fields, "Pactum 演示有限公司",
                new ContractDocumentModel.Counterparty(TRICKY_CUSTOMER, "91310115MA1K3YJH7X", "张 <伟>",
                        "+86 21 5555 0100", "zhang.wei@a-and-b.example"),
                null, null);
    }

    static ContractDocumentModel withoutOptionalValues() {
        return new ContractDocumentModel("HT-2026-000124", "保密合作", "NDA", "保密协议",
                BigDecimal.ZERO, "USD", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), 0,
                Map.of(), "Pactum 演示有限公司",
                new ContractDocumentModel.Counterparty("北京某某科技有限公司", "91110108MA01ABCD1X", null, null, null),
                null, null);
    }
}

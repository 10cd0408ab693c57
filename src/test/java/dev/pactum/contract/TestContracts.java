package dev.pactum.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** Makes customers and draft contracts for tests through the real services; every customer is new. */
@Component
public class TestContracts {

    private static final String CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private final CustomerService customers;
    private final ContractService contracts;

    public TestContracts(CustomerService customers, ContractService contracts) {
        this.customers = customers;
        this.contracts = contracts;
    }

    public static String newCreditCode() {
        StringBuilder base = new StringBuilder("91310000");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (base.length() < 17) {
            base.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
        }
        return CreditCodes.withCheckCharacter(base.toString());
    }

    public Customer customer(String name) {
        return customers.register(new NewCustomer(name, newCreditCode(), "测试联系人", "buyer@example.com",
                "010-0000-0000", null, "CNY", false));
    }

    /**
     * Thirty days after the engine's today: far enough ahead that a signed contract waits for its start (a fixed
     * date here once made the suite fail when the calendar passed it).
     */
    public static LocalDate startDate() {
        return today().plusDays(30);
    }

    /** The engine's today in the company's zone. */
    public static LocalDate today() {
        return ClockUtil.now().toInstant().atZone(ZoneId.of("Asia/Shanghai")).toLocalDate();
    }

    public NewContract request(Customer customer, String amount, int paymentTermDays) {
        LocalDate start = startDate();
        // Our liability capped at the amount, as in most signed contracts; an uncapped contract is a risk finding.
        return new NewContract("sales-standard", customer.getId(), "测试销售合同", ContractType.SALES,
                new BigDecimal(amount), "CNY", start, start.plusYears(1), paymentTermDays, Map.of(),
                new ContractTerms(new BigDecimal(amount), false, null, null), null, null);
    }

    public Contract draft(String owner, String amount) {
        return contracts.draft(request(customer("测试客户有限公司"), amount, 30), owner, null).contract();
    }
}

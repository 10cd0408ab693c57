package dev.pactum.demo;

import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractService;
import dev.pactum.contract.ContractType;
import dev.pactum.contract.CreditCodes;
import dev.pactum.contract.Customer;
import dev.pactum.contract.CustomerRepository;
import dev.pactum.contract.CustomerService;
import dev.pactum.contract.NewContract;
import dev.pactum.contract.NewCustomer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo customers and contracts in several states, made once through the real services and the real engine (the
 * approvals are completed as the demo approvers), so a first look shows Pactum as it works.
 */
@Component
@Order(2)
@ConditionalOnProperty(name = "pactum.demo-data.enabled", havingValue = "true")
class DemoContracts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoContracts.class);

    private final CustomerService customerService;
    private final CustomerRepository customers;
    private final ContractService contracts;
    private final TaskService tasks;
    private final TransactionTemplate transaction;

    public DemoContracts(CustomerService customerService, CustomerRepository customers, ContractService contracts,
                         TaskService tasks, TransactionTemplate transaction) {
        this.customerService = customerService;
        this.customers = customers;
        this.contracts = contracts;
        this.tasks = tasks;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (customers.count() > 0) {
            return;
        }
        transaction.executeWithoutResult(status -> load());
        log.info("Demo customers and contracts loaded");
    }

    private void load() {
        Customer huadong = customer("华东精密机械有限公司", "91310000MA1FL0001", "王建国", new BigDecimal("2000000"), false);
        Customer yunqi = customer("深圳云启科技有限公司", "91440300MA5DC0002", "李晓梅", new BigDecimal("1000000"), false);
        Customer yuanhang = customer("北京远航物流股份有限公司", "91110105MA01B0003", "张伟", new BigDecimal("500000"), true);
        Customer tianfu = customer("成都天府软件有限公司", "91510100MA6CX0004", "陈静", null, false);

        draft("sales1", huadong, "数控机床销售合同", ContractType.SALES, "sales-standard", "380000", 30);

        submit(draft("sales1", yunqi, "云平台运维服务合同", ContractType.SERVICE, "service-standard", "120000", 45));

        Contract director = submit(draft("sales2", yuanhang, "冷链运输车辆采购框架合同", ContractType.SALES,
                "sales-standard", "2600000", 60));
        decide(director, "manager1", "approve", "金额较大，请总监审批。");

        Contract active = submit(draft("sales1", tianfu, "服务器采购合同", ContractType.PURCHASE,
                "purchase-standard", "450000", 30));
        decide(active, "manager1", "approve", "同意。");

        Contract rejected = submit(draft("sales2", yunqi, "联合研发保密协议", ContractType.NDA, "nda-standard", "0", 0));
        decide(rejected, "manager1", "reject", "对方已另签保密协议，无需重复签署。");

        Contract revising = submit(draft("sales1", huadong, "自动化产线改造销售合同", ContractType.SALES,
                "sales-standard", "880000", 120));
        decide(revising, "manager1", "revise", "付款期限 120 天过长，请缩短到 60 天以内。");
    }

    private Customer customer(String name, String creditCodeBase, String contact, BigDecimal creditLimit,
                              boolean overdue) {
        String creditCode = CreditCodes.withCheckCharacter(creditCodeBase.substring(0, 17));
        return customerService.register(new NewCustomer(name, creditCode, contact,
                "contact@" + creditCodeBase.toLowerCase() + ".example", "021-5555-0100", creditLimit, "CNY", overdue));
    }

    private Contract draft(String owner, Customer customer, String title, ContractType type, String templateKey,
                           String amount, int paymentTermDays) {
        LocalDate start = LocalDate.now().withDayOfMonth(1);
        return contracts.draft(new NewContract(templateKey, customer.getId(), title, type, new BigDecimal(amount),
                "CNY", start, start.plusYears(1).minusDays(1), paymentTermDays,
                Map.of("项目经理", "周明"), null, null, null), owner, null).contract();
    }

    private Contract submit(Contract draft) {
        return contracts.submit(draft, draft.getOwner());
    }

    private void decide(Contract contract, String approver, String decision, String comment) {
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(contract.getNumber())
                .taskDefinitionKey("approveContract").singleResult();
        tasks.claim(task.getId(), approver);
        tasks.complete(task.getId(), Map.of("decision", decision, "comment", comment));
    }
}

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
import java.util.Date;
import java.util.List;
import java.util.Map;
import dev.pactum.contract.ContractTerms;
import dev.pactum.contract.MilestoneEvent;
import dev.pactum.contract.MilestonePlan;
import dev.pactum.document.ContractDocumentService;
import dev.pactum.document.DocumentKind;
import dev.pactum.obligation.NewPayment;
import dev.pactum.obligation.PaymentService;
import dev.pactum.obligation.SigningService;
import dev.pactum.config.PactumProperties;
import java.time.Clock;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
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
 * approvals are completed as the demo approvers), so a first look shows Pactum as it works. After approval: one
 * contract waits for the counterparty's signature, one is ACTIVE with a paid, an open (due), an overdue and a
 * milestone waiting for its project's acceptance, one is EXPIRING with the owner's renewal task open. Dates are set
 * relative to today, so the engine's own timers (due in the past) move them there; nothing is written to a status
 * column by hand.
 */
@Component
@Order(2)
@ConditionalOnProperty(name = "pactum.demo-data.enabled", havingValue = "true")
class DemoContracts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoContracts.class);
    /** The demo user who approves for each approval group. */
    private static final Map<String, String> APPROVERS = Map.of("sales-managers", "manager1", "finance", "finance1",
            "legal", "legal1", "directors", "director1");

    private final CustomerService customerService;
    private final CustomerRepository customers;
    private final ContractService contracts;
    private final TaskService tasks;
    private final TransactionTemplate transaction;
    private final ManagementService management;
    private final SigningService signing;
    private final PaymentService payments;
    private final ContractDocumentService documents;
    private final PactumProperties pactum;
    private final Clock clock;

    public DemoContracts(CustomerService customerService, CustomerRepository customers, ContractService contracts,
                         TaskService tasks, TransactionTemplate transaction, ManagementService management,
                         SigningService signing, PaymentService payments,
                         ContractDocumentService documents, PactumProperties pactum, Clock clock) {
        this.pactum = pactum;
        this.clock = clock;
        this.management = management;
        this.signing = signing;
        this.payments = payments;
        this.documents = documents;
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
        Customer[] afterApproval = transaction.execute(status -> load());
        afterApproval(afterApproval[0], afterApproval[1]);
        log.info("Demo customers and contracts loaded");
    }

    private Customer[] load() {
        Customer huadong = customer("华东精密机械有限公司", "91310000MA1FL0001", "王建国", new BigDecimal("2000000"), false);
        Customer yunqi = customer("深圳云启科技有限公司", "91440300MA5DC0002", "李晓梅", new BigDecimal("1000000"), false);
        Customer yuanhang = customer("北京远航物流股份有限公司", "91110105MA01B0003", "张伟", new BigDecimal("500000"), true);
        Customer tianfu = customer("成都天府软件有限公司", "91510100MA6CX0004", "陈静", null, false);

        draft("sales1", huadong, "数控机床销售合同", ContractType.SALES, "sales-standard", "380000", 30);

        submit(draft("sales1", yunqi, "云平台运维服务合同", ContractType.SERVICE, "service-standard", "120000", 45));

        Contract director = submit(draft("sales2", yuanhang, "冷链运输车辆采购框架合同", ContractType.SALES,
                "sales-standard", "2600000", 60));
        decide(director, "manager1", "approve", "金额较大，请总监审批。");

        Contract awaitingSignature = submit(draft("sales1", tianfu, "服务器采购合同", ContractType.PURCHASE,
                "purchase-standard", "450000", 30));
        approveAtEveryLevel(awaitingSignature);

        Contract rejected = submit(draft("sales2", yunqi, "联合研发保密协议", ContractType.NDA, "nda-standard", "0", 0));
        decide(rejected, "manager1", "reject", "对方已另签保密协议，无需重复签署。");

        Contract revising = submit(draft("sales1", huadong, "自动化产线改造销售合同", ContractType.SALES,
                "sales-standard", "880000", 120));
        decide(revising, "manager1", "revise", "付款期限 120 天过长，请缩短到 60 天以内。");
        return new Customer[] {tianfu, huadong};
    }

    /** The contracts after approval: ACTIVE with its milestones in every state, and EXPIRING. */
    List<Contract> afterApproval(Customer performing, Customer expiring) {
        LocalDate today = LocalDate.now(clock.withZone(pactum.zone()));
        LocalDate start = today.minusDays(60);
        Contract active = approvedAndSigned("sales1", new NewContract("service-standard", performing.getId(),
                "ERP 实施服务合同", ContractType.SERVICE, new BigDecimal("400000"), "CNY", start,
                start.plusYears(1).minusDays(1), 30, Map.of("项目经理", "周明"), null, null, List.of(
                        new MilestonePlan(start.plusDays(10), null, null, new BigDecimal("100000"), null, "首付款"),
                        new MilestonePlan(start.plusDays(40), null, null, new BigDecimal("100000"), null, "蓝图确认款"),
                        new MilestonePlan(today.plusDays(20), null, null, new BigDecimal("100000"), null, "上线款"),
                        new MilestonePlan(null, 30, MilestoneEvent.ACCEPTANCE, new BigDecimal("100000"), null,
                                "验收款")), "PRJ-DEMO-ERP"));
        asUser("finance1", List.of("finance"), () -> payments.recordReported(active.getId(),
                new NewPayment(1, new BigDecimal("100000"), start.plusDays(9), "DEMO-BANK-0001"), "finance1"));
        LocalDate end = today.plusDays(60);
        Contract renewing = approvedAndSigned("sales1", new NewContract("sales-standard", expiring.getId(),
                "年度备件供应合同", ContractType.SALES, new BigDecimal("260000"), "CNY", end.minusYears(1).plusDays(1),
                end, 30, Map.of(), new ContractTerms(null, false, 30, null, 12, null), null, List.of(), null));
        fireTimersDue(active);
        fireTimersDue(renewing);
        return List.of(active, renewing);
    }

    /**
     * Drafted, submitted and approved at every level the rules asked for (by the demo approver of each group), signed
     * by the company and counter-signed (a scanned copy).
     */
    private Contract approvedAndSigned(String owner, NewContract request) {
        Contract contract = transaction.execute(status -> submit(contracts.draft(request, owner, null).contract()));
        approveAtEveryLevel(contract);
        runPending(contract, "signAsCompany");
        asUser(owner, List.of("sales"), () -> {
            byte[] scan = documents.latest(contract.getId(), DocumentKind.RENDERED).orElseThrow().content();
            signing.acceptCounterSignature(contract.getId(), scan);
        });
        return contract;
    }

    /** Approves every level the rules asked for, each task by the demo approver of its group. */
    private void approveAtEveryLevel(Contract contract) {
        for (int level = 0; level < 10; level++) {
            List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(contract.getNumber())
                    .taskDefinitionKey("approveContract").list();
            if (open.isEmpty()) {
                break;
            }
            for (Task task : open) {
                String approver = tasks.getIdentityLinksForTask(task.getId()).stream()
                        .map(link -> APPROVERS.get(link.getGroupId())).filter(java.util.Objects::nonNull)
                        .findFirst().orElse("admin");
                transaction.executeWithoutResult(status -> {
                    tasks.claim(task.getId(), approver);
                    tasks.complete(task.getId(), Map.of("decision", "approve", "comment", "同意。"));
                });
            }
        }
    }

    /**
     * Runs the instance's job at {@code activityId}. Nothing races for it: the demo data is made by an
     * ApplicationRunner, and Camunda's starter starts the job executor only on ApplicationReadyEvent, after them.
     */
    private void runPending(Contract contract, String activityId) {
        Job job = management.createJobQuery().processInstanceId(contract.getProcessInstanceId())
                .activityId(activityId).singleResult();
        if (job != null) {
            management.executeJob(job.getId());
        }
    }

    /** Fires the contract's timers that are already due (dates in the past), as the job executor would. */
    private void fireTimersDue(Contract contract) {
        for (int round = 0; round < 10; round++) {
            List<Job> due = management.createJobQuery().processInstanceId(contract.getProcessInstanceId()).timers()
                    .duedateLowerThan(Date.from(clock.instant().plusMillis(1))).list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
    }

    private void asUser(String user, List<String> groups, Runnable action) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                groups.stream().map(SimpleGrantedAuthority::new).toList()));
        SecurityContextHolder.setContext(context);
        try {
            transaction.executeWithoutResult(status -> action.run());
        } finally {
            SecurityContextHolder.setContext(previous);
        }
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

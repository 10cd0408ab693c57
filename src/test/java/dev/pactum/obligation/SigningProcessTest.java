package dev.pactum.obligation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import dev.pactum.ApiClient;
import dev.pactum.PactumTest;
import dev.pactum.approval.ContractProcessDriver;
import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractRepository;
import dev.pactum.contract.ContractStatus;
import dev.pactum.document.ContractDocumentService;
import dev.pactum.document.DocumentKind;
import dev.pactum.document.DocumentVersionInfo;
import dev.pactum.notification.InAppNotification;
import dev.pactum.notification.InAppNotificationRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Signing after approval, on the real engine: the company's PAdES signature, the counterparty's, start and end. */
@PactumTest
class SigningProcessTest {

    @Autowired ProcessEngine engine;
    @Autowired ManagementService management;
    @Autowired AfterApprovalContracts afterApproval;
    @Autowired SigningDriver signing;
    @Autowired ContractProcessDriver driver;
    @Autowired ContractRepository contracts;
    @Autowired ContractDocumentService documents;
    @Autowired InAppNotificationRepository notifications;

    @BeforeEach
    void useEngine() {
        AbstractAssertions.init(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theCompanySignsThenTheCounterpartyAndTheContractComesIntoForceOnItsStartDateAndExpiresAfterItsEnd()
            throws Exception {
        ProcessInstance instance = afterApproval.approved("200000", List.of());
        assertThat(instance).isWaitingAt("signAsCompany");
        assertThat(driver.contract(instance).getStatus()).isEqualTo(ContractStatus.SIGNING);

        signing.companySigns(instance);
        assertThat(instance).isWaitingAt("awaitCounterSignature");
        Contract contract = driver.contract(instance);
        byte[] companySigned = documents.latest(contract.getId()).orElseThrow().content();
        ApiClient.Response verified = signing.verify("sales1", companySigned);
        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.body().at("/valid").asBoolean()).isTrue();
        assertThat(verified.body().at("/signatures/0/signer").asText()).isEqualTo("Pactum 演示有限公司");
        assertThat(verified.body().at("/signatures/0/company").asBoolean()).isTrue();
        assertThat(verified.body().at("/signatures/0/subFilter").asText()).isEqualTo("ETSI.CAdES.detached");
        assertThat(Instant.parse(verified.body().at("/signatures/0/signedAt").asText()))
                .isBetween(Instant.now().minus(Duration.ofMinutes(5)), Instant.now());

        ApiClient.Response uploaded = signing.upload("sales1", contract.getId(), signing.counterSigned(contract));
        assertThat(uploaded.status()).isEqualTo(201);
        assertThat(driver.contract(instance).getStatus()).isEqualTo(ContractStatus.SIGNED);
        assertThat(instance).isWaitingAt("awaitStartDate");
        assertThat(documents.versions(contract.getId())).extracting(DocumentVersionInfo::kind)
                .containsExactly(DocumentKind.RENDERED, DocumentKind.COMPANY_SIGNED, DocumentKind.COUNTER_SIGNED);
        byte[] signedByBoth = documents.latest(contract.getId()).orElseThrow().content();
        // Kept for a look with other readers (poppler's pdfsig, Acrobat): target/signed-samples/.
        Path samples = Files.createDirectories(Path.of("target", "signed-samples"));
        Files.write(samples.resolve("company-signed.pdf"), companySigned);
        Files.write(samples.resolve("signed-by-both.pdf"), signedByBoth);
        ApiClient.Response both = signing.verify("sales1", signedByBoth);
        assertThat(both.body().at("/valid").asBoolean()).isTrue();
        assertThat(both.body().at("/signatures/1/signer").asText()).isEqualTo("上海测试客户有限公司");
        assertThat(both.body().at("/signatures/1/company").asBoolean()).isFalse();
        assertThat(both.body().at("/signatures/0/coversWholeDocument").asBoolean()).isFalse();

        signing.startDateComes(instance, contract);
        assertThat(driver.contract(instance).getStatus()).isEqualTo(ContractStatus.ACTIVE);
        assertThat(instance).isWaitingAt("awaitRenewalWindow")
                .hasPassed("activateContract", "paymentMilestones#multiInstanceBody", "planRenewal");

        // Nobody decides on renewal: the window opens, the notice deadline passes, the term ends.
        ClockUtil.setCurrentTime(Date.from(contract.getEndDate().plusDays(1).atStartOfDay(
                java.time.ZoneId.of("Asia/Shanghai")).toInstant()));
        signing.execute(instance, "awaitRenewalWindow");
        signing.execute(instance, "noticeDeadlinePassed");
        signing.execute(instance, "awaitTermEnd");
        assertThat(driver.contract(instance).getStatus()).isEqualTo(ContractStatus.EXPIRED);
        assertThat(instance).isEnded().hasPassed("expireContract", "contractEnded");
    }

    @Test
    void aPdfChangedAfterSigningFailsVerificationAndIsRefusedAsTheCounterSignedCopy() throws Exception {
        ProcessInstance instance = afterApproval.approved("150000", List.of());
        signing.companySigns(instance);
        Contract contract = driver.contract(instance);
        byte[] counterSigned = signing.counterSigned(contract);

        // One byte inside the signed ranges (the header's binary comment) changed: the digest no longer matches.
        byte[] altered = Arrays.copyOf(counterSigned, counterSigned.length);
        altered[11] ^= 0x01;
        ApiClient.Response tampered = signing.verify("sales1", altered);
        assertThat(tampered.status()).isEqualTo(200);
        assertThat(tampered.body().at("/valid").asBoolean()).isFalse();
        assertThat(tampered.body().at("/signatures/0/intact").asBoolean()).isFalse();
        assertThat(tampered.body().at("/signatures/1/intact").asBoolean()).isFalse();

        // Bytes added after the last signature: each signature is intact, but the last no longer covers the file.
        byte[] appended = Arrays.copyOf(counterSigned, counterSigned.length + 12);
        System.arraycopy("\n%appended\n".getBytes(), 0, appended, counterSigned.length, 11);
        ApiClient.Response extended = signing.verify("sales1", appended);
        assertThat(extended.body().at("/valid").asBoolean()).isFalse();
        assertThat(extended.body().at("/signatures/1/intact").asBoolean()).isTrue();
        assertThat(extended.body().at("/signatures/1/coversWholeDocument").asBoolean()).isFalse();

        ApiClient.Response refused = signing.upload("sales1", contract.getId(), altered);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().at("/detail").asText()).contains("not valid");
        assertThat(signing.upload("sales1", contract.getId(), "not a pdf".getBytes()).status()).isEqualTo(422);
        // Only the owner uploads; another salesperson does not even see the contract.
        assertThat(signing.upload("manager1", contract.getId(), counterSigned).status()).isEqualTo(403);
        assertThat(signing.upload("sales2", contract.getId(), counterSigned).status()).isEqualTo(404);

        assertThat(driver.contract(instance).getStatus()).isEqualTo(ContractStatus.SIGNING);
        assertThat(instance).isWaitingAt("awaitCounterSignature");
        assertThat(signing.verify("sales1", "%PDF-1.4 garbage".getBytes()).status()).isEqualTo(422);
    }

    @Test
    void aSignatureNotBackInThreeDaysRemindsTheOwnerAndInSevenMoreTellsTheManagers() {
        ProcessInstance instance = afterApproval.approved("120000", List.of());
        signing.companySigns(instance);
        Contract contract = driver.contract(instance);

        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(3)).plusSeconds(60)));
        signing.execute(instance, "signatureReminderDue");
        assertThat(kinds(contract, "sales1")).containsExactly("signature-reminder");

        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(10)).plusSeconds(60)));
        signing.execute(instance, "signatureOverdue");
        assertThat(kinds(contract, "sales1")).containsExactly("signature-reminder", "signature-escalated");
        assertThat(kinds(contract, "manager1")).containsExactly("signature-escalated");
        assertThat(instance).isWaitingAt("awaitCounterSignature");
        assertThat(management.createJobQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    private List<String> kinds(Contract contract, String recipient) {
        return notifications.findByContractIdOrderByIdAsc(contract.getId()).stream()
                .filter(n -> n.getRecipient().equals(recipient)).map(InAppNotification::getKind).toList();
    }
}

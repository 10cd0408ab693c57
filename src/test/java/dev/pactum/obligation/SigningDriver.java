package dev.pactum.obligation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pactum.ApiClient;
import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractRepository;
import dev.pactum.document.ContractDocumentService;
import dev.pactum.document.DocumentKind;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.bouncycastle.operator.OperatorCreationException;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * What tests after approval do again and again: let the company sign (the job the process waits at), sign the result
 * as a counterparty would (its own self-signed certificate, an incremental PAdES signature) and upload it over HTTP
 * as the owner, and bring a signed contract into force on its start date.
 */
@Component
public class SigningDriver {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final char[] PASSWORD = "counterparty".toCharArray();

    private final ManagementService management;
    private final ContractDocumentService documents;
    private final ContractRepository contracts;
    private final ApiClient api;
    private final ObjectMapper json;
    private final PrivateKey counterpartyKey;
    private final List<X509Certificate> counterpartyChain;

    SigningDriver(ManagementService management, ContractDocumentService documents, ContractRepository contracts,
                  ApiClient api, ObjectMapper json) throws GeneralSecurityException, OperatorCreationException {
        this.management = management;
        this.documents = documents;
        this.contracts = contracts;
        this.api = api;
        this.json = json;
        KeyStore counterparty = CompanyCertificate.selfSigned("上海测试客户有限公司", "customer", PASSWORD);
        this.counterpartyKey = (PrivateKey) counterparty.getKey("customer", PASSWORD);
        this.counterpartyChain = List.of((X509Certificate) counterparty.getCertificate("customer"));
    }

    /** Runs the job "Company signs" the instance waits at. */
    public void companySigns(ProcessInstance instance) {
        execute(instance, "signAsCompany");
    }

    /** The company-signed PDF, signed on top by the counterparty. */
    public byte[] counterSigned(Contract contract) {
        byte[] companySigned = documents.latest(contract.getId(), DocumentKind.COMPANY_SIGNED).orElseThrow().content();
        return PadesSigner.sign(companySigned, counterpartyKey, counterpartyChain, Instant.now(), ZONE,
                "上海测试客户有限公司", "同意签署");
    }

    /** Any PDF, signed by the counterparty's certificate (as a provider that seals what it rendered would). */
    public byte[] signedByCounterparty(byte[] pdf) {
        return PadesSigner.sign(pdf, counterpartyKey, counterpartyChain, Instant.now(), ZONE, "上海测试客户有限公司",
                "同意签署");
    }

    /** Uploads a PDF as the contract's counter-signed copy; the answer as JSON. */
    public ApiClient.Response upload(String user, long contractId, byte[] pdf) throws IOException,
            InterruptedException {
        return send(user, "/api/contracts/" + contractId + "/counter-signature", pdf);
    }

    /** Posts a PDF to {@code POST /api/documents/verify}. */
    public ApiClient.Response verify(String user, byte[] pdf) throws IOException, InterruptedException {
        return send(user, "/api/documents/verify", pdf);
    }

    /** Company signs, the counterparty signs back, the owner uploads it: the contract is SIGNED. */
    public Contract signByBoth(ProcessInstance instance) throws IOException, InterruptedException {
        companySigns(instance);
        Contract contract = contracts.findByProcessInstanceId(instance.getId()).orElseThrow();
        ApiClient.Response uploaded = upload(contract.getOwner(), contract.getId(), counterSigned(contract));
        assertThat(uploaded.status()).as("upload: %s", uploaded.body()).isEqualTo(201);
        return contracts.findById(contract.getId()).orElseThrow();
    }

    /**
     * Moves the engine's clock to the contract's start date and fires the timer waiting for it: the contract becomes
     * ACTIVE. The caller resets the clock ({@link ClockUtil#reset()}) after the test.
     */
    public void startDateComes(ProcessInstance instance, Contract contract) {
        ClockUtil.setCurrentTime(Date.from(contract.getStartDate().atStartOfDay(ZONE).toInstant()));
        execute(instance, "awaitStartDate");
    }

    /** Executes the one job of the instance at the activity (a timer or an asynchronous continuation). */
    public void execute(ProcessInstance instance, String activityId) {
        Job job = management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId)
                .singleResult();
        assertThat(job).as("a job at %s", activityId).isNotNull();
        management.executeJob(job.getId());
    }

    private ApiClient.Response send(String user, String path, byte[] pdf) throws IOException, InterruptedException {
        HttpRequest.Builder request = api.request(user, "POST", path, null, "en")
                .POST(HttpRequest.BodyPublishers.ofByteArray(pdf)).header("Content-Type", "application/pdf");
        HttpResponse<String> response = api.send(request, HttpResponse.BodyHandlers.ofString());
        return new ApiClient.Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body().isEmpty() ? null : json.readTree(response.body()));
    }
}

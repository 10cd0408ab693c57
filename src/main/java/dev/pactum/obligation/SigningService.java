package dev.pactum.obligation;

import dev.pactum.config.PactumProperties;
import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractLifecycleService;
import dev.pactum.contract.ContractQueries;
import dev.pactum.contract.ContractStatus;
import dev.pactum.contract.Customer;
import dev.pactum.document.ContractDocumentService;
import dev.pactum.document.DocumentKind;
import dev.pactum.document.DocumentVersionInfo;
import dev.pactum.document.StoredDocument;
import dev.pactum.process.ContractProcess.Message;
import dev.pactum.security.CurrentUser;
import dev.pactum.web.DomainException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signing an approved contract: the company signs its latest rendered PDF (PAdES), the counterparty's signed PDF
 * comes back as an upload, the owner is reminded and the managers told when it does not. Every step acts on the
 * contract bound to the process instance and checks its status in the database.
 */
@Service
@Transactional
public class SigningService {

    static final String ADMINS = "camunda-admin";

    private final ContractQueries contracts;
    private final ContractLifecycleService lifecycle;
    private final ContractDocumentService documents;
    private final SigningRecordRepository records;
    private final CompanyCertificate certificate;
    private final SignatureVerifier verifier;
    private final ObligationNotifications notifications;
    private final RuntimeService runtime;
    private final CurrentUser currentUser;
    private final PactumProperties pactum;
    private final SigningProperties signing;
    private final CounterSignatureRoute route;
    private final Clock clock;

    SigningService(ContractQueries contracts, ContractLifecycleService lifecycle, ContractDocumentService documents,
                   SigningRecordRepository records, CompanyCertificate certificate, SignatureVerifier verifier,
                   ObligationNotifications notifications, RuntimeService runtime, CurrentUser currentUser,
                   PactumProperties pactum, SigningProperties signing, CounterSignatureRoute route, Clock clock) {
        this.contracts = contracts;
        this.lifecycle = lifecycle;
        this.documents = documents;
        this.records = records;
        this.certificate = certificate;
        this.verifier = verifier;
        this.notifications = notifications;
        this.runtime = runtime;
        this.currentUser = currentUser;
        this.pactum = pactum;
        this.signing = signing;
        this.route = route;
        this.clock = clock;
    }

    /**
     * The company signs the contract's latest rendered document; the signed PDF becomes the next version. Run again
     * (a retried job) it keeps the first signature.
     *
     * @return when the owner is to be reminded and the managers told if the counterparty has not signed by then
     */
    public SignatureDeadlines signAsCompany(String processInstanceId) {
        Contract contract = contracts.ofProcess(processInstanceId);
        requireStatus(contract, ContractStatus.SIGNING);
        SigningRecord record = records.findById(contract.getId()).orElseGet(() -> {
            StoredDocument rendered = documents.latest(contract.getId(), DocumentKind.RENDERED)
                    .orElseThrow(() -> DomainException.conflict("pactum.contract.noDocument", contract.getNumber()));
            Instant now = clock.instant();
            byte[] signed = PadesSigner.sign(rendered.content(), certificate.privateKey(), certificate.chain(), now,
                    pactum.zone(), pactum.companyName(), "合同签署 Contract " + contract.getNumber());
            DocumentVersionInfo version = documents.storeSignedVersion(contract.getId(), DocumentKind.COMPANY_SIGNED,
                    signed, contract.getOwner());
            return records.save(new SigningRecord(contract.getId(), version.version(), version.sha256(), now,
                    route.provider()));
        });
        return deadlines(record);
    }

    /** The provider the contract went out through when the company signed it ({@code NONE}: upload only). */
    @Transactional(readOnly = true)
    public SigningProvider providerOf(String processInstanceId) {
        Contract contract = contracts.ofProcess(processInstanceId);
        return records.findById(contract.getId()).map(SigningRecord::getProvider).orElse(SigningProvider.NONE);
    }

    /**
     * What goes to the e-signature provider for the contract bound to the instance: the company-signed PDF and the
     * counterparty as the customer record names it. Empty when there is nothing to send: the contract is no longer
     * SIGNING, its counterparty signed already, or it goes out through no provider.
     */
    @Transactional(readOnly = true)
    public Optional<CounterSignatureRequest> counterSignatureRequest(String processInstanceId) {
        Contract contract = contracts.ofProcess(processInstanceId);
        if (contract.getStatus() != ContractStatus.SIGNING) {
            return Optional.empty();
        }
        return records.findById(contract.getId())
                .filter(record -> !record.isCounterSigned() && record.getProvider() != SigningProvider.NONE)
                .map(record -> {
                    StoredDocument signed = documents.latest(contract.getId(), DocumentKind.COMPANY_SIGNED)
                            .orElseThrow();
                    Customer customer = contract.getCustomer();
                    return new CounterSignatureRequest(contract.getId(), contract.getNumber(), contract.getTitle(),
                            record.getProvider(), record.getCompanySignedVersion(), signed.content(),
                            customer.getName(), customer.getCreditCode(), customer.getContactName(),
                            customer.getContactPhone(), customer.getContactEmail());
                });
    }

    /**
     * The counterparty's signed PDF as the provider returned it: every signature intact, the last covering the whole
     * file, one of them not the company's. From a provider that signs on top of the company-signed PDF it must build
     * on that version, exactly as an upload; a provider that renders the document anew and seals it itself
     * (DocuSign) is trusted for the content because the file came from its authenticated API for the flow Pactum
     * opened with that version. Then it is stored and the lifecycle moves on exactly as after an upload. Nothing
     * happens when the contract is no longer waiting for it (the owner uploaded a copy meanwhile, or cancelled).
     *
     * @param buildsOnCompanySigned the provider keeps the company's signature (signs by incremental update)
     * @return the stored version; empty when the contract no longer waited for the signature
     */
    public Optional<DocumentVersionInfo> acceptProviderCounterSignature(long contractId, byte[] pdf,
                                                                        SigningProvider provider,
                                                                        boolean buildsOnCompanySigned) {
        Contract contract = contracts.get(contractId);
        Optional<SigningRecord> record = records.findById(contractId);
        if (contract.getStatus() != ContractStatus.SIGNING || record.isEmpty() || record.get().isCounterSigned()) {
            return Optional.empty();
        }
        SignatureReport report = report(pdf);
        if (report.signatures().stream().noneMatch(signature -> !signature.company())) {
            throw DomainException.unprocessable("pactum.esign.notSignedByCounterparty", contract.getNumber());
        }
        if (!buildsOnCompanySigned) {
            if (!report.valid()) {
                throw DomainException.unprocessable("pactum.signing.brokenSignature");
            }
            return Optional.of(store(contract, record.get(), pdf, true, provider.id()));
        }
        return Optional.of(accept(contract, record.get(), pdf, report, provider.id()));
    }

    /** The provider's flow ended unsigned (refused, expired, revoked): the owner hears of it and may upload instead. */
    public void providerFlowEnded(long contractId, SigningProvider provider, String outcome, String description) {
        Contract contract = contracts.get(contractId);
        if (contract.getStatus() == ContractStatus.SIGNING) {
            notifications.signatureDeclined(contract, provider.id(), outcome, description);
        }
    }

    private SignatureDeadlines deadlines(SigningRecord record) {
        Instant reminder = record.getCompanySignedAt().plus(signing.reminderAfter());
        return new SignatureDeadlines(reminder, reminder.plus(signing.escalateAfter()));
    }

    /**
     * When the owner's managers are told that the counterparty has not signed: the owner's deadline for the
     * counter-signature. Empty before the company signed and once the counterparty signed.
     */
    @Transactional(readOnly = true)
    public Optional<Instant> counterSignatureDueAt(long contractId) {
        return records.findById(contractId).filter(record -> record.getCounterSignedAt() == null)
                .map(record -> deadlines(record).escalateAt());
    }

    /**
     * The counterparty's signed PDF, uploaded by the contract's owner (or an admin). A PDF with digital signatures
     * must carry every one intact, the last covering the whole file, on top of the version the company signed; a
     * scan of a hand-sealed copy carries none and is kept as it is. Either way it becomes the next document version
     * and the lifecycle moves on to SIGNED.
     */
    public DocumentVersionInfo acceptCounterSignature(long contractId, byte[] pdf) {
        Contract contract = contracts.visible(contractId);
        String user = currentUser.username();
        if (!contract.isOwnedBy(user) && !currentUser.isMemberOf(ADMINS)) {
            throw DomainException.forbidden("pactum.signing.ownerOnly", contract.getNumber());
        }
        requireStatus(contract, ContractStatus.SIGNING);
        SigningRecord record = records.findById(contract.getId())
                .orElseThrow(() -> DomainException.conflict("pactum.signing.notSignedByCompany", contract.getNumber()));
        return accept(contract, record, pdf, report(pdf), user);
    }

    /**
     * A PDF with digital signatures must carry every one intact, the last covering the whole file, on top of the
     * version the company signed; one without any (a scan) is kept as it is. Stored as the next version, then the
     * lifecycle is told.
     */
    private DocumentVersionInfo accept(Contract contract, SigningRecord record, byte[] pdf, SignatureReport report,
                                       String by) {
        boolean digital = report.signatures().stream().anyMatch(signature -> !signature.company());
        if (!report.signatures().isEmpty()) {
            if (!report.valid()) {
                throw DomainException.unprocessable("pactum.signing.brokenSignature");
            }
            byte[] companySigned = documents.latest(contract.getId(), DocumentKind.COMPANY_SIGNED).orElseThrow()
                    .content();
            boolean buildsOnOurs = pdf.length > companySigned.length
                    && Arrays.equals(pdf, 0, companySigned.length, companySigned, 0, companySigned.length);
            if (!buildsOnOurs || !digital) {
                throw DomainException.unprocessable("pactum.signing.notTheSignedVersion", contract.getNumber(),
                        record.getCompanySignedVersion());
            }
        }
        return store(contract, record, pdf, digital, by);
    }

    private DocumentVersionInfo store(Contract contract, SigningRecord record, byte[] pdf, boolean digital,
                                      String by) {
        DocumentVersionInfo version = documents.storeSignedVersion(contract.getId(), DocumentKind.COUNTER_SIGNED, pdf,
                by);
        record.counterSigned(version.version(), version.sha256(), clock.instant(), by, digital);
        try {
            runtime.createMessageCorrelation(Message.COUNTER_SIGNATURE_RECEIVED)
                    .processInstanceId(contract.getProcessInstanceId()).correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            throw DomainException.conflict("pactum.signing.notWaiting", contract.getNumber());
        }
        return version;
    }

    /** Both sides signed: only once the counterparty's signed version is recorded. */
    public Contract recordSigned(String processInstanceId) {
        Contract contract = contracts.ofProcess(processInstanceId);
        boolean counterSigned = records.findById(contract.getId()).map(SigningRecord::isCounterSigned)
                .orElse(false);
        if (!counterSigned) {
            throw DomainException.conflict("pactum.signing.notCounterSigned", contract.getNumber());
        }
        return lifecycle.markSigned(processInstanceId);
    }

    /** The counterparty has not signed within the reminder time: the owner hears of it. */
    public void remind(String processInstanceId) {
        Contract contract = contracts.ofProcess(processInstanceId);
        if (contract.getStatus() != ContractStatus.SIGNING) {
            return;
        }
        SigningRecord record = records.findById(contract.getId()).orElseThrow();
        record.reminded(clock.instant());
        notifications.signatureReminder(contract, record.getCompanySignedAt());
    }

    /** Still not signed: the owner's managers hear of it too. */
    public void escalate(String processInstanceId) {
        Contract contract = contracts.ofProcess(processInstanceId);
        if (contract.getStatus() != ContractStatus.SIGNING) {
            return;
        }
        SigningRecord record = records.findById(contract.getId()).orElseThrow();
        record.escalated(clock.instant());
        notifications.signatureEscalated(contract, record.getCompanySignedAt());
    }

    /** Checks the signatures of any PDF (who signed, when, whether a byte changed since). */
    @Transactional(readOnly = true)
    public SignatureReport verify(byte[] pdf) {
        return report(pdf);
    }

    /** The contract's signing as its readers see it; empty before it was sent for signature. */
    @Transactional(readOnly = true)
    public Optional<SigningView> view(long contractId) {
        return records.findById(contractId).map(record -> new SigningView(record.getCompanySignedVersion(),
                record.getCompanySignedAt(), record.getProvider().id(), record.getCounterSignedVersion(),
                record.getCounterSignedAt(), record.getCounterSignedBy(), record.getCounterSignatureDigital(),
                record.getRemindedAt(), record.getEscalatedAt()));
    }

    private SignatureReport report(byte[] pdf) {
        try {
            return verifier.verify(pdf);
        } catch (SignatureVerifier.NotAPdfException e) {
            throw DomainException.unprocessable("pactum.signing.notAPdf");
        }
    }

    private static void requireStatus(Contract contract, ContractStatus status) {
        if (contract.getStatus() != status) {
            throw DomainException.conflict("pactum.contract.illegalTransition", contract.getNumber(),
                    contract.getStatus(), status);
        }
    }

    /**
     * The company-signed PDF and the counterparty who is to sign it, for an e-signature provider.
     *
     * @param companySignedVersion the document version sent (the provider's signed copy must build on it)
     */
    public record CounterSignatureRequest(long contractId, String number, String title, SigningProvider provider,
                                          int companySignedVersion, byte[] pdf, String customerName,
                                          String creditCode, String signerName, String signerPhone,
                                          String signerEmail) {
    }

    /** When the owner is reminded, and when the managers are told, that the counterparty has not signed. */
    public record SignatureDeadlines(Instant remindAt, Instant escalateAt) {
    }

    /**
     * @param provider                where the counterparty's signature is collected: {@code none} (upload),
     *                                {@code esign}, {@code docusign}
     * @param counterSignedBy         who uploaded it, or the provider it came from
     * @param counterSignatureDigital the counterparty's PDF carried a verified digital signature (false: a scan)
     */
    public record SigningView(int companySignedVersion, Instant companySignedAt, String provider,
                              Integer counterSignedVersion,
                              Instant counterSignedAt, String counterSignedBy, Boolean counterSignatureDigital,
                              Instant remindedAt, Instant escalatedAt) {
    }
}

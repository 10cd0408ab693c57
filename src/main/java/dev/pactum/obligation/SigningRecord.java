package dev.pactum.obligation;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A contract out for signature: the company's signed version, then the counterparty's. */
@Entity
@Table(name = "contract_signing")
class SigningRecord {

    @Id
    private Long contractId;
    private int companySignedVersion;
    private String companySignedSha256;
    private Instant companySignedAt;
    private Integer counterSignedVersion;
    private String counterSignedSha256;
    private Instant counterSignedAt;
    private String counterSignedBy;
    private Boolean counterSignatureDigital;
    private Instant remindedAt;
    private Instant escalatedAt;
    private String provider;

    protected SigningRecord() {
    }

    SigningRecord(long contractId, int companySignedVersion, String companySignedSha256, Instant companySignedAt,
                  SigningProvider provider) {
        this.contractId = contractId;
        this.provider = provider.id();
        this.companySignedVersion = companySignedVersion;
        this.companySignedSha256 = companySignedSha256;
        this.companySignedAt = companySignedAt;
    }

    void counterSigned(int version, String sha256, Instant at, String by, boolean digital) {
        counterSignedVersion = version;
        counterSignedSha256 = sha256;
        counterSignedAt = at;
        counterSignedBy = by;
        counterSignatureDigital = digital;
    }

    boolean isCounterSigned() {
        return counterSignedVersion != null;
    }

    void reminded(Instant at) {
        remindedAt = at;
    }

    void escalated(Instant at) {
        escalatedAt = at;
    }

    Long getContractId() { return contractId; }
    int getCompanySignedVersion() { return companySignedVersion; }
    String getCompanySignedSha256() { return companySignedSha256; }
    Instant getCompanySignedAt() { return companySignedAt; }
    Integer getCounterSignedVersion() { return counterSignedVersion; }
    String getCounterSignedSha256() { return counterSignedSha256; }
    Instant getCounterSignedAt() { return counterSignedAt; }
    String getCounterSignedBy() { return counterSignedBy; }
    Boolean getCounterSignatureDigital() { return counterSignatureDigital; }
    Instant getRemindedAt() { return remindedAt; }
    Instant getEscalatedAt() { return escalatedAt; }
    SigningProvider getProvider() {
        return provider == null || provider.equals(SigningProvider.NONE.id()) ? SigningProvider.NONE
                : SigningProvider.byId(provider).orElseThrow();
    }
}

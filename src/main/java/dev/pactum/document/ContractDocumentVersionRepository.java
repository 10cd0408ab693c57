package dev.pactum.document;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Append and read only: there is deliberately no save-all, delete or update. */
interface ContractDocumentVersionRepository extends Repository<ContractDocumentVersion, Long> {

    ContractDocumentVersion save(ContractDocumentVersion version);

    @Query("""
            select new dev.pactum.document.DocumentVersionInfo(v.version, v.kind, v.sha256, v.sizeBytes,
                v.createdAt, v.createdBy)
            from ContractDocumentVersion v where v.contractId = :contractId order by v.version""")
    List<DocumentVersionInfo> findInfos(long contractId);

    Optional<ContractDocumentVersion> findFirstByContractIdOrderByVersionDesc(long contractId);

    Optional<ContractDocumentVersion> findFirstByContractIdAndKindOrderByVersionDesc(long contractId,
                                                                                    DocumentKind kind);

    @Query("select coalesce(max(v.version), 0) from ContractDocumentVersion v where v.contractId = :contractId")
    int findLatestVersionNumber(long contractId);

    /** The latest version's number and template, without loading (and so decrypting) its bytes. */
    @Query("""
            select new dev.pactum.document.ContractDocumentVersionRepository$Latest(v.version, v.templateKey)
            from ContractDocumentVersion v where v.contractId = :contractId order by v.version desc limit 1""")
    Optional<Latest> findLatest(long contractId);

    record Latest(int version, String templateKey) {
    }

    /**
     * Takes the contract's row lock until the transaction ends, so two renders of one contract number their
     * versions one after the other instead of both claiming max+1.
     */
    @Query(value = "select id from contract where id = :contractId for update", nativeQuery = true)
    Optional<Long> lockContract(long contractId);
}

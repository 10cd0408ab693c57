package dev.pactum.obligation;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface RenewalRecordRepository extends JpaRepository<RenewalRecord, Long> {

    List<RenewalRecord> findByContractIdOrderByIdAsc(long contractId);

    /** The decision about the term ending on {@code termEndDate}, if one was made. */
    Optional<RenewalRecord> findFirstByContractIdAndTermEndDateOrderByIdDesc(long contractId, LocalDate termEndDate);

    Optional<RenewalRecord> findFirstByContractIdAndKindOrderByIdDesc(long contractId, RenewalKind kind);
}

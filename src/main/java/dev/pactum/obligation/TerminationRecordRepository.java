package dev.pactum.obligation;

import org.springframework.data.jpa.repository.JpaRepository;

interface TerminationRecordRepository extends JpaRepository<TerminationRecord, Long> {
}

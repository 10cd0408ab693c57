package dev.pactum.obligation;

import org.springframework.data.jpa.repository.JpaRepository;

interface SigningRecordRepository extends JpaRepository<SigningRecord, Long> {
}

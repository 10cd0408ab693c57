package dev.pactum.approval;

import org.springframework.data.jpa.repository.JpaRepository;

interface OutOfOfficeRepository extends JpaRepository<OutOfOffice, String> {
}

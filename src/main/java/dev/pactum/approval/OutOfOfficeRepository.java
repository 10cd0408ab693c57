package dev.pactum.approval;

import org.springframework.data.jpa.repository.JpaRepository;

public interface OutOfOfficeRepository extends JpaRepository<OutOfOffice, String> {
}

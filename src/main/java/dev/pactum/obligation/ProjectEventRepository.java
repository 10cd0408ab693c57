package dev.pactum.obligation;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ProjectEventRepository extends JpaRepository<ProjectEvent, Long> {

    /** A contract's project events, the earliest reported first (the first report of an event is the one that counts). */
    List<ProjectEvent> findByContractIdOrderByIdAsc(long contractId);
}

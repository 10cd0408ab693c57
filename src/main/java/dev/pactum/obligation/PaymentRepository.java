package dev.pactum.obligation;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface PaymentRepository extends JpaRepository<Payment, Long> {

    List<Payment> findByContractIdOrderByPaidOnAscIdAsc(long contractId);
}

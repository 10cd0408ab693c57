package dev.pactum.obligation;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CalendarTokenRepository extends JpaRepository<CalendarToken, Long> {

    Optional<CalendarToken> findByUserIdAndRevokedAtIsNull(String userId);

    Optional<CalendarToken> findByTokenSha256AndRevokedAtIsNull(String tokenSha256);
}

package dev.pactum.approval;

import dev.pactum.notification.UserDirectory;
import dev.pactum.web.FieldProblem;
import dev.pactum.web.InvalidRequestException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Out-of-office periods and the deputies who take over the absent users' approval tasks. */
@Service
@Transactional
public class Deputies {

    private final OutOfOfficeRepository absences;
    private final UserDirectory users;
    private final Clock clock;

    Deputies(OutOfOfficeRepository absences, UserDirectory users, Clock clock) {
        this.absences = absences;
        this.users = users;
        this.clock = clock;
    }

    /** Sets (or replaces) the user's out-of-office period. */
    public OutOfOffice setAway(String userId, String deputy, LocalDate from, LocalDate to) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!users.exists(deputy)) {
            problems.add(new FieldProblem("deputy", "pactum.validation.userUnknown", deputy));
        } else if (deputy.equals(userId)) {
            problems.add(new FieldProblem("deputy", "pactum.validation.deputySelf"));
        }
        if (to.isBefore(from)) {
            problems.add(new FieldProblem("to", "pactum.validation.endDateBeforeStart"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        OutOfOffice absence = absences.findById(userId).orElse(null);
        if (absence == null) {
            return absences.save(new OutOfOffice(userId, deputy, from, to));
        }
        absence.change(deputy, from, to);
        return absence;
    }

    public void back(String userId) {
        absences.findById(userId).ifPresent(absences::delete);
    }

    @Transactional(readOnly = true)
    public Optional<OutOfOffice> absence(String userId) {
        return absences.findById(userId);
    }

    /** Whether {@code deputy} is the registered deputy of any of {@code users} (away now or not). */
    @Transactional(readOnly = true)
    public boolean isRegisteredDeputyOfAny(String deputy, java.util.Collection<String> users) {
        return absences.findAllById(users).stream().anyMatch(absence -> deputy.equals(absence.getDeputy()));
    }

    /**
     * Who acts for the user today (in the company's zone): the user if present, else their deputy, or the
     * deputy's deputy if that one is away too. When the deputies lead in a circle, nobody takes over.
     */
    @Transactional(readOnly = true)
    public String actingFor(String userId) {
        LocalDate today = LocalDate.now(clock);
        Set<String> seen = new LinkedHashSet<>();
        String acting = userId;
        while (seen.add(acting)) {
            Optional<OutOfOffice> away = absences.findById(acting).filter(absence -> absence.covers(today));
            if (away.isEmpty()) {
                return acting;
            }
            acting = away.get().getDeputy();
        }
        return userId;
    }
}

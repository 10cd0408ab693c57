package dev.pactum.obligation;

import dev.pactum.config.PactumProperties;
import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractQueries;
import dev.pactum.contract.ContractStatus;
import dev.pactum.web.DomainException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each user's personal calendar feed (iCalendar): every date they are responsible for, for calendar apps to
 * subscribe to. The feed's address carries a random token that is its only credential; only the token's sha-256 is
 * kept, and a user has at most one in use (a new one revokes the old one).
 *
 * <p>The dates: due dates of the open and overdue payment milestones of the user's contracts; the end date and the
 * renewal notice deadline of their contracts in force; the day the counterparty's signature is due (after which
 * the managers are told) for their contracts out for signature.
 */
@Service
public class CalendarFeed {

    static final String PATH_PREFIX = "/calendar/";
    static final String PATH_SUFFIX = ".ics";
    private static final Pattern TOKEN = Pattern.compile("^[A-Za-z0-9_-]{43}$");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PRODUCT_ID = "-//Pactum//Contract dates 1.0//ZH";

    private final CalendarTokenRepository tokens;
    private final ContractQueries contracts;
    private final MilestoneAccountRepository milestones;
    private final RenewalService renewals;
    private final SigningService signing;
    private final IdentityService identity;
    private final MessageSource messages;
    private final PactumProperties pactum;
    private final Clock clock;

    CalendarFeed(CalendarTokenRepository tokens, ContractQueries contracts, MilestoneAccountRepository milestones,
                 RenewalService renewals, SigningService signing, IdentityService identity, MessageSource messages,
                 PactumProperties pactum, Clock clock) {
        this.tokens = tokens;
        this.contracts = contracts;
        this.milestones = milestones;
        this.renewals = renewals;
        this.signing = signing;
        this.identity = identity;
        this.messages = messages;
        this.pactum = pactum;
        this.clock = clock;
    }

    /** A new token, shown this once as the feed's address. */
    public record IssuedToken(long id, String url, Instant createdAt) {
    }

    /** Makes the user a new feed address; the one they had stops working. */
    @Transactional
    public IssuedToken issue(String user) {
        Instant now = clock.instant();
        tokens.findByUserIdAndRevokedAtIsNull(user).ifPresent(old -> {
            old.revoke(now);
            tokens.flush();
        });
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        CalendarToken saved = tokens.save(new CalendarToken(user, sha256(token), now));
        return new IssuedToken(saved.getId(), pactum.baseUrl() + PATH_PREFIX + token + PATH_SUFFIX, now);
    }

    /** Revokes the user's feed address; not found when they have none. */
    @Transactional
    public void revoke(String user) {
        tokens.findByUserIdAndRevokedAtIsNull(user)
                .orElseThrow(() -> DomainException.notFound("pactum.calendar.notFound"))
                .revoke(clock.instant());
    }

    /** When the user's feed address in use was made; empty when they have none. */
    @Transactional(readOnly = true)
    public Optional<Instant> issuedAt(String user) {
        return tokens.findByUserIdAndRevokedAtIsNull(user).map(CalendarToken::getCreatedAt);
    }

    /** The feed the token opens; not found for a malformed, unknown or revoked token, or a user who is gone. */
    @Transactional(readOnly = true)
    public String feed(String token) {
        String user = Optional.ofNullable(token).filter(t -> TOKEN.matcher(t).matches())
                .flatMap(t -> tokens.findByTokenSha256AndRevokedAtIsNull(sha256(t)))
                .map(CalendarToken::getUserId)
                .filter(id -> identity.createUserQuery().userId(id).count() > 0)
                .orElseThrow(() -> DomainException.notFound("pactum.calendar.notFound"));
        return ICalendarWriter.calendar(PRODUCT_ID, both("pactum.calendar.name"), pactum.zone().getId(),
                clock.instant().truncatedTo(ChronoUnit.SECONDS), events(user));
    }

    /** Every date the user is responsible for, by date. */
    List<ICalendarWriter.Event> events(String user) {
        List<ICalendarWriter.Event> events = new ArrayList<>();
        List<MilestoneAccount> open = milestones.findVisible(user).stream()
                .filter(m -> m.getStatus() == MilestoneStatus.OPEN || m.getStatus() == MilestoneStatus.OVERDUE)
                .toList();
        Map<Long, Contract> withOpenMilestones = contracts.all(open.stream().map(MilestoneAccount::contractId)
                .collect(Collectors.toSet())).stream().collect(Collectors.toMap(Contract::getId, Function.identity()));
        for (MilestoneAccount milestone : open) {
            Contract contract = withOpenMilestones.get(milestone.contractId());
            events.add(event("milestone-" + contract.getId() + "-" + milestone.milestoneNo(), milestone.getDueDate(),
                    both("pactum.calendar.milestone", contract.getNumber(), milestone.getDescription(),
                            milestone.getCurrency(), money(milestone.getAmount())), contract));
        }
        for (Contract contract : contracts.ownedBy(user, ContractStatus.IN_FORCE)) {
            events.add(event("end-" + contract.getId(), contract.getEndDate(),
                    both("pactum.calendar.contractEnd", contract.getNumber(), contract.getTitle()), contract));
            LocalDate notice = renewals.noticeDeadline(contract);
            if (notice.isBefore(contract.getEndDate())) {
                events.add(event("notice-" + contract.getId(), notice,
                        both("pactum.calendar.noticeDeadline", contract.getNumber(), contract.getTitle()), contract));
            }
        }
        for (Contract contract : contracts.ownedBy(user, EnumSet.of(ContractStatus.SIGNING))) {
            signing.counterSignatureDueAt(contract.getId()).ifPresent(due -> events.add(event(
                    "signature-" + contract.getId(), LocalDate.ofInstant(due, pactum.zone()),
                    both("pactum.calendar.signature", contract.getNumber(), contract.getTitle()), contract)));
        }
        events.sort(Comparator.comparing(ICalendarWriter.Event::date).thenComparing(ICalendarWriter.Event::uid));
        return events;
    }

    private ICalendarWriter.Event event(String what, LocalDate date, String summary, Contract contract) {
        String link = pactum.baseUrl() + "/contracts/" + contract.getId();
        String description = contract.getNumber() + " " + contract.getTitle() + "\n"
                + both("pactum.calendar.customer", contract.getCustomer().getName()) + "\n" + link;
        return new ICalendarWriter.Event("pactum-" + what + "@" + uidDomain(), date, summary, description, link);
    }

    private String uidDomain() {
        String host = URI.create(pactum.baseUrl()).getHost();
        return host == null || host.isBlank() ? "pactum" : host;
    }

    /** Chinese first, then English: one calendar serves readers of either. */
    private String both(String key, Object... args) {
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE) + " / "
                + messages.getMessage(key, args, Locale.ENGLISH);
    }

    private static String money(BigDecimal amount) {
        return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(amount);
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}

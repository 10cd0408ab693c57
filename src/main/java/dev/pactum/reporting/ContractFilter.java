package dev.pactum.reporting;

import dev.pactum.contract.ContractStatus;
import dev.pactum.contract.ContractType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the contract list, its exports and the reports filter on; every part is optional.
 *
 * @param q        substring of number, title or customer name (any script; case-insensitive for Latin)
 * @param from     created on or after (company zone)
 * @param to       created on or before (company zone)
 * @param sort     one of {@link #SORTS}' keys; newest first when absent
 * @param dir      {@code asc} or {@code desc}
 */
public record ContractFilter(String q, ContractStatus status, ContractType type, Long customerId, String owner,
                             @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                             @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                             BigDecimal minAmount, BigDecimal maxAmount, String sort, String dir) {

    /** Sort keys the list offers, and the column each sorts by. */
    static final Map<String, String> SORTS = Map.of("number", "c.number", "title", "c.title",
            "customer", "cu.name", "amount", "c.amount", "status", "c.status", "created", "c.created_at",
            "start", "c.start_date", "owner", "c.owner");

    public static final ContractFilter NONE = new ContractFilter(null, null, null, null, null, null, null, null, null,
            null, null);

    public ContractFilter withStatus(ContractStatus newStatus) {
        return new ContractFilter(q, newStatus, type, customerId, owner, from, to, minAmount, maxAmount, sort, dir);
    }

    public ContractFilter withOwner(String newOwner) {
        return new ContractFilter(q, status, type, customerId, newOwner, from, to, minAmount, maxAmount, sort, dir);
    }

    public ContractFilter withCustomer(Long newCustomerId) {
        return new ContractFilter(q, status, type, newCustomerId, owner, from, to, minAmount, maxAmount, sort, dir);
    }

    String orderBy() {
        String column = SORTS.getOrDefault(sort == null ? "" : sort, "c.created_at");
        String direction = "asc".equalsIgnoreCase(dir) ? "asc" : "desc";
        return column + " " + direction + ", c.id " + direction;
    }

    String likePattern() {
        return SqlLike.contains(q);
    }

    /** The filter as query parameters (without paging), for links to other pages, exports and saved filters. */
    public String queryString() {
        UriComponentsBuilder uri = UriComponentsBuilder.newInstance();
        add(uri, "q", q == null || q.isBlank() ? null : q.trim());
        add(uri, "status", status);
        add(uri, "type", type);
        add(uri, "customerId", customerId);
        add(uri, "owner", owner == null || owner.isBlank() ? null : owner);
        add(uri, "from", from);
        add(uri, "to", to);
        add(uri, "minAmount", minAmount == null ? null : minAmount.toPlainString());
        add(uri, "maxAmount", maxAmount == null ? null : maxAmount.toPlainString());
        add(uri, "sort", sort);
        add(uri, "dir", dir);
        String query = uri.encode().build().getQuery();
        return query == null ? "" : query;
    }

    private static void add(UriComponentsBuilder uri, String name, Object value) {
        if (value != null && !value.toString().isEmpty()) {
            uri.queryParam(name, value.toString());
        }
    }
}

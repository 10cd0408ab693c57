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

    /** Sort keys the list offers, the column each sorts by and its SQL type (for a keyset cursor's value). */
    static final Map<String, SortColumn> SORTS = Map.of("number", new SortColumn("c.number", "varchar"),
            "title", new SortColumn("c.title", "varchar"), "customer", new SortColumn("c.customer_name", "varchar"),
            "amount", new SortColumn("c.amount", "numeric"), "status", new SortColumn("c.status", "varchar"),
            "created", new SortColumn("c.created_at", "timestamptz"), "start", new SortColumn("c.start_date", "date"),
            "owner", new SortColumn("c.owner", "varchar"));

    /** The sort used when none is asked for: newest first. */
    public static final String DEFAULT_SORT = "created";

    record SortColumn(String column, String sqlType) {
    }

    /** Whether {@code key} is one of the sort keys the list offers. */
    public static boolean sortable(String key) {
        return SORTS.containsKey(key);
    }

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

    /** Only the text of this filter (for conditions on rows the other filters have chosen already). */
    ContractFilter textOnly() {
        return new ContractFilter(q, null, null, null, null, null, null, null, null, sort, dir);
    }

    public ContractFilter withSort(String newSort, String newDir) {
        return new ContractFilter(q, status, type, customerId, owner, from, to, minAmount, maxAmount, newSort, newDir);
    }

    /** The sort key in effect (unknown keys fall back to newest first). */
    String sortKey() {
        return SORTS.containsKey(sort == null ? "" : sort) ? sort : DEFAULT_SORT;
    }

    boolean ascending() {
        return "asc".equalsIgnoreCase(dir);
    }

    SortColumn sortColumn() {
        return SORTS.get(sortKey());
    }

    String orderBy() {
        String direction = ascending() ? "asc" : "desc";
        return sortColumn().column() + " " + direction + ", c.id " + direction;
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

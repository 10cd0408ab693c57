package dev.pactum.reporting;

import dev.pactum.config.PactumProperties;
import dev.pactum.contract.ContractStatus;
import dev.pactum.contract.ContractType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contracts the current user may see, filtered, sorted and paged, for the list page, the API and the exports. Built
 * for a million contracts (README, "Benchmarks"): every filter and order has an index (V160), {@code q} goes through
 * the n-gram index, totals are exact only up to {@link #EXACT_TOTAL_LIMIT} (the planner's estimate above, flagged),
 * and {@link #keyset} pages by cursor, so deep pages cost what the first one does.
 */
@Service
@Transactional(readOnly = true)
public class ContractListing {

    /** The most rows one export holds. */
    public static final int EXPORT_LIMIT = 50_000;

    /**
     * Totals up to this are counted; above, counting would read every matching row, so the total is the planner's
     * estimate. Also where text becomes common enough to be found along the order's index (see {@link TextMatch}).
     */
    public static final int EXACT_TOTAL_LIMIT = 2_000;

    /**
     * Text estimated to match more rows than this is looked for along the order's index, within the first
     * {@link #ALONG_THE_ORDER_PROBE} rows there; a page not filled there goes to the n-gram index after all (an
     * estimate is high for a rare n-gram outside the index's statistics).
     */
    static final long COMMON_TEXT_ESTIMATE = 10_000;
    static final int ALONG_THE_ORDER_PROBE = 20_000;

    private static final String COLUMNS = """
            c.id, c.number, c.title, c.type, c.status, c.owner, c.customer_id, c.customer_name, c.amount,
            c.currency, c.start_date, c.end_date, c.created_at,
            (select r.level from risk_assessment r where r.contract_id = c.id order by r.id desc limit 1) as risk_level""";

    private static final Pattern PLAN_ROWS = Pattern.compile("\"Plan Rows\":\\s*([0-9.eE+]+)");

    private final NamedParameterJdbcTemplate jdbc;
    private final ContractVisibility visibility;
    private final ZoneId zone;

    public ContractListing(NamedParameterJdbcTemplate jdbc, ContractVisibility visibility,
                           PactumProperties properties) {
        this.jdbc = jdbc;
        this.visibility = visibility;
        this.zone = properties.zone();
    }

    /** One page by number, with the total (exact up to {@link #EXACT_TOTAL_LIMIT}). */
    public ListingPage search(ContractFilter filter, int page, int size) {
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        long offset = (long) page * size;
        parameters.addValue("limit", size).addValue("offset", offset);
        Long counted = null;
        TextMatch match = textMatch(filter, parameters);
        if (match == TextMatch.NGRAM_INDEX) {
            counted = countText(filter, parameters, EXACT_TOTAL_LIMIT + 1);
            if (counted > EXACT_TOTAL_LIMIT) {
                match = TextMatch.ALONG_THE_ORDER;
            }
        }
        List<ContractRow> rows = page(filter, parameters, match);
        if (match == TextMatch.ALONG_THE_ORDER && rows.size() < size) {
            // Not so common after all (the estimate was high): counted and read through the n-gram index.
            match = TextMatch.NGRAM_INDEX;
            counted = countText(filter, parameters, EXACT_TOTAL_LIMIT + 1);
            rows = page(filter, parameters, match);
        }
        String where = where(filter, parameters, match);
        if (counted == null && rows.size() < size && (!rows.isEmpty() || page == 0)) {
            // The last page: the total is known without counting.
            return new ListingPage(rows, PageRequest.of(page, size), offset + rows.size(), true);
        }
        if (counted == null && match == TextMatch.NONE) {
            counted = jdbc.queryForObject("select count(*) from (select 1 from contract c where " + where
                    + " limit " + (EXACT_TOTAL_LIMIT + 1) + ") matching", parameters, Long.class);
        }
        if (counted == null) {
            counted = (long) EXACT_TOTAL_LIMIT + 1; // common text: counting is what would cost, estimated below
        }
        if (counted <= EXACT_TOTAL_LIMIT) {
            return new ListingPage(rows, PageRequest.of(page, size), counted, true);
        }
        MapSqlParameterSource estimated = new MapSqlParameterSource();
        return new ListingPage(rows, PageRequest.of(page, size), Math.max(estimate(where(filter, estimated,
                match == TextMatch.NONE ? TextMatch.NONE : TextMatch.NGRAMS_ONLY), estimated),
                EXACT_TOTAL_LIMIT + 1), false);
    }

    /**
     * The page's rows. Those skipped by the offset are read as ids only (from the index where it holds them); the
     * columns, the risk level's sub-query among them, are read for the page's rows alone.
     */
    private List<ContractRow> page(ContractFilter filter, MapSqlParameterSource parameters, TextMatch match) {
        String source = source(filter, parameters, match, "");
        scan(match);
        return jdbc.query("select " + COLUMNS + " from contract c where c.id in (select c.id from " + source
                + " order by " + filter.orderBy() + " limit :limit offset :offset) order by " + filter.orderBy(),
                parameters, ContractListing::row);
    }

    /**
     * The rows a query reads: for common text, the first {@link #ALONG_THE_ORDER_PROBE} rows along the order that
     * pass the other filters, each checked with LIKE; otherwise the contract table under all conditions.
     */
    private String source(ContractFilter filter, MapSqlParameterSource parameters, TextMatch match, String after) {
        if (match != TextMatch.ALONG_THE_ORDER) {
            return "contract c where " + where(filter, parameters, match) + after;
        }
        return "(select * from contract c where " + where(filter, parameters, TextMatch.NONE_OF_THE_TEXT) + after
                + " order by " + filter.orderBy() + " limit " + ALONG_THE_ORDER_PROBE + ") c where "
                + where(filter.textOnly(), parameters, TextMatch.ALONG_THE_ORDER);
    }

    /**
     * The rows after {@code cursor} (from the start when null) in the filter's order, or in the cursor's own order
     * when one is given, with the cursor of the next page ({@code null} on the last); no total is computed.
     */
    public KeysetSlice keyset(ContractFilter filter, String cursor, int size) {
        ContractFilter ordered = cursor == null ? filter : ordered(filter, ListCursor.decode(cursor));
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        TextMatch match = textMatch(ordered, parameters);
        String after = "";
        if (cursor != null) {
            ListCursor last = ListCursor.decode(cursor);
            after = " and (" + ordered.sortColumn().column() + ", c.id) " + (last.ascending() ? ">" : "<")
                    + " (:afterValue, :afterId)";
            parameters.addValue("afterValue", last.typedValue()).addValue("afterId", last.id());
        }
        parameters.addValue("limit", size + 1);
        List<ContractRow> rows = slice(ordered, parameters, match, after);
        if (match == TextMatch.ALONG_THE_ORDER && rows.size() <= size) {
            rows = slice(ordered, parameters, TextMatch.NGRAM_INDEX, after);
        }
        if (rows.size() <= size) {
            return new KeysetSlice(rows, null);
        }
        List<ContractRow> page = List.copyOf(rows.subList(0, size));
        return new KeysetSlice(page, cursorAfter(ordered, page));
    }

    private List<ContractRow> slice(ContractFilter filter, MapSqlParameterSource parameters, TextMatch match,
                                    String after) {
        String source = source(filter, parameters, match, after);
        scan(match);
        return jdbc.query("select " + COLUMNS + " from " + source + " order by " + filter.orderBy() + " limit :limit",
                parameters, ContractListing::row);
    }

    private static ContractFilter ordered(ContractFilter filter, ListCursor after) {
        return filter.withSort(after.sortKey(), after.ascending() ? "asc" : "desc");
    }

    /** The cursor of the rows after {@code rows} (non-empty, in the filter's order): to go on by keyset. */
    public String cursorAfter(ContractFilter filter, List<ContractRow> rows) {
        ContractRow last = rows.get(rows.size() - 1);
        return new ListCursor(filter.sortKey(), filter.ascending(), sortValue(last, filter.sortKey()), last.id())
                .encode();
    }

    /** Every matching row up to {@link #EXPORT_LIMIT}, in the list's order. */
    public List<ContractRow> all(ContractFilter filter) {
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        TextMatch match = filter.likePattern() == null ? TextMatch.NONE : TextMatch.NGRAM_INDEX;
        String where = where(filter, parameters, match);
        parameters.addValue("limit", EXPORT_LIMIT);
        scan(match);
        return jdbc.query("select " + COLUMNS + " from contract c where "
                + where + " order by " + filter.orderBy() + " limit :limit", parameters, ContractListing::row);
    }

    /**
     * How the rows holding {@code q} are best found. Rare text (estimated up to {@link #COMMON_TEXT_ESTIMATE} rows, or
     * counted up to {@link #EXACT_TOTAL_LIMIT}): through the n-gram index, then sorted. Common text ("科技", in a tenth
     * of all contracts): along the order's index, each row checked with LIKE, until the page is full (within
     * {@link #ALONG_THE_ORDER_PROBE} rows); the n-gram test is left out there, since as a filter it costs a
     * regular-expression split of the row's text, and the planner cannot tell (it sees the n-gram and LIKE tests as
     * independent, so it under-estimates common text by orders of magnitude and then reads every row).
     */
    private enum TextMatch { NONE, NGRAM_INDEX, ALONG_THE_ORDER, NGRAMS_ONLY, NONE_OF_THE_TEXT }

    /**
     * Common or rare, by the planner's estimate of the n-gram test with the other filters (from the index's element
     * statistics; close for the one n-gram of a short query, low for long ones, which then count as rare and are
     * counted exactly: see {@link #search}).
     */
    private TextMatch textMatch(ContractFilter filter, MapSqlParameterSource parameters) {
        if (filter.likePattern() == null) {
            return TextMatch.NONE;
        }
        scan(TextMatch.NGRAM_INDEX);
        return estimate(where(filter, parameters, TextMatch.NGRAMS_ONLY), parameters) > COMMON_TEXT_ESTIMATE
                ? TextMatch.ALONG_THE_ORDER : TextMatch.NGRAM_INDEX;
    }

    /** Rows holding {@code q} (and the other filters), counted up to {@code limit} through the n-gram index. */
    private long countText(ContractFilter filter, MapSqlParameterSource parameters, long limit) {
        scan(TextMatch.NGRAM_INDEX);
        return jdbc.queryForObject("select count(*) from (select 1 from contract c where "
                + where(filter, parameters, TextMatch.NGRAM_INDEX) + " limit " + limit + ") matching",
                parameters, Long.class);
    }

    /**
     * Plans the next statements of this transaction for their own values (a prepared statement's generic plan does
     * not see them), and for text, on the path {@link #textMatch} chose: the n-gram index's bitmap (exact for
     * {@code @>}, so the n-gram function is not run per row), or an index walk along the order.
     */
    private void scan(TextMatch match) {
        jdbc.getJdbcOperations().execute(switch (match) {
            case NGRAM_INDEX, NGRAMS_ONLY -> "set local plan_cache_mode = force_custom_plan;"
                    + " set local enable_seqscan = off; set local enable_indexscan = off;"
                    + " set local enable_indexonlyscan = off; set local enable_bitmapscan = on";
            case ALONG_THE_ORDER -> "set local plan_cache_mode = force_custom_plan;"
                    + " set local enable_seqscan = off; set local enable_indexscan = on;"
                    + " set local enable_indexonlyscan = on; set local enable_bitmapscan = off";
            case NONE, NONE_OF_THE_TEXT -> "set local plan_cache_mode = force_custom_plan; set local enable_seqscan = on;"
                    + " set local enable_indexscan = on; set local enable_indexonlyscan = on;"
                    + " set local enable_bitmapscan = on";
        });
    }

    private long estimate(String where, MapSqlParameterSource parameters) {
        String plan = jdbc.queryForObject("explain (format json) select 1 from contract c where " + where,
                parameters, String.class);
        Matcher rows = PLAN_ROWS.matcher(plan == null ? "" : plan);
        return rows.find() ? (long) Double.parseDouble(rows.group(1)) : 0;
    }

    private static String sortValue(ContractRow row, String sortKey) {
        return switch (sortKey) {
            case "number" -> row.number();
            case "title" -> row.title();
            case "customer" -> row.customerName();
            case "amount" -> row.amount().toPlainString();
            case "status" -> row.status().name();
            case "start" -> row.startDate().toString();
            case "owner" -> row.owner();
            default -> row.createdAt().toString();
        };
    }

    /** A page of the list; {@code totalExact} is false when the total is the planner's estimate. */
    public static final class ListingPage extends PageImpl<ContractRow> {

        private final boolean totalExact;

        ListingPage(List<ContractRow> rows, Pageable pageable, long total, boolean totalExact) {
            super(rows, pageable, total);
            this.totalExact = totalExact;
        }

        public boolean isTotalExact() {
            return totalExact;
        }
    }

    /** Rows of a keyset page and the cursor of the next one ({@code null} on the last). */
    public record KeysetSlice(List<ContractRow> rows, String next) {
    }

    /** The filter's conditions, visibility first, over {@code contract c}; {@code q} as {@code match} says. */
    String where(ContractFilter filter, MapSqlParameterSource parameters, TextMatch match) {
        List<String> conditions = new ArrayList<>();
        conditions.add(visibility.predicate("c", parameters));
        if (filter.status() != null) {
            conditions.add("c.status = :status");
            parameters.addValue("status", filter.status().name());
        }
        if (filter.type() != null) {
            conditions.add("c.type = :type");
            parameters.addValue("type", filter.type().name());
        }
        if (filter.customerId() != null) {
            conditions.add("c.customer_id = :customerId");
            parameters.addValue("customerId", filter.customerId());
        }
        if (filter.owner() != null && !filter.owner().isBlank()) {
            conditions.add("c.owner = :owner");
            parameters.addValue("owner", filter.owner().trim());
        }
        if (filter.from() != null) {
            conditions.add("c.created_at >= :from");
            parameters.addValue("from", OffsetDateTime.ofInstant(filter.from().atStartOfDay(zone).toInstant(), zone));
        }
        if (filter.to() != null) {
            conditions.add("c.created_at < :to");
            parameters.addValue("to", OffsetDateTime.ofInstant(filter.to().plusDays(1).atStartOfDay(zone).toInstant(),
                    zone));
        }
        if (filter.minAmount() != null) {
            conditions.add("c.amount >= :minAmount");
            parameters.addValue("minAmount", filter.minAmount());
        }
        if (filter.maxAmount() != null) {
            conditions.add("c.amount <= :maxAmount");
            parameters.addValue("maxAmount", filter.maxAmount());
        }
        String pattern = filter.likePattern();
        if (pattern != null && match != TextMatch.NONE_OF_THE_TEXT) {
            // The n-gram index finds the candidates (V160), LIKE keeps those that hold the text itself.
            if (match != TextMatch.ALONG_THE_ORDER) {
                conditions.add("(pactum_search_grams(array[c.number::text, c.title::text, c.customer_name::text])"
                        + " collate \"C\")"
                        + " @> pactum_query_grams(:text)");
                parameters.addValue("text", filter.q().trim());
            }
            if (match != TextMatch.NGRAMS_ONLY) {
                conditions.add("(lower(c.number) like :q escape '\\' or lower(c.title) like :q escape '\\'"
                        + " or lower(c.customer_name) like :q escape '\\')");
                parameters.addValue("q", pattern);
            }
        }
        return String.join(" and ", conditions);
    }

    private static ContractRow row(ResultSet rs, int rowNum) throws SQLException {
        return new ContractRow(rs.getLong("id"), rs.getString("number"), rs.getString("title"),
                ContractType.valueOf(rs.getString("type")),
                ContractStatus.valueOf(rs.getString("status")), rs.getString("owner"),
                rs.getLong("customer_id"), rs.getString("customer_name"), rs.getBigDecimal("amount"),
                rs.getString("currency"), rs.getObject("start_date", LocalDate.class),
                rs.getObject("end_date", LocalDate.class),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("risk_level"));
    }
}

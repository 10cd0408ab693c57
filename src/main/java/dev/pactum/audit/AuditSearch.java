package dev.pactum.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/** Reads the audit trail: a page at a time, newest first, or every matching row, oldest first, for an export. */
@Component
class AuditSearch {

    private final DataSource dataSource;

    AuditSearch(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Page<AuditRecord> page(AuditQuery query, int page, int size) {
        Where where = where(query);
        return withConnection(connection -> {
            long total;
            try (PreparedStatement count = where.prepare(connection, "select count(*) from audit_event" + where.sql)) {
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    total = rows.getLong(1);
                }
            }
            List<AuditRecord> records = new ArrayList<>();
            try (PreparedStatement select = where.prepare(connection, AuditTrail.SELECT_ROWS + where.sql
                    + " order by seq desc limit " + size + " offset " + ((long) page * size))) {
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        records.add(AuditTrail.read(rows));
                    }
                }
            }
            return new PageImpl<>(records, PageRequest.of(page, size), total);
        });
    }

    /** Streams every matching row in chain order, without holding them all in memory. */
    void each(AuditQuery query, Consumer<AuditRecord> action) {
        Where where = where(query);
        withConnection(connection -> {
            // PostgreSQL streams a result with a fetch size only inside a transaction.
            connection.setAutoCommit(false);
            try (PreparedStatement select = where.prepare(connection, AuditTrail.SELECT_ROWS + where.sql
                    + " order by seq")) {
                select.setFetchSize(500);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        action.accept(AuditTrail.read(rows));
                    }
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            return null;
        });
    }

    private record Where(String sql, List<Object> parameters) {

        PreparedStatement prepare(Connection connection, String statement) throws SQLException {
            PreparedStatement prepared = connection.prepareStatement(statement);
            for (int i = 0; i < parameters.size(); i++) {
                Object parameter = parameters.get(i);
                if (parameter instanceof Instant instant) {
                    prepared.setTimestamp(i + 1, Timestamp.from(instant));
                } else {
                    prepared.setString(i + 1, (String) parameter);
                }
            }
            return prepared;
        }
    }

    private static Where where(AuditQuery query) {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        condition(conditions, parameters, "actor = ?", query.user());
        condition(conditions, parameters, "action = ?",
                query.action() == null ? null : query.action().toUpperCase(Locale.ROOT));
        condition(conditions, parameters, "object_type = ?", query.objectType());
        condition(conditions, parameters, "object_id = ?", query.objectId());
        condition(conditions, parameters, "outcome = ?",
                query.outcome() == null ? null : query.outcome().toUpperCase(Locale.ROOT));
        if (query.from() != null) {
            conditions.add("occurred_at >= ?");
            parameters.add(query.from());
        }
        if (query.to() != null) {
            conditions.add("occurred_at < ?");
            parameters.add(query.to());
        }
        return new Where(conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions), parameters);
    }

    private static void condition(List<String> conditions, List<Object> parameters, String condition, String value) {
        if (value != null && !value.isBlank()) {
            conditions.add(condition);
            parameters.add(value.trim());
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T withConnection(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new AuditTrail.AuditTrailException(e);
        }
    }
}

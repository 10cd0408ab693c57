package dev.pactum.workspace;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the home page lists for one user: the engine's open tasks they may work on, who holds their own contracts
 * in approval, and their unread notifications. Reads the engine's runtime tables (tasks and candidate links) joined
 * to contracts by business key (the contract number) in one query each, instead of a task query per contract.
 */
@Service
@Transactional(readOnly = true)
class Inbox {

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    Inbox(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** An open task and the contract it is about. {@code groups}: its candidate groups, comma-separated. */
    record TaskRow(String taskId, String taskName, String assignee, String groups, Instant created, Instant due,
                   long contractId, String number, String title, String customerName, BigDecimal amount,
                   String currency) {
    }

    record NotificationRow(long id, String subject, Instant createdAt, String link, Long contractId) {
    }

    private static final String TASK_COLUMNS = """
            t.id_ as task_id, t.name_ as task_name, t.assignee_ as assignee, t.create_time_ as created,
            t.due_date_ as due, c.id as contract_id, c.number, c.title, cu.name as customer_name, c.amount, c.currency,
            (select string_agg(il.group_id_, ', ' order by il.group_id_) from act_ru_identitylink il
              where il.task_id_ = t.id_ and il.type_ = 'candidate' and il.group_id_ is not null) as groups""";

    /** Tasks assigned to the user, or unclaimed with the user or one of their groups as candidate; due first. */
    List<TaskRow> openTasks(String user, List<String> groups) {
        List<String> groupIds = new ArrayList<>(groups);
        groupIds.add("");
        MapSqlParameterSource parameters = new MapSqlParameterSource("user", user).addValue("groups", groupIds);
        return jdbc.query("select " + TASK_COLUMNS + """
                 from act_ru_task t
                 join act_ru_execution e on e.id_ = t.proc_inst_id_
                 join contract c on c.number = e.business_key_
                 join customer cu on cu.id = c.customer_id
                where t.assignee_ = :user
                   or (t.assignee_ is null and exists (select 1 from act_ru_identitylink il
                        where il.task_id_ = t.id_ and il.type_ = 'candidate'
                          and (il.user_id_ = :user or il.group_id_ in (:groups))))
                order by t.due_date_ nulls last, t.create_time_
                limit 100""", parameters, Inbox::task);
    }

    /** The owner's contracts in approval with each open task holding them (who, since when, due). */
    List<TaskRow> waitingOnOthers(String owner) {
        return jdbc.query("select " + TASK_COLUMNS + """
                 from contract c
                 join customer cu on cu.id = c.customer_id
                 join act_ru_task t on t.proc_inst_id_ = c.process_instance_id
                where c.owner = :owner and c.status = 'IN_APPROVAL'
                order by t.create_time_
                limit 100""", new MapSqlParameterSource("owner", owner), Inbox::task);
    }

    List<NotificationRow> unreadNotifications(String user) {
        return jdbc.query("""
                select id, subject, created_at, link, contract_id from notification
                where recipient = :user and read_at is null
                  and (snoozed_until is null or snoozed_until <= :now)
                order by coalesce(snoozed_until, created_at) desc limit 20""",
                new MapSqlParameterSource("user", user)
                        .addValue("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)),
                (rs, i) -> new NotificationRow(rs.getLong("id"), rs.getString("subject"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("link"),
                        (Long) rs.getObject("contract_id")));
    }

    private static TaskRow task(ResultSet rs, int rowNum) throws SQLException {
        return new TaskRow(rs.getString("task_id"), rs.getString("task_name"), rs.getString("assignee"),
                rs.getString("groups"), instant(rs.getTimestamp("created")), instant(rs.getTimestamp("due")),
                rs.getLong("contract_id"), rs.getString("number"), rs.getString("title"),
                rs.getString("customer_name"), rs.getBigDecimal("amount"), rs.getString("currency"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}

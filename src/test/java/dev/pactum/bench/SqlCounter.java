package dev.pactum.bench;

import java.io.Closeable;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts what the application sends to the database: statements executed (a batch counts once per row added and once
 * as a round trip), and transactions committed. The benchmark wraps the pool with it, so that its figures say how
 * many statements and commits one contract costs. A JDK proxy around the pool, its connections and statements;
 * {@code unwrap} reaches the real objects.
 */
final class SqlCounter implements BeanPostProcessor {

    private static final Set<String> EXECUTE = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate");

    final LongAdder statements = new LongAdder();
    final LongAdder batchedRows = new LongAdder();
    final LongAdder batches = new LongAdder();
    final LongAdder commits = new LongAdder();
    final LongAdder rollbacks = new LongAdder();
    /** Executions (one by one, or rows added to a batch) by the statement's verb and table. */
    final java.util.concurrent.ConcurrentHashMap<String, LongAdder> byTable = new java.util.concurrent.ConcurrentHashMap<>();


    private final java.util.concurrent.ConcurrentHashMap<String, String> keys = new java.util.concurrent.ConcurrentHashMap<>();

    private static final java.util.regex.Pattern TABLE =
            java.util.regex.Pattern.compile("(?is)\\b(?:from|into|update)\\s+([a-z_][a-z_0-9.]*)");

    private static String key(String sql) {
        if (sql == null) {
            return "?";
        }
        String s = sql.trim();
        String verb = s.split("\\s+", 2)[0].toLowerCase(java.util.Locale.ROOT);
        java.util.regex.Matcher m = TABLE.matcher(s);
        return verb + " " + (m.find() ? m.group(1).toLowerCase(java.util.Locale.ROOT) : "?");
    }

    private void tally(String sql) {
        String key = sql == null ? "?" : keys.computeIfAbsent(sql, SqlCounter::key);
        byTable.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    java.util.Map<String, Long> tallySnapshot() {
        java.util.Map<String, Long> copy = new java.util.TreeMap<>();
        byTable.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(bean instanceof Proxy)) {
            return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class, Closeable.class},
                    (proxy, method, args) -> {
                        Object result = invoke(dataSource, method, args);
                        return method.getName().equals("getConnection") ? connection((Connection) result) : result;
                    });
        }
        return bean;
    }

    Snapshot snapshot() {
        return new Snapshot(statements.sum(), batchedRows.sum(), batches.sum(), commits.sum(), rollbacks.sum());
    }

    record Snapshot(long statements, long batchedRows, long batches, long commits, long rollbacks) {
        Snapshot minus(Snapshot before) {
            return new Snapshot(statements - before.statements, batchedRows - before.batchedRows,
                    batches - before.batches, commits - before.commits, rollbacks - before.rollbacks);
        }

        /** Round trips: statements executed one by one plus batches sent. */
        long roundTrips() {
            return statements + batches;
        }
    }

    private Connection connection(Connection target) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    String name = method.getName();
                    if (name.equals("commit")) {
                        commits.increment();
                    } else if (name.equals("rollback") && (args == null || args.length == 0)) {
                        rollbacks.increment();
                    }
                    Object result = invoke(target, method, args);
                    String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : null;
                    if (result instanceof CallableStatement statement) {
                        return statement(statement, CallableStatement.class, sql);
                    }
                    if (result instanceof PreparedStatement statement) {
                        return statement(statement, PreparedStatement.class, sql);
                    }
                    if (result instanceof Statement statement) {
                        return statement(statement, Statement.class, null);
                    }
                    return result;
                });
    }

    private Object statement(Statement target, Class<?> type, String preparedSql) {
        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, (InvocationHandler) (proxy, method, args) -> {
            String name = method.getName();
            String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : preparedSql;
            if (EXECUTE.contains(name)) {
                statements.increment();
                tally(sql);
            } else if (name.equals("addBatch")) {
                batchedRows.increment();
                tally(sql);
            } else if (name.equals("executeBatch") || name.equals("executeLargeBatch")) {
                batches.increment();
            }
            return invoke(target, method, args);
        });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}

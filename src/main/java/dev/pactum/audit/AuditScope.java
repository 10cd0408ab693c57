package dev.pactum.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What is learnt about one HTTP request while it runs, on the thread that runs it: the security events say who
 * logged in or failed to, the engine says which operation ids it wrote to its own log and which task assignments
 * changed, Hibernate says which rows changed. {@link AuditTrailFilter} opens the scope, turns it into one audit row
 * at the end, and closes it.
 */
final class AuditScope {

    private static final ThreadLocal<AuditScope> CURRENT = new ThreadLocal<>();

    /** More objects than this in one request are counted, not listed. */
    static final int MAX_OBJECTS = 40;

    final Instant startedAt;
    final String sourceIp;
    final String method;
    final String path;

    /** Set by an authentication event: the request was a login, a failed login or a logout. */
    private AuditedAction securityAction;
    private String securityActor;
    private String securityDetail;
    private AuditEntry.Outcome securityOutcome;

    private final Set<String> engineOperationIds = new LinkedHashSet<>();
    /** Ids the engine's operation log names, by object type ({@code deployment}, {@code user}, ...). */
    private final Map<String, String> engineObjectIds = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> before = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> after = new LinkedHashMap<>();
    private final Set<String> createdHere = new LinkedHashSet<>();
    private int objectsLeftOut;

    AuditScope(Instant startedAt, String sourceIp, String method, String path) {
        this.startedAt = startedAt;
        this.sourceIp = sourceIp;
        this.method = method;
        this.path = path;
    }

    static AuditScope current() {
        return CURRENT.get();
    }

    void open() {
        CURRENT.set(this);
    }

    static void close() {
        CURRENT.remove();
    }

    void securityEvent(AuditedAction action, String actor, AuditEntry.Outcome outcome, String detail) {
        this.securityAction = action;
        this.securityActor = actor;
        this.securityOutcome = outcome;
        this.securityDetail = detail;
    }

    /** A failed login answers with a redirect to the login page, so its outcome cannot be read off the status. */
    AuditEntry.Outcome securityOutcome() {
        return securityOutcome;
    }

    AuditedAction securityAction() {
        return securityAction;
    }

    String securityActor() {
        return securityActor;
    }

    String securityDetail() {
        return securityDetail;
    }

    void engineOperation(String operationId) {
        if (operationId != null) {
            engineOperationIds.add(operationId);
        }
    }

    Set<String> engineOperationIds() {
        return engineOperationIds;
    }

    void engineObject(String objectType, String id) {
        if (id != null) {
            engineObjectIds.putIfAbsent(objectType, id);
        }
    }

    String engineObjectId(String objectType) {
        return engineObjectIds.get(objectType);
    }

    /**
     * One property of one object changed. The earliest "before" and the latest "after" win, so several changes
     * within a request read as the change from the request's start to its end.
     */
    void change(String object, String property, Object oldValue, Object newValue, boolean hasOldValue) {
        if (!after.containsKey(object) && !before.containsKey(object) && after.size() >= MAX_OBJECTS) {
            objectsLeftOut++;
            return;
        }
        if (hasOldValue && !createdHere.contains(object)) {
            before.computeIfAbsent(object, key -> new LinkedHashMap<>()).putIfAbsent(property, oldValue);
        }
        after.computeIfAbsent(object, key -> new LinkedHashMap<>()).put(property, newValue);
    }

    /** An object the request created: it has no "before", whatever changes to it follow. */
    void created(String object, Map<String, Object> values) {
        createdHere.add(object);
        values.forEach((property, value) -> change(object, property, null, value, false));
    }

    /** An object that was removed: its last values are "before", and there is no "after". */
    void removed(String object, Map<String, Object> lastValues) {
        Map<String, Object> values = before.computeIfAbsent(object, key -> new LinkedHashMap<>());
        lastValues.forEach(values::putIfAbsent);
        after.remove(object);
    }

    Map<String, Map<String, Object>> before() {
        return before;
    }

    Map<String, Map<String, Object>> after() {
        return after;
    }

    int objectsLeftOut() {
        return objectsLeftOut;
    }

    boolean sawChanges() {
        return !after.isEmpty() || !before.isEmpty() || !engineOperationIds.isEmpty();
    }
}

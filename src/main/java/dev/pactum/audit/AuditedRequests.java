package dev.pactum.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names the action an HTTP request performs, from its method and path: Pactum's own API under {@code /api}, and
 * the Camunda engine API under {@code /engine-rest} (Camunda Modeler, scripts) and {@code /camunda/api/engine}
 * (Tasklist, Cockpit, Admin). Every call to {@code /api} is an action; engine calls are actions when they change
 * something (reads of the engine, which Tasklist polls all the time, are left to the engine's authorizations), except
 * reading a task's form variables, which is how Tasklist shows a contract to an approver.
 */
final class AuditedRequests {

    private static final Pattern ENGINE_PREFIX =
            Pattern.compile("^(?:/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)(/.*)$");

    /** Last path segments of engine POSTs that change something; any other engine POST is a query. */
    private static final Set<String> ENGINE_WRITE_VERBS = Set.of("create", "delete", "start", "submit-form",
            "complete", "claim", "unclaim", "assignee", "delegate", "resolve", "redeploy", "execute", "retries",
            "restart", "migrate", "modification", "suspended", "correlate", "unlock", "variables", "localVariables",
            "identity-links", "annotation", "message", "signal", "set-removal-time", "evaluate", "execute-migration");

    private record Rule(Set<String> methods, Pattern path, String action, String objectType, boolean read) {
    }

    private final List<Rule> apiRules = new ArrayList<>();
    private final List<Rule> engineRules = new ArrayList<>();

    AuditedRequests(String webappPath) {
        api("POST", "/api/contracts", "CONTRACT_CREATE", "contract");
        api("GET", "/api/contracts", "CONTRACT_SEARCH", "contract");
        api("GET", "/api/contracts/{id}", "CONTRACT_VIEW", "contract");
        api("PUT PATCH", "/api/contracts/{id}", "CONTRACT_CHANGE", "contract");
        api("DELETE", "/api/contracts/{id}", "CONTRACT_DELETE", "contract");
        api("POST", "/api/contracts/{id}/submit", "CONTRACT_SUBMIT", "contract");
        api("GET", "/api/contracts/{id}/document", "CONTRACT_DOWNLOAD", "contract");
        api("GET", "/api/contracts/{id}/approvals", "CONTRACT_APPROVALS_VIEW", "contract");
        api("POST", "/api/customers", "CUSTOMER_CREATE", "customer");
        api("GET", "/api/customers", "CUSTOMER_SEARCH", "customer");
        api("GET", "/api/customers/{id}", "CUSTOMER_VIEW", "customer");
        api("PUT PATCH", "/api/customers/{id}", "CUSTOMER_CHANGE", "customer");
        api("POST", "/api/tasks/{id}/delegate", "TASK_DELEGATE", "task");
        api("GET", "/api/me/out-of-office", "OUT_OF_OFFICE_VIEW", "user");
        api("PUT", "/api/me/out-of-office", "OUT_OF_OFFICE_SET", "user");
        api("DELETE", "/api/me/out-of-office", "OUT_OF_OFFICE_END", "user");
        api("POST", "/api/admin/rules/reload", "RULES_RELOAD", "ruleset");
        api("POST", "/api/admin/rules/what-if", "RULES_WHAT_IF", "ruleset");
        api("GET", "/api/notifications", "NOTIFICATION_LIST", "notification");
        api("POST", "/api/notifications/{id}/read", "NOTIFICATION_READ", "notification");
        api("POST", "/api/notifications/{id}/snooze", "NOTIFICATION_SNOOZE", "notification");
        api("POST", "/api/me/calendar-token", "CALENDAR_TOKEN_CREATE", "calendar_token");
        api("DELETE", "/api/me/calendar-token", "CALENDAR_TOKEN_REVOKE", "calendar_token");
        api("POST", "/api/admin/webhooks", "WEBHOOK_CREATE", "webhook_subscription");
        api("PATCH", "/api/admin/webhooks/{id}", "WEBHOOK_CHANGE", "webhook_subscription");
        api("DELETE", "/api/admin/webhooks/{id}", "WEBHOOK_DELETE", "webhook_subscription");
        api("POST", "/api/admin/webhooks/{id}/secret", "WEBHOOK_SECRET_ROTATE", "webhook_subscription");
        api("POST", "/api/admin/webhooks/deliveries/{id}/replay", "WEBHOOK_REPLAY", "webhook_delivery");
        api("GET", "/api/audit", "AUDIT_SEARCH", "audit_trail");
        api("GET", "/api/audit.csv", "AUDIT_EXPORT", "audit_trail");
        api("GET", "/api/audit/verify", "AUDIT_VERIFY", "audit_trail");

        engine("POST", "/task/{id}/complete", "TASK_COMPLETE", "task");
        engine("POST", "/task/{id}/submit-form", "TASK_COMPLETE", "task");
        engine("POST", "/task/{id}/claim", "TASK_CLAIM", "task");
        engine("POST", "/task/{id}/unclaim", "TASK_UNCLAIM", "task");
        engine("POST", "/task/{id}/assignee", "TASK_ASSIGN", "task");
        engine("POST", "/task/{id}/delegate", "TASK_DELEGATE", "task");
        engine("POST", "/task/{id}/resolve", "TASK_RESOLVE", "task");
        engine("POST", "/task/create", "TASK_CREATE", "task");
        engine("PUT", "/task/{id}", "TASK_UPDATE", "task");
        engine("DELETE", "/task/{id}", "TASK_DELETE", "task");
        engine("POST", "/task/{id}/identity-links", "TASK_IDENTITY_LINK_ADD", "task");
        engine("POST", "/task/{id}/identity-links/delete", "TASK_IDENTITY_LINK_DELETE", "task");
        engine("POST", "/task/{id}/comment/create", "TASK_COMMENT", "task");
        engine("PUT POST DELETE", "/task/{id}/variables**", "TASK_VARIABLES_CHANGE", "task");
        engine("PUT POST DELETE", "/task/{id}/localVariables**", "TASK_VARIABLES_CHANGE", "task");
        engineRead("/task/{id}/form-variables", "TASK_FORM_VIEW", "task");
        engine("POST", "/deployment/create", "DEPLOYMENT_CREATE", "deployment");
        engine("POST", "/deployment/{id}/redeploy", "DEPLOYMENT_REDEPLOY", "deployment");
        engine("DELETE", "/deployment/{id}", "DEPLOYMENT_DELETE", "deployment");
        engine("POST", "/process-definition/{id}/start", "PROCESS_START", "process-definition");
        engine("POST", "/process-definition/{id}/submit-form", "PROCESS_START", "process-definition");
        engine("POST", "/process-definition/key/{id}/start", "PROCESS_START", "process-definition");
        engine("POST", "/process-definition/key/{id}/submit-form", "PROCESS_START", "process-definition");
        engine("POST", "/process-definition/key/{id}/tenant-id/*/start", "PROCESS_START", "process-definition");
        engine("POST", "/process-definition/key/{id}/tenant-id/*/submit-form", "PROCESS_START", "process-definition");
        engine("PUT", "/process-definition/**/suspended", "PROCESS_DEFINITION_SUSPEND", "process-definition");
        engine("DELETE", "/process-definition/{id}", "PROCESS_DEFINITION_DELETE", "process-definition");
        engine("DELETE", "/process-instance/{id}", "PROCESS_INSTANCE_DELETE", "process-instance");
        engine("PUT", "/process-instance/{id}/suspended", "PROCESS_INSTANCE_SUSPEND", "process-instance");
        engine("POST", "/process-instance/{id}/modification", "PROCESS_INSTANCE_MODIFY", "process-instance");
        engine("PUT POST DELETE", "/process-instance/{id}/variables**", "PROCESS_VARIABLES_CHANGE",
                "process-instance");
        engine("POST", "/user/create", "USER_CREATE", "user");
        engine("PUT", "/user/{id}/profile", "USER_UPDATE", "user");
        engine("PUT", "/user/{id}/credentials", "USER_PASSWORD_CHANGE", "user");
        engine("DELETE", "/user/{id}", "USER_DELETE", "user");
        engine("POST", "/user/{id}/unlock", "USER_UNLOCK", "user");
        engine("POST", "/group/create", "GROUP_CREATE", "group");
        engine("PUT", "/group/{id}", "GROUP_UPDATE", "group");
        engine("DELETE", "/group/{id}", "GROUP_DELETE", "group");
        engine("PUT", "/group/{id}/members/*", "GROUP_MEMBER_ADD", "group");
        engine("DELETE", "/group/{id}/members/*", "GROUP_MEMBER_REMOVE", "group");
        engine("POST", "/tenant/create", "TENANT_CREATE", "tenant");
        engine("PUT", "/tenant/{id}", "TENANT_UPDATE", "tenant");
        engine("DELETE", "/tenant/{id}", "TENANT_DELETE", "tenant");
        engine("PUT", "/tenant/{id}/*-members/*", "TENANT_MEMBER_ADD", "tenant");
        engine("DELETE", "/tenant/{id}/*-members/*", "TENANT_MEMBER_REMOVE", "tenant");
        engine("POST", "/authorization/create", "AUTHORIZATION_CREATE", "authorization");
        engine("PUT", "/authorization/{id}", "AUTHORIZATION_UPDATE", "authorization");
        engine("DELETE", "/authorization/{id}", "AUTHORIZATION_DELETE", "authorization");
        engine("POST", "/message", "MESSAGE_CORRELATE", "message");
        engine("POST", "/signal", "SIGNAL_SEND", "signal");

        // Camunda Admin's first-admin set-up and the webapps' own logout.
        rule(apiRules, "POST", webappPath + "/api/admin/setup/*/user/create", "USER_CREATE", "user", false);
        rule(apiRules, "POST", webappPath + "/api/admin/auth/user/*/logout", "LOGOUT", "user", false);
    }

    /**
     * @return the action, or null when the request is not one the audit trail records by its path alone (an engine
     *         query, a page, a static file); such a request is still recorded if it turns out to change something
     */
    AuditedAction classify(String method, String path) {
        if (path.startsWith("/api/") || path.equals("/api")) {
            AuditedAction known = match(apiRules, method, path);
            return known != null ? known : genericApi(method, path);
        }
        Matcher engine = ENGINE_PREFIX.matcher(path);
        if (engine.matches()) {
            String sub = engine.group(1);
            AuditedAction known = match(engineRules, method, sub);
            return known != null ? known : genericEngine(method, sub);
        }
        return match(apiRules, method, path);
    }

    /** A request that was not recognised but changed data or went through the engine's operation log. */
    static AuditedAction unrecognisedChange(String method, String path) {
        Matcher engine = ENGINE_PREFIX.matcher(path);
        String[] segments = segments(engine.matches() ? engine.group(1) : path);
        return new AuditedAction(engine.matches() ? "ENGINE_CHANGE" : "CHANGE",
                segments.length > 0 ? segments[0] : null, segments.length > 1 ? segments[1] : null, false);
    }

    private static AuditedAction genericApi(String method, String path) {
        String[] segments = segments(path.substring("/api".length()));
        boolean read = isRead(method);
        return new AuditedAction(read ? "API_READ" : "API_WRITE", segments.length > 0 ? segments[0] : null,
                segments.length > 1 ? segments[1] : null, read);
    }

    private static AuditedAction genericEngine(String method, String sub) {
        String[] segments = segments(sub);
        boolean write = method.equals("PUT") || method.equals("DELETE") || method.equals("PATCH")
                || (method.equals("POST") && segments.length > 0
                && ENGINE_WRITE_VERBS.contains(segments[segments.length - 1]));
        if (!write) {
            return null;
        }
        return new AuditedAction("ENGINE_CHANGE", segments.length > 0 ? segments[0] : null,
                segments.length > 1 ? segments[1] : null, false);
    }

    private static String[] segments(String path) {
        return path.replaceAll("^/+|/+$", "").isEmpty() ? new String[0] : path.replaceAll("^/+|/+$", "").split("/+");
    }

    private static boolean isRead(String method) {
        return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
    }

    private static AuditedAction match(List<Rule> rules, String method, String path) {
        for (Rule rule : rules) {
            if (!rule.methods().contains(method)) {
                continue;
            }
            Matcher matcher = rule.path().matcher(path);
            if (matcher.matches()) {
                String id = rule.path().pattern().contains("(?<id>") ? matcher.group("id") : null;
                return new AuditedAction(rule.action(), rule.objectType(), id, rule.read());
            }
        }
        return null;
    }

    private void api(String methods, String template, String action, String objectType) {
        rule(apiRules, methods, template, action, objectType, methods.equals("GET"));
    }

    private void engine(String methods, String template, String action, String objectType) {
        rule(engineRules, methods, template, action, objectType, false);
    }

    private void engineRead(String template, String action, String objectType) {
        rule(engineRules, "GET", template, action, objectType, true);
    }

    /** {@code {id}} captures one segment, {@code *} matches one, {@code **} any number; a trailing slash is allowed. */
    private static void rule(List<Rule> rules, String methods, String template, String action, String objectType,
                             boolean read) {
        StringBuilder regex = new StringBuilder("^");
        int i = 0;
        while (i < template.length()) {
            if (template.startsWith("{id}", i)) {
                regex.append("(?<id>[^/]+)");
                i += 4;
            } else if (template.startsWith("**", i)) {
                regex.append(".*");
                i += 2;
            } else if (template.charAt(i) == '*') {
                regex.append("[^/]+");
                i++;
            } else {
                regex.append(Pattern.quote(String.valueOf(template.charAt(i))));
                i++;
            }
        }
        regex.append("/?$");
        rules.add(new Rule(Set.of(methods.split(" ")), Pattern.compile(regex.toString()), action, objectType, read));
    }
}

package dev.pactum.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo users and groups with the engine authorizations the demo needs (authorization checks are on).
 * Everything is created only if missing, so a restart changes nothing. Each demo user's password is its name
 * (demo data alone bypasses the password policy); without demo data there are no users at all until
 * {@code camunda.bpm.admin-user.*} creates the first admin.
 */
@Component
@Order(1)
@ConditionalOnProperty(name = "pactum.demo-data.enabled", havingValue = "true")
public class DemoIdentity implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoIdentity.class);

    static final String PROCESS_KEY = "contractLifecycle";
    static final String PROCESS_ANALYSTS = SecurityConfiguration.PROCESS_ANALYSTS;
    static final List<String> APPROVER_GROUPS = List.of("sales-managers", "legal", "finance", "directors");

    private record DemoGroup(String id, String name, String type) {
    }

    private record DemoUser(String id, String firstName, String lastName, String group) {
    }

    private static final List<DemoGroup> GROUPS = List.of(
            new DemoGroup(Groups.CAMUNDA_ADMIN, "系统管理员 Administrators", Groups.GROUP_TYPE_SYSTEM),
            new DemoGroup("sales", "销售 Sales", Groups.GROUP_TYPE_WORKFLOW),
            new DemoGroup("sales-managers", "销售经理 Sales managers", Groups.GROUP_TYPE_WORKFLOW),
            new DemoGroup("legal", "法务 Legal", Groups.GROUP_TYPE_WORKFLOW),
            new DemoGroup("finance", "财务 Finance", Groups.GROUP_TYPE_WORKFLOW),
            new DemoGroup("directors", "总监 Directors", Groups.GROUP_TYPE_WORKFLOW),
            new DemoGroup(PROCESS_ANALYSTS, "流程分析师 Process analysts", Groups.GROUP_TYPE_WORKFLOW),
            new DemoGroup(SecurityConfiguration.AUDITORS, "审计 Auditors", Groups.GROUP_TYPE_WORKFLOW));

    private static final List<DemoUser> USERS = List.of(
            new DemoUser("admin", "管理员", "Admin", Groups.CAMUNDA_ADMIN),
            new DemoUser("sales1", "张伟", "Zhang", "sales"),
            new DemoUser("sales2", "李娜", "Li", "sales"),
            new DemoUser("manager1", "王芳", "Wang", "sales-managers"),
            new DemoUser("manager2", "周强", "Zhou", "sales-managers"),
            new DemoUser("legal1", "刘洋", "Liu", "legal"),
            new DemoUser("legal2", "孙丽", "Sun", "legal"),
            new DemoUser("finance1", "陈静", "Chen", "finance"),
            new DemoUser("director1", "赵磊", "Zhao", "directors"),
            new DemoUser("analyst1", "孙丽", "Sun", PROCESS_ANALYSTS),
            new DemoUser("auditor1", "吴敏", "Wu", SecurityConfiguration.AUDITORS));

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;

    public DemoIdentity(IdentityService identityService, AuthorizationService authorizationService) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
    }

    @Override
    public void run(ApplicationArguments args) {
        GROUPS.forEach(this::ensureGroup);
        USERS.forEach(this::ensureUser);
        ensureAuthorizations();
        log.info("Demo users ready: {} (each user's password is its name)",
                USERS.stream().map(DemoUser::id).toList());
    }

    private void ensureGroup(DemoGroup demo) {
        if (identityService.createGroupQuery().groupId(demo.id()).count() > 0) {
            return;
        }
        Group group = identityService.newGroup(demo.id());
        group.setName(demo.name());
        group.setType(demo.type());
        identityService.saveGroup(group);
    }

    private void ensureUser(DemoUser demo) {
        if (identityService.createUserQuery().userId(demo.id()).count() == 0) {
            User user = identityService.newUser(demo.id());
            user.setFirstName(demo.firstName());
            user.setLastName(demo.lastName());
            user.setEmail(demo.id() + "@pactum.example");
            user.setPassword(demo.id());
            // Demo passwords equal the user names, which the password policy refuses for everybody else.
            ((IdentityServiceImpl) identityService).saveUser(user, true);
        }
        if (identityService.createUserQuery().userId(demo.id()).memberOfGroup(demo.group()).count() == 0) {
            identityService.createMembership(demo.id(), demo.group());
        }
    }

    private void ensureAuthorizations() {
        // camunda-admin may do everything, as Camunda's own admin-user set-up grants it.
        for (Resources resource : Resources.values()) {
            grant(Groups.CAMUNDA_ADMIN, resource, Authorization.ANY, Permissions.ALL);
        }
        for (DemoGroup group : GROUPS) {
            grant(group.id(), Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            // Covers the default "所有任务 All tasks" filter, whose id is generated at start-up.
            grant(group.id(), Resources.FILTER, Authorization.ANY, Permissions.READ);
        }
        // Sales start contracts from Tasklist; tasks assigned to them are granted by the engine itself. They read
        // the history of their own contracts only: Pactum grants it per instance to the owner (no READ_HISTORY here).
        grant("sales", Resources.PROCESS_DEFINITION, PROCESS_KEY,
                Permissions.READ, Permissions.CREATE_INSTANCE);
        withdraw("sales", Resources.PROCESS_DEFINITION, PROCESS_KEY, Permissions.READ_HISTORY);
        grant("sales", Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
        // Approvers read the definitions of the lifecycle and its approval sub-processes; their tasks reach them
        // through the engine's implicit grants to a task's candidate groups, so no global task permission here.
        for (String approvers : APPROVER_GROUPS) {
            grant(approvers, Resources.PROCESS_DEFINITION, Authorization.ANY,
                    Permissions.READ, Permissions.READ_HISTORY);
        }
        // Analysts deploy changed models from Camunda Modeler and see the models in Cockpit. They read no contract
        // (Pactum's API shows them none), so no READ_HISTORY: the history of every instance holds each contract's
        // title, customer, amount and the approvers' comments (the authorisation matrix found them readable).
        grant(PROCESS_ANALYSTS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(PROCESS_ANALYSTS, Resources.DEPLOYMENT, Authorization.ANY, Permissions.CREATE, Permissions.READ);
        grant(PROCESS_ANALYSTS, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ);
        withdraw(PROCESS_ANALYSTS, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ_HISTORY);
        // Auditors follow an audit row's engine operation id into Camunda's own operation log (read only).
        grant(SecurityConfiguration.AUDITORS, Resources.OPERATION_LOG_CATEGORY, Authorization.ANY,
                UserOperationLogCategoryPermissions.READ);
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizationService.createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GRANT).groupIdIn(groupId)
                .resourceType(resource).resourceId(resourceId).singleResult();
        if (authorization == null) {
            authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
            authorization.setGroupId(groupId);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        boolean missing = false;
        for (Permission permission : permissions) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                missing = true;
            }
        }
        if (missing) {
            authorizationService.saveAuthorization(authorization);
        }
    }

    /** Takes back a permission that earlier versions of the demo data granted. */
    private void withdraw(String groupId, Resource resource, String resourceId, Permission permission) {
        Authorization authorization = authorizationService.createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GRANT).groupIdIn(groupId)
                .resourceType(resource).resourceId(resourceId).singleResult();
        if (authorization != null && authorization.isPermissionGranted(permission)) {
            authorization.removePermission(permission);
            authorizationService.saveAuthorization(authorization);
        }
    }
}

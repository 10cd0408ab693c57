package dev.pactum.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pactum.PactumTest;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

@PactumTest
class IdentityTest {

    @LocalServerPort
    int port;

    @Autowired
    CamundaIdentityAuthenticationProvider authenticationProvider;

    @Autowired
    CurrentUser currentUser;

    @Autowired
    DemoIdentity demoIdentity;

    @Autowired
    IdentityService identityService;

    @Autowired
    AuthorizationService authorizationService;

    @Autowired
    TaskService taskService;

    @Autowired
    ObjectMapper json;

    @AfterEach
    void logOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void authoritiesAreTheCamundaGroupIds() {
        logIn("manager1");

        assertThat(currentUser.username()).isEqualTo("manager1");
        assertThat(currentUser.groups()).containsExactly("sales-managers");
        assertThat(currentUser.isMemberOf("sales-managers")).isTrue();
        assertThat(currentUser.isMemberOf("sales")).isFalse();
    }

    @Test
    void managersSeeAllContractsAndSalesOnlyTheirOwn() {
        logIn("manager1");
        assertThat(currentUser.seesAllContracts()).isTrue();

        logIn("sales1");
        assertThat(currentUser.seesAllContracts()).isFalse();

        for (String user : List.of("legal1", "finance1", "director1", "admin")) {
            logIn(user);
            assertThat(currentUser.seesAllContracts()).as(user).isTrue();
        }
    }

    @Test
    void nobodyLoggedInHasNoNameAndNoGroups() {
        assertThatThrownBy(currentUser::username).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThat(currentUser.groups()).isEmpty();
        assertThat(currentUser.seesAllContracts()).isFalse();
    }

    @Test
    void aWrongPasswordIsRefused() {
        assertThatThrownBy(() -> authenticationProvider.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated("finance1", "wrong")))
                .isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> authenticationProvider.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated("nobody", "nobody")))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void runningTheDemoIdentityAgainChangesNothing() {
        long users = identityService.createUserQuery().count();
        long groups = identityService.createGroupQuery().count();
        long memberships = identityService.createGroupQuery().groupMember("sales1").count();
        long authorizations = authorizationService.createAuthorizationQuery().count();

        demoIdentity.run(new DefaultApplicationArguments());

        assertThat(identityService.createUserQuery().count()).isEqualTo(users).isGreaterThanOrEqualTo(7);
        assertThat(identityService.createGroupQuery().count()).isEqualTo(groups).isGreaterThanOrEqualTo(7);
        assertThat(identityService.createGroupQuery().groupMember("sales1").count()).isEqualTo(memberships);
        assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(authorizations);
    }

    @Test
    void demoGroupsHaveTheirApplicationsAndPermissions() {
        assertThat(authorizationService.isUserAuthorized("sales1", List.of("sales"), Permissions.ACCESS,
                Resources.APPLICATION, "tasklist")).isTrue();
        assertThat(authorizationService.isUserAuthorized("sales1", List.of("sales"), Permissions.ACCESS,
                Resources.APPLICATION, "cockpit")).isFalse();
        assertThat(authorizationService.isUserAuthorized("admin", List.of("camunda-admin"), Permissions.ACCESS,
                Resources.APPLICATION, "admin")).isTrue();
        assertThat(authorizationService.isUserAuthorized("sales1", List.of("sales"), Permissions.CREATE_INSTANCE,
                Resources.PROCESS_DEFINITION, "contractLifecycle")).isTrue();
        assertThat(authorizationService.isUserAuthorized("legal1", List.of("legal"), Permissions.CREATE_INSTANCE,
                Resources.PROCESS_DEFINITION, "contractLifecycle")).isFalse();
        assertThat(identityService.createUserQuery().userId("sales1").singleResult().getEmail())
                .isEqualTo("sales1@pactum.example");
        assertThat(identityService.createGroupQuery().groupId("camunda-admin").singleResult().getType())
                .isEqualTo("SYSTEM");
    }

    @Test
    void aTaskOfferedToAGroupIsVisibleToItsMembersOnly() throws Exception {
        Task task = taskService.newTask();
        task.setName("Legal review");
        taskService.saveTask(task);
        taskService.addCandidateGroup(task.getId(), "legal");
        try {
            Browser browser = new Browser(port);
            JsonNode legal = json.readTree(browser.get("/engine-rest/task?candidateGroup=legal",
                    "Authorization", Browser.basic("legal1", "legal1")).body());
            JsonNode finance = json.readTree(browser.get("/engine-rest/task?candidateGroup=legal",
                    "Authorization", Browser.basic("finance1", "finance1")).body());
            int claimed = browser.send("/engine-rest/task/" + task.getId() + "/claim", "{\"userId\":\"legal1\"}",
                    "Authorization", Browser.basic("legal1", "legal1")).statusCode();

            // other legal tasks may be open: demo contracts and other tests now route to legal too
            assertThat(legal.findValuesAsText("id")).contains(task.getId());
            assertThat(finance.findValuesAsText("id")).isEmpty();
            assertThat(claimed).isEqualTo(204);
            assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee())
                    .isEqualTo("legal1");
        } finally {
            taskService.deleteTask(task.getId(), true);
        }
    }

    private void logIn(String user) {
        SecurityContextHolder.getContext().setAuthentication(authenticationProvider.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(user, user)));
    }
}

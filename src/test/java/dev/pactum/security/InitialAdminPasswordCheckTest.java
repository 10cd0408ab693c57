package dev.pactum.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class InitialAdminPasswordCheckTest {

    @Test
    void anAdminIdWithoutAPasswordStopsTheStart() {
        assertThatThrownBy(() -> check(new MockEnvironment().withProperty("camunda.bpm.admin-user.id", "admin")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("camunda.bpm.admin-user.password");
    }

    @Test
    void anAdminWithAPasswordOrNoAdminAtAllStarts() {
        assertThatCode(() -> check(new MockEnvironment()
                .withProperty("camunda.bpm.admin-user.id", "admin")
                .withProperty("camunda.bpm.admin-user.password", "s3cret-harbour"))).doesNotThrowAnyException();
        assertThatCode(() -> check(new MockEnvironment())).doesNotThrowAnyException();
    }

    @Test
    void anAdminPasswordThePolicyWouldRefuseStopsTheStart() {
        assertThatThrownBy(() -> check(new MockEnvironment().withProperty("camunda.bpm.admin-user.id", "admin")
                .withProperty("camunda.bpm.admin-user.password", "s3cret")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("at least 10 characters");
        assertThatThrownBy(() -> check(new MockEnvironment().withProperty("camunda.bpm.admin-user.id", "admin")
                .withProperty("camunda.bpm.admin-user.password", "Admin-2026-spring")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("admin's id");
    }

    private static void check(MockEnvironment environment) {
        InitialAdminPasswordCheck check = new InitialAdminPasswordCheck();
        check.setEnvironment(environment);
        check.postProcessBeanFactory(null);
    }
}

package dev.pactum.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code pactum.sso.*} as an operator writes it in application.yaml or the environment. */
class SsoPropertiesTest {

    @Test
    void offByDefault() {
        SsoProperties sso = bind(Map.of());

        assertThat(sso.enabled()).isFalse();
        assertThat(sso.userIdClaim()).isEqualTo("preferred_username");
        assertThat(sso.groupsClaim()).isEqualTo("groups");
        assertThat(sso.groupMapping()).isEmpty();
        assertThat(sso.endProviderSession()).isTrue();
    }

    @Test
    void providerGroupsWithAnyCharactersMapToOneOrSeveralPactumGroups() {
        SsoProperties sso = bind(Map.of(
                "pactum.sso.enabled", "true",
                "pactum.sso.issuer-uri", "https://sso.example.com/realms/company",
                "pactum.sso.client-id", "pactum",
                "pactum.sso.scopes", "profile",
                "pactum.sso.group-mapping[/Company/Sales Team]", "sales",
                "pactum.sso.group-mapping[5f0c1d2e-aaaa-bbbb-cccc-0123456789ab]", "legal,finance"));

        assertThat(sso.scopes()).as("openid is always asked for").containsExactly("openid", "profile");
        assertThat(sso.groupMapping()).containsEntry("/Company/Sales Team", List.of("sales"))
                .containsEntry("5f0c1d2e-aaaa-bbbb-cccc-0123456789ab", List.of("legal", "finance"));
    }

    @Test
    void switchedOnWithoutAProviderStopsStartUp() {
        assertThatThrownBy(() -> bind(Map.of("pactum.sso.enabled", "true", "pactum.sso.client-id", "pactum")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("pactum.sso.issuer-uri");
    }

    private static SsoProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("pactum.sso", SsoProperties.class);
    }
}

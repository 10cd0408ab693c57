package dev.pactum.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class KeyRotationModeTest {

    @Test
    void theRotationCommandRunsWithoutWebServerJobsOrDemoDataAndRotatesToTheActiveKey() {
        StandardEnvironment environment = environment(Map.of("pactum.documents.rotate-to", "k2"));
        SpringApplication application = new SpringApplication();

        new KeyRotationMode().postProcessEnvironment(environment, application);

        assertThat(application.getWebApplicationType()).isEqualTo(WebApplicationType.NONE);
        assertThat(environment.getProperty("camunda.bpm.job-execution.enabled")).isEqualTo("false");
        assertThat(environment.getProperty("pactum.demo-data.enabled")).isEqualTo("false");
        assertThat(environment.getProperty("pactum.documents.active-key")).isEqualTo("k2");
    }

    @Test
    void aConfiguredActiveKeyIsLeftForTheCommandToCompare() {
        StandardEnvironment environment = environment(Map.of("pactum.documents.rotate-to", "k2",
                "pactum.documents.active-key", "k1"));

        new KeyRotationMode().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("pactum.documents.active-key")).isEqualTo("k1");
    }

    @Test
    void theAppItselfIsLeftAlone() {
        StandardEnvironment environment = environment(Map.of());
        SpringApplication application = new SpringApplication();
        application.setWebApplicationType(WebApplicationType.SERVLET);

        new KeyRotationMode().postProcessEnvironment(environment, application);

        assertThat(application.getWebApplicationType()).isEqualTo(WebApplicationType.SERVLET);
        assertThat(environment.getPropertySources().contains("pactum-key-rotation")).isFalse();
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("given", properties));
        return environment;
    }
}

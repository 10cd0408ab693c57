package dev.pactum.config;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Which database a start gets: an external one when {@code spring.datasource.url} is set, the embedded one in a kept
 * folder or (tests) a temporary one; with none of these, start-up stops with one line saying what to set.
 */
class EmbeddedDatabaseConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Settings.class, EmbeddedDatabaseConfiguration.class);

    @EnableConfigurationProperties(PactumProperties.class)
    static class Settings {
    }

    @Test
    void withoutAnyDatabaseStartUpStopsAndSaysWhatToSet() {
        context.run(started -> {
            assertThat(started).hasFailed();
            Throwable failure = started.getStartupFailure();
            FailureAnalysis analysis = new NoDatabaseConfiguredFailureAnalyzer().analyze(failure);
            assertThat(analysis).isNotNull();
            assertThat(analysis.getDescription()).isEqualTo(NoDatabaseConfiguredException.MESSAGE)
                    .doesNotContain("\n").contains("SPRING_DATASOURCE_URL", "PACTUM_EMBEDDED_DATABASE_DATA_DIR");
        });
    }

    @Test
    void anExternalDatabaseStartsNoEmbeddedOne() {
        context.withPropertyValues("spring.datasource.url=jdbc:postgresql://db.example:5432/pactum")
                .run(started -> assertThat(started).hasNotFailed().doesNotHaveBean(DataSource.class));
    }

    @Test
    void theTestProfilesTemporaryClusterTakesThePoolSettings() {
        context.withPropertyValues("pactum.embedded-database.allow-temporary=true",
                        "spring.datasource.hikari.connection-timeout=2500", "spring.datasource.hikari.pool-name=probe")
                .run(started -> {
                    assertThat(started).hasNotFailed();
                    var pool = started.getBean(EmbeddedDatabaseConfiguration.EmbeddedPostgresDataSource.class);
                    assertThat(pool.getConnectionTimeout()).isEqualTo(2500);
                    assertThat(pool.getPoolName()).isEqualTo("probe");
                    assertThat(pool.getMaximumPoolSize()).isEqualTo(20);
                });
    }
}

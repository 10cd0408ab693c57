package dev.pactum.config;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real PostgreSQL inside the JVM when no {@code spring.datasource.url} is set: the one-command
 * developer run and the test suite use it; production points {@code SPRING_DATASOURCE_URL} elsewhere.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    /**
     * The pool and the server are one bean so the server stops only after the pool closes, which Spring
     * does after everything that uses the pool (the engine included) has shut down.
     */
    @Bean
    DataSource dataSource(PactumProperties properties) throws IOException {
        // Spring stops the server (see EmbeddedPostgresDataSource); zonky's own hook would race the engine's shutdown.
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setRegisterShutdownHook(false);
        PactumProperties.EmbeddedDatabase settings = properties.embeddedDatabase();
        if (settings.persistent()) {
            Files.createDirectories(settings.dataPath());
            builder.setDataDirectory(settings.dataPath()).setCleanDataDirectory(false);
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("Embedded PostgreSQL on port {} (data: {})", postgres.getPort(),
                settings.persistent() ? settings.dataPath().toAbsolutePath() : "temporary");
        return new EmbeddedPostgresDataSource(postgres);
    }

    static final class EmbeddedPostgresDataSource extends HikariDataSource {

        private final transient EmbeddedPostgres postgres;

        EmbeddedPostgresDataSource(EmbeddedPostgres postgres) {
            this.postgres = postgres;
            setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
            setUsername("postgres");
            setMaximumPoolSize(20);
        }

        @Override
        public void close() {
            super.close();
            try {
                postgres.close();
            } catch (IOException e) {
                log.warn("Embedded PostgreSQL did not stop cleanly", e);
            }
        }
    }
}

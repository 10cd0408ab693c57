package dev.pactum.config;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real PostgreSQL alongside the JVM when no {@code spring.datasource.url} is set: the one-command
 * developer run keeps it in a folder ({@code pactum.embedded-database.data-dir}, set by the dev profile), the test
 * suite runs a temporary one ({@code allow-temporary}, set by the test profile); production points
 * {@code SPRING_DATASOURCE_URL} elsewhere. With neither, start-up stops ({@link NoDatabaseConfiguredException}):
 * a server that quietly keeps contracts in a cluster deleted at shutdown would lose them.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public class EmbeddedDatabaseConfiguration {

    /**
     * The pool and the server are one bean so the server stops only after the pool closes, which Spring
     * does after everything that uses the pool (the engine included) has shut down. The pool takes
     * {@code spring.datasource.hikari.*} like the one Spring Boot makes for an external database.
     */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    DataSource dataSource(PactumProperties properties) throws IOException {
        PactumProperties.EmbeddedDatabase settings = properties.embeddedDatabase();
        if (!settings.persistent() && !settings.allowTemporary()) {
            throw new NoDatabaseConfiguredException();
        }
        return new EmbeddedPostgresDataSource(EmbeddedPostgresServer.start(settings));
    }

    static final class EmbeddedPostgresDataSource extends HikariDataSource {

        private final transient EmbeddedPostgresServer server;

        EmbeddedPostgresDataSource(EmbeddedPostgresServer server) {
            this.server = server;
            setJdbcUrl(server.jdbcUrl());
            setUsername("postgres");
            setMaximumPoolSize(20);
        }

        @Override
        public void close() {
            super.close();
            server.close();
        }
    }
}

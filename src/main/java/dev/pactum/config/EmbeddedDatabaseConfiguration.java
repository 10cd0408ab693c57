package dev.pactum.config;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real PostgreSQL alongside the JVM when no {@code spring.datasource.url} is set: the one-command
 * developer run and the test suite use it; production points {@code SPRING_DATASOURCE_URL} elsewhere.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public class EmbeddedDatabaseConfiguration {

    /**
     * The pool and the server are one bean so the server stops only after the pool closes, which Spring
     * does after everything that uses the pool (the engine included) has shut down.
     */
    @Bean
    DataSource dataSource(PactumProperties properties) throws IOException {
        return new EmbeddedPostgresDataSource(EmbeddedPostgresServer.start(properties.embeddedDatabase()));
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

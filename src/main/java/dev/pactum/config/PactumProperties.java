package dev.pactum.config;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Pactum's own settings (prefix {@code pactum}); every one is documented in README.
 *
 * @param zone            the company's time zone: contract dates and numbering years are read in it
 * @param companyName     the seller named in rendered contracts
 * @param baseUrl         the public address, used in links (forms, notifications)
 * @param exchangeRates   CNY per one unit of each accepted currency; a currency missing here is refused
 * @param embeddedDatabase where the embedded PostgreSQL keeps its data when no external one is configured
 * @param demoData        demo data for a first look
 */
@ConfigurationProperties(prefix = "pactum")
public record PactumProperties(
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue("Pactum 演示有限公司") String companyName,
        @DefaultValue("http://localhost:8080") String baseUrl,
        Map<String, BigDecimal> exchangeRates,
        @DefaultValue EmbeddedDatabase embeddedDatabase,
        @DefaultValue DemoData demoData) {

    /** @param enabled load demo users, groups, customers and contracts once (the dev profile turns it on) */
    public record DemoData(@DefaultValue("false") boolean enabled) {
    }

    /**
     * @param dataDir        folder that holds the cluster between runs; empty means a fresh temporary cluster
     * @param allowTemporary whether a temporary cluster may serve when neither {@code spring.datasource.url} nor
     *                       {@code dataDir} is set (the test profile); otherwise start-up stops and says so, rather
     *                       than run on a database that is thrown away at shutdown
     */
    public record EmbeddedDatabase(@DefaultValue("") String dataDir, @DefaultValue("false") boolean allowTemporary) {

        public boolean persistent() {
            return !dataDir.isBlank();
        }

        public Path dataPath() {
            return Path.of(dataDir);
        }
    }
}

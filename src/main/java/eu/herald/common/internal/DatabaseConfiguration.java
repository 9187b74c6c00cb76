package eu.herald.common.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import eu.herald.common.HeraldProperties;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.SpringApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One data source, PostgreSQL in both modes: the external one named by {@code HERALD_DB_URL}, or an embedded
 * PostgreSQL whose data lives in {@code HERALD_DATA_DIR/postgres} and so survives a restart.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    /** One embedded server per data folder and JVM, so test contexts that share a folder share the server. */
    private static final Map<Path, EmbeddedPostgres> EMBEDDED = new ConcurrentHashMap<>();

    @Bean
    HikariDataSource dataSource(HeraldProperties properties) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("herald");
        config.setMaximumPoolSize(20);
        HeraldProperties.Db db = properties.db();
        if (db.external()) {
            config.setJdbcUrl(db.url());
            config.setUsername(db.user());
            config.setPassword(db.password());
        } else {
            EmbeddedPostgres postgres = embedded(properties.dataDir().resolve("postgres"), db.embeddedPort());
            config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
            config.setUsername("postgres");
        }
        return new HikariDataSource(config);
    }

    static EmbeddedPostgres embedded(Path dataDirectory, int port) {
        return EMBEDDED.computeIfAbsent(dataDirectory.toAbsolutePath().normalize(), dir -> {
            try {
                Files.createDirectories(dir);
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                        .setDataDirectory(dir)
                        .setCleanDataDirectory(false)
                        .setRegisterShutdownHook(false)
                        .setServerConfig("max_connections", "200");
                if (port > 0) {
                    builder.setPort(port);
                }
                EmbeddedPostgres postgres = builder.start();
                // Stopped after every application context has closed. A JVM shutdown hook of its own (Herald's or
                // zonky's) would race with Spring's, and a bean using the database while the context closes (Spring
                // Modulith's event registry does) would then wait out the pool's 30-second connection timeout.
                SpringApplication.getShutdownHandlers().add(() -> close(postgres));
                return postgres;
            } catch (IOException e) {
                throw new UncheckedIOException("The embedded PostgreSQL could not start in " + dir, e);
            }
        });
    }

    private static void close(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            // The JVM is going down; PostgreSQL stops with it at the latest when its parent is gone.
        }
    }
}

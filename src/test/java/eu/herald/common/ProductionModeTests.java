package eu.herald.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.herald.HeraldApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * With HERALD_DB_URL Herald is in production mode: it uses that PostgreSQL, migrates it, seeds nothing, and will not
 * start without a secret key and a public base URL.
 */
class ProductionModeTests {

    static final String SECRET = "a-production-secret-of-at-least-32-characters";

    @Test
    void refusesToStartWithoutSecretKeyOrBaseUrl() {
        HeraldProperties.Db external =
                new HeraldProperties.Db("jdbc:postgresql://db.example/herald", "herald", "pw", 0);
        HeraldProperties.Demo demo = new HeraldProperties.Demo(null, null);
        assertThatThrownBy(
                        () -> new HeraldProperties(external, null, URI.create("https://h.example"), Path.of("d"), demo))
                .hasMessageContaining("HERALD_SECRET_KEY must be set");
        assertThatThrownBy(() -> new HeraldProperties(external, SECRET, null, Path.of("d"), demo))
                .hasMessageContaining("HERALD_BASE_URL must be set");
        assertThatThrownBy(() -> new HeraldProperties(
                        external, "too-short", URI.create("https://h.example"), Path.of("d"), demo))
                .hasMessageContaining("too short");
        assertThat(new HeraldProperties(external, SECRET, URI.create("https://h.example"), Path.of("d"), demo)
                        .demoMode())
                .isFalse();
        assertThat(new HeraldProperties(null, null, null, Path.of("d"), null).demoMode())
                .isTrue();
    }

    @Test
    void migratesTheGivenDatabaseAndSeedsNothing() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "external-db-");
        try (EmbeddedPostgres external = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(true)
                .start()) {
            try (ConfigurableApplicationContext herald = new SpringApplicationBuilder(HeraldApplication.class)
                    .properties(
                            "server.port=0",
                            "herald.db.url=" + external.getJdbcUrl("postgres", "postgres"),
                            "herald.db.user=postgres",
                            "herald.db.password=",
                            "herald.secret-key=" + SECRET,
                            "herald.base-url=https://herald.example.be",
                            "herald.data-dir=" + dir.resolve("unused"))
                    .run()) {
                JdbcClient jdbc = JdbcClient.create(external.getPostgresDatabase());
                assertThat(jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE success")
                                .query(Long.class)
                                .single())
                        .isGreaterThanOrEqualTo(3);
                assertThat(jdbc.sql("SELECT count(*) FROM accounts.organisation")
                                .query(Long.class)
                                .single())
                        .isZero();
                assertThat(jdbc.sql("SELECT count(*) FROM accounts.app_user")
                                .query(Long.class)
                                .single())
                        .isZero();
                assertThat(Files.exists(dir.resolve("unused")))
                        .as("no embedded database, no demo files")
                        .isFalse();
                String port = herald.getEnvironment().getProperty("local.server.port");
                HttpResponse<String> health = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(
                                                URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).isEqualTo(200);
                assertThat(health.body()).contains("UP");
            }
        }
    }
}

package eu.herald.guardrails.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The edit counter every node compares with the one its compiled knowledge was built from. */
@Repository
class Generations {

    private final JdbcClient jdbc;

    Generations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long current() {
        return jdbc.sql("SELECT value FROM guardrails.generation")
                .query(Long.class)
                .single();
    }

    void bump() {
        jdbc.sql("UPDATE guardrails.generation SET value = value + 1").update();
    }
}

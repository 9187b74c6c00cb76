package eu.herald.inbox.domain;

import eu.herald.common.Channel;
import eu.herald.common.Language;
import eu.herald.inbox.Category;
import eu.herald.inbox.Corrections;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@link Corrections} from the table {@code inbox.correction}. */
@Component
class CorrectionStore implements Corrections {

    private final JdbcClient jdbc;

    CorrectionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Correction> since(Instant after, int limit) {
        return jdbc.sql("SELECT * FROM inbox.correction WHERE corrected_at > ? ORDER BY corrected_at LIMIT ?")
                .params(Timestamp.from(after), limit)
                .query((rs, n) -> new Correction(
                        rs.getObject("id", UUID.class),
                        rs.getString("text"),
                        Channel.valueOf(rs.getString("channel")),
                        Language.fromCode(rs.getString("language")).orElse(Language.EN),
                        Category.valueOf(rs.getString("from_category")),
                        Category.valueOf(rs.getString("to_category")),
                        rs.getInt("model_version"),
                        rs.getTimestamp("corrected_at").toInstant()))
                .list();
    }
}

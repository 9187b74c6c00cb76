package eu.herald.accounts.domain;

import eu.herald.accounts.Logo;
import eu.herald.accounts.OrganisationId;
import eu.herald.common.ImageFiles;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The organisations' logos. */
@Repository
class Logos {

    private final JdbcClient jdbc;

    Logos(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Logo> find(OrganisationId organisation) {
        return jdbc.sql("SELECT file_name, content_type, content, width, height FROM accounts.organisation_logo"
                        + " WHERE organisation_id = ?")
                .param(organisation.value())
                .query((rs, n) -> new Logo(
                        rs.getString("file_name"),
                        rs.getString("content_type"),
                        rs.getBytes("content"),
                        rs.getInt("width"),
                        rs.getInt("height")))
                .optional();
    }

    /** Stores the logo, replacing the one there was. */
    void save(OrganisationId organisation, ImageFiles.Image image, @Nullable UUID by) {
        jdbc.sql("INSERT INTO accounts.organisation_logo (organisation_id, file_name, content_type, size_bytes, sha256,"
                        + " width, height, content, uploaded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (organisation_id) DO UPDATE SET file_name = EXCLUDED.file_name,"
                        + " content_type = EXCLUDED.content_type, size_bytes = EXCLUDED.size_bytes,"
                        + " sha256 = EXCLUDED.sha256, width = EXCLUDED.width, height = EXCLUDED.height,"
                        + " content = EXCLUDED.content, uploaded_by = EXCLUDED.uploaded_by, uploaded_at = now()")
                .params(
                        organisation.value(),
                        image.fileName(),
                        image.contentType(),
                        image.content().length,
                        image.sha256(),
                        image.width(),
                        image.height(),
                        image.content(),
                        by)
                .update();
    }

    boolean remove(OrganisationId organisation) {
        return jdbc.sql("DELETE FROM accounts.organisation_logo WHERE organisation_id = ?")
                        .param(organisation.value())
                        .update()
                == 1;
    }
}

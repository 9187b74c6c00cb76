package eu.herald.inbox.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.herald.HeraldTest;
import eu.herald.SignIn;
import eu.herald.common.Secrets;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The inbox's secrets (the organisation's webhook key and the dispatch room's) on the real database: sealed with
 * AES-256-GCM and bound to their organisation and purpose, old plain rows sealed when read, and a value that does not
 * open refused on the signed webhook and shown as to be renewed on the settings page.
 */
@HeraldTest
class SealedSettingsTests {

    @Autowired
    SettingsStore store;

    @Autowired
    Secrets secrets;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    record Stored(String webhookPlain, byte[] webhookSealed, String dispatchPlain, byte[] dispatchSealed) {}

    Stored stored(UUID organisation) {
        return jdbc.sql("SELECT webhook_secret, webhook_secret_sealed, dispatch_webhook_secret,"
                        + " dispatch_webhook_secret_sealed FROM inbox.organisation_settings WHERE organisation_id = ?")
                .param(organisation)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getBytes(2), rs.getString(3), rs.getBytes(4)))
                .single();
    }

    String open(byte[] sealed, String context) {
        return new String(secrets.open(sealed, context), StandardCharsets.UTF_8);
    }

    @Test
    void savedSettingsKeepBothSecretsSealedAndBoundToTheirOrganisationAndPurpose() {
        UUID organisation = UUID.randomUUID();
        Settings made = store.of(organisation);
        assertThat(made.webhookSecret()).isNotBlank();
        Stored first = stored(organisation);
        assertThat(first.webhookPlain()).isNull();
        assertThat(open(first.webhookSealed(), "inbox.webhook:" + organisation)).isEqualTo(made.webhookSecret());

        String dispatch = "dispatch-" + UUID.randomUUID();
        store.save(new Settings(
                organisation,
                "112",
                null,
                "https://dispatch.example/alerts",
                dispatch,
                null,
                made.webhookSecret(),
                null,
                false,
                false));

        Stored saved = stored(organisation);
        assertThat(saved.webhookPlain()).isNull();
        assertThat(saved.dispatchPlain()).isNull();
        assertThat(new String(saved.dispatchSealed(), StandardCharsets.ISO_8859_1))
                .doesNotContain(dispatch);
        assertThat(open(saved.webhookSealed(), "inbox.webhook:" + organisation)).isEqualTo(made.webhookSecret());
        assertThat(open(saved.dispatchSealed(), "inbox.dispatch:" + organisation))
                .isEqualTo(dispatch);
        // bound to the purpose and the organisation
        assertThatThrownBy(() -> secrets.open(saved.dispatchSealed(), "inbox.webhook:" + organisation))
                .isInstanceOf(Secrets.TamperedException.class);
        assertThatThrownBy(() -> secrets.open(saved.dispatchSealed(), "inbox.dispatch:" + UUID.randomUUID()))
                .isInstanceOf(Secrets.TamperedException.class);
        Settings read = store.of(organisation);
        assertThat(read.dispatchSecret()).isEqualTo(dispatch);
        assertThat(read.webhookSecret()).isEqualTo(made.webhookSecret());
        assertThat(read.toString()).doesNotContain(dispatch).doesNotContain(made.webhookSecret());
        assertThat(jdbc.sql("SELECT count(*) FROM inbox.organisation_settings WHERE organisation_id = ?"
                                + " AND (webhook_secret IS NOT NULL OR dispatch_webhook_secret IS NOT NULL)")
                        .param(organisation)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void anOldRowWithPlainSecretsIsSealedWhenRead() {
        UUID organisation = UUID.randomUUID();
        String webhook = "old-webhook-" + UUID.randomUUID();
        String dispatch = "old-dispatch-" + UUID.randomUUID();
        jdbc.sql("INSERT INTO inbox.organisation_settings (organisation_id, webhook_secret, dispatch_webhook_url,"
                        + " dispatch_webhook_secret) VALUES (?, ?, 'https://dispatch.example/alerts', ?)")
                .params(organisation, webhook, dispatch)
                .update();

        Settings read = store.of(organisation);

        assertThat(read.webhookSecret()).isEqualTo(webhook);
        assertThat(read.dispatchSecret()).isEqualTo(dispatch);
        assertThat(read.webhookSecretUnreadable()).isFalse();
        Stored after = stored(organisation);
        assertThat(after.webhookPlain()).isNull();
        assertThat(after.dispatchPlain()).isNull();
        assertThat(open(after.webhookSealed(), "inbox.webhook:" + organisation)).isEqualTo(webhook);
        assertThat(open(after.dispatchSealed(), "inbox.dispatch:" + organisation))
                .isEqualTo(dispatch);
    }

    @Test
    void theSweepSealsOldRowsNobodyReads() {
        UUID organisation = UUID.randomUUID();
        String webhook = "old-webhook-" + UUID.randomUUID();
        jdbc.sql("INSERT INTO inbox.organisation_settings (organisation_id, webhook_secret) VALUES (?, ?)")
                .params(organisation, webhook)
                .update();

        store.sealAllPlain();

        Stored after = stored(organisation);
        assertThat(after.webhookPlain()).isNull();
        assertThat(open(after.webhookSealed(), "inbox.webhook:" + organisation)).isEqualTo(webhook);
        assertThat(after.dispatchSealed()).isNull();
        assertThat(jdbc.sql("SELECT count(*) FROM inbox.organisation_settings"
                                + " WHERE webhook_secret IS NOT NULL OR dispatch_webhook_secret IS NOT NULL")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aSealedValueCopiedOntoAnotherOrganisationDoesNotOpen() {
        UUID owner = UUID.randomUUID();
        store.of(owner);
        UUID other = UUID.randomUUID();
        jdbc.sql(
                        "INSERT INTO inbox.organisation_settings (organisation_id, webhook_secret_sealed, dispatch_webhook_url,"
                                + " dispatch_webhook_secret_sealed) SELECT ?, webhook_secret_sealed,"
                                + " 'https://dispatch.example/alerts', webhook_secret_sealed FROM inbox.organisation_settings"
                                + " WHERE organisation_id = ?")
                .params(other, owner)
                .update();

        Settings read = store.of(other);

        assertThat(read.webhookSecret()).isNull();
        assertThat(read.webhookSecretUnreadable()).isTrue();
        assertThat(read.dispatchSecret()).isNull();
        assertThat(read.dispatchSecretUnreadable()).isTrue();
        // saving other settings keeps the unreadable values as they are (still to be renewed), never a plain one
        store.save(new Settings(other, "112", null, null, null, null, null, null, true, true));
        Settings again = store.of(other);
        assertThat(again.webhookSecretUnreadable()).isTrue();
        assertThat(again.dispatchSecretUnreadable()).isTrue();
        assertThat(stored(other).webhookPlain()).isNull();
    }

    private int generic(UUID organisation, String secret) throws Exception {
        String body = "{\"id\":\"sealed-" + UUID.randomUUID() + "\",\"author\":\"an\",\"text\":\"Is het loket open?\"}";
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        return mvc.perform(post("/api/v1/inbox/webhooks/organisations/" + organisation)
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("X-Herald-Timestamp", timestamp)
                        .header(
                                "X-Herald-Signature",
                                Signatures.sign(
                                        secret,
                                        Signatures.genericPayload(timestamp, body.getBytes(StandardCharsets.UTF_8))))
                        .content(body))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    @Test
    void aTamperedSecretFailsClosedOnTheWebhookAndIsToBeRenewedOnTheSettingsPage() throws Exception {
        UUID organisation = jdbc.sql("SELECT id FROM accounts.organisation WHERE kind = 'MUNICIPALITY'"
                        + " AND concat(name_nl, name_fr, name_de, name_en) ILIKE '%Ixelles%' LIMIT 1")
                .query(UUID.class)
                .single();
        String secret = store.of(organisation).webhookSecret();
        assertThat(secret).isNotNull();
        assertThat(generic(organisation, secret)).isEqualTo(200);

        // one bit changed in the stored ciphertext
        jdbc.sql("UPDATE inbox.organisation_settings SET webhook_secret_sealed = set_byte(webhook_secret_sealed, 20,"
                        + " get_byte(webhook_secret_sealed, 20) # 1) WHERE organisation_id = ?")
                .param(organisation)
                .update();

        // within the store's few seconds of caching the changed value is read: refused, never a server error
        List<Integer> answers = new ArrayList<>();
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    int status = generic(organisation, secret);
                    answers.add(status);
                    return status == 403;
                });
        assertThat(answers).allMatch(s -> s == 200 || s == 403);
        assertThat(generic(organisation, secret)).isEqualTo(403);

        Cookie admin = SignIn.as(mvc, "admin@herald.test");
        String page = mvc.perform(get("/inbox/settings")
                        .param("organisation", organisation.toString())
                        .cookie(admin))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("govuk-warning-text").doesNotContain(secret);

        // renewed on the page: shown again, and the webhook takes the new one
        mvc.perform(post("/inbox/settings")
                        .with(csrf())
                        .cookie(admin)
                        .param("organisation", organisation.toString())
                        .param("emergencyNumber", "112")
                        .param("renewSecret", "true"))
                .andExpect(status().is3xxRedirection());
        Settings renewed = store.of(organisation);
        assertThat(renewed.webhookSecretUnreadable()).isFalse();
        assertThat(renewed.webhookSecret()).isNotNull().isNotEqualTo(secret);
        assertThat(mvc.perform(get("/inbox/settings")
                                .param("organisation", organisation.toString())
                                .cookie(admin))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains(renewed.webhookSecret())
                .doesNotContain("govuk-warning-text");
        assertThat(generic(organisation, renewed.webhookSecret())).isEqualTo(200);
        assertThat(stored(organisation).webhookPlain()).isNull();
    }
}

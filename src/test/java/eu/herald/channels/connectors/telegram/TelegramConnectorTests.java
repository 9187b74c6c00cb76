package eu.herald.channels.connectors.telegram;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import eu.herald.channels.ChannelType;
import eu.herald.channels.ConnectorException;
import eu.herald.channels.Post;
import eu.herald.channels.PostMetrics;
import eu.herald.channels.Reaction;
import eu.herald.channels.ReactionPage;
import eu.herald.channels.connectors.ConnectedAccount;
import eu.herald.channels.connectors.Connector;
import eu.herald.channels.connectors.support.ConnectorContract;
import eu.herald.common.Language;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Telegram connector against a fake Bot API built from Telegram's published reference:
 *
 * <ul>
 *   <li>https://core.telegram.org/bots/api#making-requests (the {@code /bot<token>/<method>} form, answers
 *       {"ok", "result"} or {"ok": false, "error_code", "description", "parameters"})
 *   <li>https://core.telegram.org/bots/api#responseparameters ({@code retry_after} on 429)
 *   <li>https://core.telegram.org/bots/api#sendmessage, #sendphoto, #deletemessage, #getupdates, #replyparameters,
 *       #getme
 *   <li>https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this (flood limits)
 *   <li>https://core.telegram.org/api/discussion (comments in a channel's linked discussion group)
 * </ul>
 */
class TelegramConnectorTests extends ConnectorContract {

    private static final String TOKEN = "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11";
    private static final String BOT = "/bot" + TOKEN;

    @Override
    protected Connector connector() {
        return new TelegramConnector(new TelegramProperties(URI.create(baseUrl()), CONNECT_TIMEOUT, READ_TIMEOUT));
    }

    @Override
    protected ConnectedAccount account() {
        return account(ChannelType.TELEGRAM, Map.of("chatId", "@politiegent"), Map.of("botToken", TOKEN));
    }

    @Override
    protected void stubPublish(ResponseDefinitionBuilder answer) {
        platform.stubFor(post(urlEqualTo(BOT + "/sendMessage")).willReturn(answer));
    }

    @Override
    protected ResponseDefinitionBuilder published() {
        return okJson("{\"ok\":true,\"result\":{\"message_id\":42,\"sender_chat\":{\"id\":-1001234567890,"
                + "\"title\":\"Politie Gent\",\"username\":\"politiegent\",\"type\":\"channel\"},\"chat\":{\"id\":"
                + "-1001234567890,\"title\":\"Politie Gent\",\"username\":\"politiegent\",\"type\":\"channel\"},"
                + "\"date\":1795914000,\"text\":\"Fietsdiefstal?\"}}");
    }

    @Override
    protected String expectedExternalId() {
        return "-1001234567890:42";
    }

    @Override
    protected void verifyPublishRequest(Post post) {
        platform.verify(postRequestedFor(urlEqualTo(BOT + "/sendMessage"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"chat_id\":\"@politiegent\",\"text\":\"" + post.text() + "\"}")));
    }

    @Override
    protected void stubLookupFinding(Post post) {
        throw new AssertionError("Telegram cannot look a post up: find must not ask");
    }

    @Override
    protected ResponseDefinitionBuilder serverError() {
        return json(502, "{\"ok\":false,\"error_code\":502,\"description\":\"Bad Gateway\"}");
    }

    @Override
    protected ResponseDefinitionBuilder rateLimited() {
        return json(
                429,
                "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 35\","
                        + "\"parameters\":{\"retry_after\":35}}");
    }

    @Override
    protected Duration announcedWait() {
        return Duration.ofSeconds(35);
    }

    @Override
    protected void stubRevokedCredentials() {
        stubPublish(json(401, "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}"));
    }

    @Override
    protected String revokedExplanation() {
        return "Unauthorized";
    }

    @Override
    protected ResponseDefinitionBuilder validationError() {
        return json(400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: message text is empty\"}");
    }

    @Override
    protected String validationExplanation() {
        return "Bad Request: message text is empty";
    }

    // ---- Telegram's own rules ----

    @Test
    void saysItCannotLookPostsUpSoAnUnknownOutcomeMustNotBeRetried() {
        assertThat(connector().canLookUp()).isFalse();
        assertThat(connector().find(account(), samplePost())).isEmpty();
        assertThat(platform.getAllServeEvents()).isEmpty();
    }

    @Test
    void aBotKickedFromTheChannelMustBeReconnected() {
        stubPublish(
                json(
                        403,
                        "{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was kicked from the channel chat\"}"));
        assertThatThrownBy(() -> connector().publish(account(), samplePost()))
                .isInstanceOfSatisfying(ConnectorException.Permanent.class, e -> {
                    assertThat(e.credentialsRejected()).isTrue();
                    assertThat(e.explanation()).isEqualTo("Forbidden: bot was kicked from the channel chat");
                });
    }

    @Test
    void sendsAnImageWithTheTextAsCaption() {
        platform.stubFor(post(urlEqualTo(BOT + "/sendPhoto")).willReturn(published()));
        Post post = new Post(
                "delivery-img",
                "Sluit je fiets altijd aan een vast punt.",
                Language.NL,
                null,
                null,
                List.of(new Post.Attachment("fiets.png", "image/png", new byte[] {1, 2, 3}, "Een fiets")),
                Map.of());

        assertThat(connector().publish(account(), post).url()).isEqualTo("https://t.me/politiegent/42");

        platform.verify(postRequestedFor(urlEqualTo(BOT + "/sendPhoto"))
                .withAnyRequestBodyPart(aMultipart("chat_id").withBody(equalTo("@politiegent")))
                .withAnyRequestBodyPart(
                        aMultipart("caption").withBody(equalTo("Sluit je fiets altijd aan een vast punt.")))
                .withAnyRequestBodyPart(aMultipart("photo").withHeader("Content-Type", equalTo("image/png"))));
    }

    @Test
    void refusesACaptionOverTelegramsLimitBeforeCalling() {
        Post post = new Post(
                "d",
                "a".repeat(1025),
                Language.NL,
                null,
                null,
                List.of(new Post.Attachment("f.png", "image/png", new byte[] {1}, "alt")),
                Map.of());
        assertThatThrownBy(() -> connector().publish(account(), post)).isInstanceOf(ConnectorException.Permanent.class);
        assertThat(platform.getAllServeEvents()).isEmpty();
    }

    @Test
    void readsCommentsAndDirectMessagesFromUpdatesAndAdvancesTheOffset() {
        platform.stubFor(post(urlEqualTo(BOT + "/getUpdates"))
                .withRequestBody(equalToJson(
                        "{\"offset\":700,\"timeout\":0,\"limit\":100," + "\"allowed_updates\":[\"message\"]}"))
                .willReturn(okJson("""
                        {"ok":true,"result":[
                         {"update_id":700,"message":{"message_id":10,"is_automatic_forward":true,
                           "chat":{"id":-100999,"title":"Politie Gent chat","type":"supergroup"},"date":1795914000,
                           "text":"Fietsdiefstal?","forward_origin":{"type":"channel",
                           "chat":{"id":-1001234567890,"type":"channel"},"message_id":42,"date":1795914000}}},
                         {"update_id":701,"message":{"message_id":11,"from":{"id":5,"is_bot":false,
                           "first_name":"An","username":"an_gent"},"chat":{"id":-100999,"type":"supergroup"},
                           "date":1795914060,"text":"Waar registreer ik?","reply_to_message":{"message_id":10,
                           "is_automatic_forward":true,"chat":{"id":-100999,"type":"supergroup"},"date":1795914000,
                           "forward_origin":{"type":"channel","chat":{"id":-1001234567890,"type":"channel"},
                           "message_id":42,"date":1795914000}}}},
                         {"update_id":702,"message":{"message_id":3,"from":{"id":6,"is_bot":false,"first_name":"Bo"},
                           "chat":{"id":6,"first_name":"Bo","type":"private"},"date":1795914100,"text":"Hallo"}}]}""")));
        platform.stubFor(post(urlEqualTo(BOT + "/sendMessage")).willReturn(published()));

        ReactionPage page = connector().reactions(account(), "700");
        connector().reply(account(), page.reactions().getFirst(), "Op fietsregistratie.be", "reply-1");

        assertThat(page.nextCursor()).isEqualTo("703");
        assertThat(page.reactions())
                .extracting(Reaction::externalId, Reaction::kind, Reaction::inReplyTo, Reaction::authorHandle)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "-100999:11", Reaction.Kind.COMMENT, "-1001234567890:42", "@an_gent"),
                        org.assertj.core.groups.Tuple.tuple("6:3", Reaction.Kind.DIRECT_MESSAGE, null, "Bo"));
        assertThat(page.reactions().getFirst().at()).isEqualTo(Instant.ofEpochSecond(1795914060));
        platform.verify(postRequestedFor(urlEqualTo(BOT + "/sendMessage"))
                .withRequestBody(equalToJson("{\"chat_id\":\"-100999\",\"text\":\"Op fietsregistratie.be\","
                        + "\"reply_parameters\":{\"message_id\":11}}")));
    }

    @Test
    void deletesByChatAndMessageIdCannotHideAndHasNoMetrics() {
        platform.stubFor(post(urlEqualTo(BOT + "/deleteMessage")).willReturn(okJson("{\"ok\":true,\"result\":true}")));
        connector().remove(account(), expectedExternalId());
        platform.verify(postRequestedFor(urlEqualTo(BOT + "/deleteMessage"))
                .withRequestBody(equalToJson("{\"chat_id\":\"-1001234567890\",\"message_id\":42}")));
        assertThat(connector().hide(account(), "-100999:11")).isFalse();
        PostMetrics metrics = connector().metrics(account(), expectedExternalId());
        assertThat(metrics.impressions()).isNull();
        assertThat(metrics.likes()).isNull();
        assertThatThrownBy(() -> connector().search(account(), "fiets"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}

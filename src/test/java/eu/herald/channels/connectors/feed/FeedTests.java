package eu.herald.channels.connectors.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import eu.herald.HeraldTest;
import eu.herald.accounts.People;
import eu.herald.channels.ChannelAccountId;
import eu.herald.channels.ChannelGateway;
import eu.herald.channels.ChannelTestSupport;
import eu.herald.channels.ChannelType;
import eu.herald.channels.Post;
import eu.herald.channels.Published;
import eu.herald.channels.domain.ChannelAccountService;
import eu.herald.common.Language;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The public feeds, read back with Rome as a feed reader would: Atom and RSS 2.0, filtered by theme and audience,
 * texts escaped and returned exactly, only what is published, and conditional requests.
 */
@HeraldTest
class FeedTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ChannelGateway gateway;

    @Autowired
    ChannelAccountService service;

    @Autowired
    People people;

    @Autowired
    JdbcClient jdbc;

    ChannelAccountId account;
    UUID organisation;
    String theme;

    @BeforeEach
    void connect() {
        ChannelTestSupport.actAs(people, "communicator@herald.test");
        organisation = ChannelTestSupport.ixelles(jdbc).value();
        account = service.connect(
                        ChannelTestSupport.ixelles(jdbc), ChannelType.FEED, "Feed " + UUID.randomUUID(), Map.of())
                .id();
        ChannelTestSupport.signOut();
        theme = "burglary-" + UUID.randomUUID();
    }

    @AfterEach
    void signOut() {
        ChannelTestSupport.signOut();
    }

    Post post(String key, String title, String text, String audiences) {
        return new Post(
                key,
                text,
                Language.FR,
                title,
                "https://www.ixelles.example/prevention?a=1&b=2",
                List.of(),
                Map.of("theme", theme, "audiences", audiences));
    }

    SyndFeed read(String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path)).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return new SyndFeedInput().build(new StringReader(response.getContentAsString()));
    }

    @Test
    void anAtomFeedReaderReadsWhatWasPublishedExactly() throws Exception {
        String tricky = "Fermez <b>la porte</b> & les fenêtres <script>alert('x')</script> — « merci »";
        Published published = gateway.publish(account, post("feed-1", "Porte & fenêtre <fermées>", tricky, "seniors"));
        gateway.publish(account, post("feed-1", "Porte & fenêtre <fermées>", tricky, "seniors"));

        MockHttpServletResponse response = mvc.perform(get("/feeds/" + organisation + ".atom?theme=" + theme))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("application/atom+xml");
        assertThat(response.getContentAsString()).doesNotContain("<script>");
        SyndFeed feed = new SyndFeedInput().build(new StringReader(response.getContentAsString()));

        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getEntries()).singleElement().satisfies(entry -> {
            assertThat(entry.getTitle()).isEqualTo("Porte & fenêtre <fermées>");
            assertThat(text(entry)).isEqualTo(tricky);
            assertThat(entry.getLink()).isEqualTo("https://www.ixelles.example/prevention?a=1&b=2");
            assertThat(entry.getUri()).isEqualTo("urn:uuid:" + published.externalId());
            assertThat(entry.getCategories())
                    .extracting(SyndCategory::getName)
                    .contains("theme:" + theme, "audience:seniors", "language:fr");
        });
    }

    @Test
    void rssAndFiltersByThemeAndAudience() throws Exception {
        gateway.publish(account, post("feed-2", "Pour les aînés", "Texte un", "seniors"));
        gateway.publish(account, post("feed-3", "Pour les commerçants", "Texte deux", "shopkeepers,seniors-not"));

        SyndFeed rss = read("/feeds/" + organisation + ".rss?theme=" + theme);
        assertThat(rss.getFeedType()).isEqualTo("rss_2.0");
        assertThat(rss.getEntries())
                .extracting(SyndEntry::getTitle)
                .containsExactlyInAnyOrder("Pour les aînés", "Pour les commerçants");
        assertThat(read("/feeds/" + organisation + ".atom?theme=" + theme + "&audience=seniors")
                        .getEntries())
                .extracting(SyndEntry::getTitle)
                .containsExactly("Pour les aînés");
        assertThat(read("/feeds/" + organisation + ".atom?theme=other-" + theme).getEntries())
                .isEmpty();
    }

    @Test
    void aRemovedEntryLeavesTheFeedAndConditionalRequestsAnswer304() throws Exception {
        Published published = gateway.publish(account, post("feed-4", "Retiré", "Texte", "seniors"));
        MockHttpServletResponse first = mvc.perform(get("/feeds/" + organisation + ".atom?theme=" + theme))
                .andReturn()
                .getResponse();
        String etag = first.getHeader("ETag");
        assertThat(etag).isNotBlank();
        assertThat(first.getHeader("Last-Modified")).isNotBlank();
        assertThat(mvc.perform(get("/feeds/" + organisation + ".atom?theme=" + theme)
                                .header("If-None-Match", etag))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(304);

        gateway.remove(account, published.externalId());

        assertThat(read("/feeds/" + organisation + ".atom?theme=" + theme).getEntries())
                .isEmpty();
        assertThat(mvc.perform(get("/feeds/" + organisation + ".atom?theme=" + theme)
                                .header("If-None-Match", etag))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
    }

    @Test
    void organisationsWithoutAFeedAndUnknownOnesAre404() throws Exception {
        UUID federal = ChannelTestSupport.federal(jdbc).value();
        assertThat(mvc.perform(get("/feeds/" + federal + ".atom"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(get("/feeds/" + UUID.randomUUID() + ".rss"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(get("/feeds/not-a-uuid.rss"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    private static String text(SyndEntry entry) {
        if (entry.getDescription() != null) {
            return entry.getDescription().getValue();
        }
        return entry.getContents().getFirst().getValue();
    }
}

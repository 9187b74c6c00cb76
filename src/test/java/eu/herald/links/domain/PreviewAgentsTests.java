package eu.herald.links.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PreviewAgentsTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
                "Facebot",
                "Twitterbot/1.0",
                "Mastodon/4.3.0 (http.rb/5.2.0; +https://mastodon.social/) Bot",
                "Mozilla/5.0 (compatible; Bluesky Cardyb/1.1; +mailto:support@bsky.app)",
                "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
                "WhatsApp/2.23.20.0 A",
                "TelegramBot (like TwitterBot)",
                "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
                "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
                "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)",
                "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)",
                "curl/8.5.0"
            })
    void recognisesPreviewFetchersAndBots(String userAgent) {
        assertThat(PreviewAgents.isPreview(userAgent)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko)"
                        + " Version/17.5 Mobile/15E148 Safari/604.1",
                "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko)"
                        + " Chrome/126.0.0.0 Mobile Safari/537.36",
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0",
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko)"
                        + " Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0"
            })
    void countsBrowsersAsPeople(String userAgent) {
        assertThat(PreviewAgents.isPreview(userAgent)).isFalse();
    }

    @Test
    void aRequestWithoutUserAgentIsAPreview() {
        assertThat(PreviewAgents.isPreview(null)).isTrue();
        assertThat(PreviewAgents.isPreview(" ")).isTrue();
    }
}

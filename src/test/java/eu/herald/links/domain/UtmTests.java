package eu.herald.links.domain;

import static org.assertj.core.api.Assertions.assertThat;

import eu.herald.common.Channel;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UtmTests {

    @Test
    void defaultsComeFromChannelCampaignAndVariant() {
        assertThat(Utm.parameters(Channel.FACEBOOK, "Été sûr à Ixelles!", "v1", null))
                .containsExactly(
                        Map.entry("utm_source", "facebook"),
                        Map.entry("utm_medium", "social"),
                        Map.entry("utm_campaign", "ete-sur-a-ixelles"),
                        Map.entry("utm_content", "v1"));
        assertThat(Utm.parameters(Channel.POSTER, "Winter", null, "Bibliothèque"))
                .containsEntry("utm_medium", "print")
                .containsEntry("utm_content", "Bibliothèque");
        assertThat(Utm.parameters(Channel.EMAIL, "x", null, null))
                .containsEntry("utm_medium", "email")
                .doesNotContainKey("utm_content");
        assertThat(Utm.parameters(Channel.PRESS, "x", null, null)).containsEntry("utm_medium", "press");
        assertThat(Utm.parameters(Channel.WEBSITE, "x", null, null)).containsEntry("utm_medium", "web");
    }

    @Test
    void keepsTheTargetsQueryAndFragment() {
        Map<String, String> p = Utm.parameters(Channel.X, "Safe Home", null, "gare du midi");
        assertThat(Utm.apply("https://example.be/tips?lang=fr#top", p))
                .isEqualTo("https://example.be/tips?lang=fr&utm_source=x&utm_medium=social&utm_campaign=safe-home"
                        + "&utm_content=gare+du+midi#top");
        assertThat(Utm.apply("https://example.be", p)).startsWith("https://example.be?utm_source=x&");
    }

    @Test
    void parametersTheTargetAlreadySetsWin() {
        assertThat(Utm.apply("https://example.be/?utm_source=newsletter", Utm.parameters(Channel.X, "A", null, null)))
                .isEqualTo("https://example.be/?utm_source=newsletter&utm_medium=social&utm_campaign=a");
    }

    @Test
    void aTemplateRendersPlaceholdersAndLeavesEmptyParametersOut() {
        Utm.Template template = new Utm.Template("herald", "{medium}-{channel}", "", "{content}");
        assertThat(Utm.parameters(template, Channel.MASTODON, "A b", null, "Gare"))
                .containsExactly(
                        Map.entry("utm_source", "herald"),
                        Map.entry("utm_medium", "social-mastodon"),
                        Map.entry("utm_content", "Gare"));
    }

    @Test
    void aStoredQueryReadsBackTheSameParameters() {
        Map<String, String> p = Utm.parameters(Channel.POSTER, "Été", null, "Bibliothèque & co");
        assertThat(Utm.parse(Utm.query(p))).isEqualTo(p);
        assertThat(Utm.parse("")).isEmpty();
    }
}

package eu.herald.guardrails.internal;

import static org.assertj.core.api.Assertions.assertThat;

import eu.herald.common.Channel;
import eu.herald.guardrails.Length;
import org.junit.jupiter.api.Test;

class ChannelLengthsTests {

    private final ChannelLengths lengths = new ChannelLengths();

    @Test
    void xCountsWeightedCharactersAndAUrlAs23() {
        ChannelLengths.Measure measure = lengths.measure(
                Channel.X, "Fietsdiefstal? Graveer uw fiets: https://www.politie.be/5344/fietsgravering");
        assertThat(measure.length().unit()).isEqualTo(Length.Unit.WEIGHTED_CHARACTERS);
        assertThat(measure.length().used()).isEqualTo(33 + 23);
        assertThat(measure.length().limit()).isEqualTo(280);
        assertThat(measure.overflowStart()).isEqualTo(-1);
    }

    @Test
    void xRefusesA281stCharacterAndSaysWhereTheOverflowStarts() {
        ChannelLengths.Measure measure = lengths.measure(Channel.X, "a".repeat(281));
        assertThat(measure.length().exceeded()).isTrue();
        assertThat(measure.overflowStart()).isEqualTo(280);
    }

    @Test
    void theFastPathForTextsWithoutEmojiCountsExactlyAsTwitterText() {
        for (eu.herald.common.Language language : eu.herald.common.Language.values()) {
            for (var draft : DevSetEvaluation.load(language)) {
                String text = draft.text() + " ’…„€–";
                assertThat(ChannelLengths.parseForX(text).weightedLength)
                        .as(draft.id())
                        .isEqualTo(com.twitter.twittertext.TwitterTextParser.parseTweet(text).weightedLength);
            }
        }
        String emoji = "Fiets op slot 🔒🚲 ©";
        assertThat(ChannelLengths.mayHoldEmoji(emoji)).isTrue();
        assertThat(ChannelLengths.parseForX(emoji).weightedLength)
                .isEqualTo(com.twitter.twittertext.TwitterTextParser.parseTweet(emoji).weightedLength);
        assertThat(ChannelLengths.mayHoldEmoji("Bel 112 of 101 #inbraak *tip*")).isFalse();
    }

    @Test
    void blueskyCountsAnEmojiSequenceOrAFlagAsOneGrapheme() {
        String family = "👨‍👩‍👧‍👦";
        assertThat(ChannelLengths.graphemeCount(family)).isEqualTo(1);
        assertThat(ChannelLengths.graphemeCount("🇧🇪")).isEqualTo(1);
        assertThat(ChannelLengths.graphemeCount("e\u0301")).isEqualTo(1);
        ChannelLengths.Measure measure = lengths.measure(Channel.BLUESKY, family.repeat(300));
        assertThat(measure.length().used()).isEqualTo(300);
        assertThat(measure.length().exceeded()).isFalse();
        assertThat(lengths.measure(Channel.BLUESKY, family.repeat(301)).overflowStart())
                .isEqualTo(family.length() * 300);
    }

    @Test
    void mastodonCountsEveryUrlAs23() {
        String url = "https://www.besafe.be/veiligheidsthemas/inbraak/tips-om-inbraak-te-voorkomen";
        ChannelLengths.Measure measure = lengths.measure(Channel.MASTODON, "Tips: " + url + " en " + url);
        assertThat(measure.length().used()).isEqualTo(6 + 23 + 4 + 23);
        assertThat(measure.length().limit()).isEqualTo(500);
        assertThat(lengths.measure(Channel.MASTODON, "x".repeat(480) + " " + url)
                        .length()
                        .used())
                .isEqualTo(504);
    }

    @Test
    void whatsappCountsSmsSegmentsWithinItsCharacterLimit() {
        ChannelLengths.Measure plain = lengths.measure(Channel.WHATSAPP, "a".repeat(200));
        assertThat(plain.length()).isEqualTo(new Length(2, 27, Length.Unit.SEGMENTS));
        ChannelLengths.Measure accented = lengths.measure(Channel.WHATSAPP, "Opgelet, ook ideeën tellen");
        assertThat(accented.sms().encoding()).isEqualTo(Gsm7.Encoding.UCS_2);
        assertThat(accented.length().limit()).isEqualTo(62);
        assertThat(lengths.measure(Channel.WHATSAPP, "a".repeat(4097)).overflowStart())
                .isEqualTo(4096);
        assertThat(lengths.measure(Channel.WHATSAPP, "a".repeat(4096)).overflowStart())
                .isEqualTo(-1);
    }

    @Test
    void theOtherSocialChannelsCountCharactersAgainstTheirLimits() {
        assertThat(lengths.measure(Channel.TELEGRAM, "").length().limit()).isEqualTo(4096);
        assertThat(lengths.measure(Channel.INSTAGRAM, "").length().limit()).isEqualTo(2200);
        assertThat(lengths.measure(Channel.FACEBOOK, "").length().limit()).isEqualTo(63_206);
        assertThat(lengths.measure(Channel.YOUTUBE, "").length().limit()).isEqualTo(5000);
        assertThat(lengths.measure(Channel.INSTAGRAM, "é".repeat(2201)).overflowStart())
                .isEqualTo(2200);
    }

    @Test
    void postersPressReleasesWebsitesAndEmailsHaveNoHardLimit() {
        for (Channel channel : new Channel[] {Channel.EMAIL, Channel.WEBSITE, Channel.POSTER, Channel.PRESS}) {
            ChannelLengths.Measure measure = lengths.measure(channel, "x".repeat(100_000));
            assertThat(measure.length().limit()).as(channel.name()).isNull();
            assertThat(measure.length().exceeded()).isFalse();
            assertThat(measure.overflowStart()).isEqualTo(-1);
        }
    }
}

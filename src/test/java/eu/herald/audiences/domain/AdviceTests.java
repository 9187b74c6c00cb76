package eu.herald.audiences.domain;

import static org.assertj.core.api.Assertions.assertThat;

import eu.herald.audiences.Recommendation;
import eu.herald.audiences.Suitability;
import eu.herald.common.Channel;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Combining the matrix rows of several audiences into advice per channel. */
class AdviceTests {

    static final Advice.Rating UNRATED = new Advice.Rating(Suitability.LIMITED, "not assessed");

    static final Advice.RatedAudience YOUNG = audience(
            "Young people",
            Map.of(
                    Channel.X, new Advice.Rating(Suitability.GOOD, "X reaches a younger audience"),
                    Channel.INSTAGRAM, new Advice.Rating(Suitability.GOOD, "images and clips"),
                    Channel.POSTER, new Advice.Rating(Suitability.LIMITED, "at school"),
                    Channel.PRESS, new Advice.Rating(Suitability.POOR, "few follow TV")));

    static final Advice.RatedAudience OLDER = audience(
            "Older residents",
            Map.of(
                    Channel.X,
                            new Advice.Rating(Suitability.POOR, "hardly reached on X: add posters and the newsletter"),
                    Channel.INSTAGRAM, new Advice.Rating(Suitability.POOR, "hardly reached on social media"),
                    Channel.POSTER, new Advice.Rating(Suitability.GOOD, "posters reach those not on social media"),
                    Channel.PRESS, new Advice.Rating(Suitability.GOOD, "TV and teletext")));

    @Test
    void everyChannelIsAsGoodAsItIsForTheAudienceItReachesBest() {
        List<Recommendation> advice = Advice.recommend(List.of(YOUNG, OLDER), AdviceTests::join, UNRATED);

        assertThat(advice).extracting(Recommendation::channel).containsExactlyInAnyOrder(Channel.values());
        assertThat(suitability(advice, Channel.X)).isEqualTo(Suitability.GOOD);
        assertThat(suitability(advice, Channel.PRESS)).isEqualTo(Suitability.GOOD);
        assertThat(suitability(advice, Channel.FACEBOOK)).isEqualTo(Suitability.LIMITED);
    }

    @Test
    void reasonsNameEveryAudienceBestReachedFirstSoTheGapShows() {
        List<Recommendation> advice = Advice.recommend(List.of(OLDER, YOUNG), AdviceTests::join, UNRATED);

        assertThat(reasons(advice, Channel.X))
                .containsExactly(
                        "Young people: X reaches a younger audience",
                        "Older residents: hardly reached on X: add posters and the newsletter");
        assertThat(reasons(advice, Channel.FACEBOOK))
                .as("no cell: not assessed, in catalogue order")
                .containsExactly("Older residents: not assessed", "Young people: not assessed");
    }

    @Test
    void channelsComeBestFirstThenByHowManyAudiencesTheyReachWell() {
        Advice.RatedAudience parents = audience(
                "Parents",
                Map.of(
                        Channel.POSTER, new Advice.Rating(Suitability.GOOD, "at the school gate"),
                        Channel.X, new Advice.Rating(Suitability.LIMITED, "events")));

        List<Recommendation> advice = Advice.recommend(List.of(YOUNG, OLDER, parents), AdviceTests::join, UNRATED);

        assertThat(advice.getFirst().channel()).as("good for two audiences").isEqualTo(Channel.POSTER);
        assertThat(advice.stream().map(Recommendation::suitability).toList()).isSortedAccordingTo(Enum::compareTo);
        assertThat(advice.getLast().suitability()).isEqualTo(Suitability.LIMITED);
    }

    @Test
    void withoutAudiencesEveryChannelIsLimitedAndHasNoReason() {
        List<Recommendation> advice = Advice.recommend(List.of(), AdviceTests::join, UNRATED);

        assertThat(advice).hasSize(Channel.values().length).allSatisfy(r -> {
            assertThat(r.suitability()).isEqualTo(Suitability.LIMITED);
            assertThat(r.reasons()).isEmpty();
        });
    }

    private static String join(String name, String reason) {
        return name + ": " + reason;
    }

    private static Advice.RatedAudience audience(String name, Map<Channel, Advice.Rating> ratings) {
        return new Advice.RatedAudience(name, new EnumMap<>(ratings));
    }

    private static Suitability suitability(List<Recommendation> advice, Channel channel) {
        return advice.stream()
                .filter(r -> r.channel() == channel)
                .findFirst()
                .orElseThrow()
                .suitability();
    }

    private static List<String> reasons(List<Recommendation> advice, Channel channel) {
        return advice.stream()
                .filter(r -> r.channel() == channel)
                .findFirst()
                .orElseThrow()
                .reasons();
    }
}

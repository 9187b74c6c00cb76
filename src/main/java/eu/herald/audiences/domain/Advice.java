package eu.herald.audiences.domain;

import eu.herald.audiences.Recommendation;
import eu.herald.audiences.Suitability;
import eu.herald.common.Channel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;

/**
 * Combines the matrix rows of the chosen audiences into advice per channel. A channel is as good as it is for the
 * audience it reaches best ("one channel per audience, and as many channels as it takes"); its reasons name every
 * chosen audience, best reached first, so that a communicator also sees whom the channel misses and what to add.
 * Channels come best first: by suitability, then by how many of the audiences they reach well.
 */
public final class Advice {

    private Advice() {}

    /** How one channel reaches one audience, with the reason in the reader's language. */
    public record Rating(Suitability suitability, String reason) {}

    /** An audience's name in the reader's language and its row of the matrix. */
    public record RatedAudience(String name, Map<Channel, Rating> ratings) {}

    /**
     * @param wording joins an audience's name and a reason into one sentence, e.g. "Older residents (65+): hardly
     *     reached on X — add posters and the newsletter."
     * @param unrated the rating of a channel the matrix has no cell for yet
     */
    public static List<Recommendation> recommend(
            List<RatedAudience> audiences, BinaryOperator<String> wording, Rating unrated) {
        List<Scored> scored = new ArrayList<>();
        for (Channel channel : Channel.values()) {
            List<Reason> reasons = new ArrayList<>();
            for (int i = 0; i < audiences.size(); i++) {
                RatedAudience audience = audiences.get(i);
                Rating rating = audience.ratings().getOrDefault(channel, unrated);
                reasons.add(new Reason(rating.suitability(), i, wording.apply(audience.name(), rating.reason())));
            }
            reasons.sort(Comparator.comparing(Reason::suitability).thenComparingInt(Reason::order));
            Suitability best =
                    reasons.isEmpty() ? Suitability.LIMITED : reasons.getFirst().suitability();
            long good = reasons.stream()
                    .filter(r -> r.suitability() == Suitability.GOOD)
                    .count();
            long limited = reasons.stream()
                    .filter(r -> r.suitability() == Suitability.LIMITED)
                    .count();
            scored.add(new Scored(
                    new Recommendation(
                            channel, best, reasons.stream().map(Reason::text).toList()),
                    good,
                    limited));
        }
        scored.sort(Comparator.comparing((Scored s) -> s.recommendation().suitability())
                .thenComparing(Comparator.comparingLong(Scored::good).reversed())
                .thenComparing(Comparator.comparingLong(Scored::limited).reversed())
                .thenComparing(s -> s.recommendation().channel()));
        return scored.stream().map(Scored::recommendation).toList();
    }

    private record Reason(Suitability suitability, int order, String text) {}

    private record Scored(Recommendation recommendation, long good, long limited) {}
}

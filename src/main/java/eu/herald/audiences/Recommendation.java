package eu.herald.audiences;

import eu.herald.common.Channel;
import java.util.List;

/** Advice for one channel given the chosen audiences, with the reasons in the reader's language. */
public record Recommendation(Channel channel, Suitability suitability, List<String> reasons) {

    public Recommendation {
        reasons = List.copyOf(reasons);
    }
}

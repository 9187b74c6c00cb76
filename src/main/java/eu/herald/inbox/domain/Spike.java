package eu.herald.inbox.domain;

import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

/**
 * A day's count of listening matches against the usual level: a spike when today is above the mean plus k sample
 * standard deviations of the previous days (Apache Commons Math), and at least {@link #MIN_EXCESS} above the mean,
 * so that a quiet watchlist going from 0 to 1 is no alarm.
 */
public record Spike(long today, double mean, double sd, boolean raised) {

    static final double MIN_EXCESS = 3;

    public static Spike of(long today, long[] previousDays, double k) {
        DescriptiveStatistics stats = new DescriptiveStatistics();
        for (long count : previousDays) {
            stats.addValue(count);
        }
        double mean = previousDays.length == 0 ? 0 : stats.getMean();
        double sd = previousDays.length < 2 ? 0 : stats.getStandardDeviation();
        boolean raised = today > mean + k * sd && today >= mean + MIN_EXCESS;
        return new Spike(today, mean, sd, raised);
    }
}

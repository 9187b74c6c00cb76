package eu.herald.inbox.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A spike: today above the mean plus k standard deviations of the previous 14 days. */
class SpikeTests {

    private static final long[] USUAL = {2, 3, 1, 2, 4, 2, 3, 2, 1, 3, 2, 2, 3, 2};

    @Test
    void aRumourDayIsASpike() {
        Spike spike = Spike.of(20, USUAL, 3);
        assertThat(spike.mean()).isCloseTo(2.2857, org.assertj.core.data.Offset.offset(0.001));
        assertThat(spike.sd()).isCloseTo(0.8254, org.assertj.core.data.Offset.offset(0.001));
        assertThat(spike.raised()).isTrue();
    }

    @Test
    void anOrdinaryDayIsNot() {
        assertThat(Spike.of(4, USUAL, 3).raised()).isFalse();
    }

    @Test
    void aQuietWatchGoingFromNothingToOneIsNoAlarm() {
        assertThat(Spike.of(1, new long[14], 3).raised()).isFalse();
        assertThat(Spike.of(3, new long[14], 3).raised()).isTrue();
    }
}

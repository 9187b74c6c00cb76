package eu.herald.channels.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Outside demo mode an account may not make Herald call its own machine or the cloud's metadata service. */
class LocalAddressTests {

    @Test
    void loopbackLinkLocalAndLocalhostAreThisMachine() {
        assertThat(ChannelAccountService.thisMachine("localhost")).isTrue();
        assertThat(ChannelAccountService.thisMachine("api.localhost")).isTrue();
        assertThat(ChannelAccountService.thisMachine("127.0.0.1")).isTrue();
        assertThat(ChannelAccountService.thisMachine("127.1.2.3")).isTrue();
        assertThat(ChannelAccountService.thisMachine("169.254.169.254")).isTrue();
        assertThat(ChannelAccountService.thisMachine("0.0.0.0")).isTrue();
        assertThat(ChannelAccountService.thisMachine("[::1]")).isTrue();
        assertThat(ChannelAccountService.thisMachine("[fe80::1]")).isTrue();
    }

    @Test
    void publicNamesAndPrivateNetworksAreNot() {
        assertThat(ChannelAccountService.thisMachine("mastodon.social")).isFalse();
        assertThat(ChannelAccountService.thisMachine("intranet.ixelles.be")).isFalse();
        assertThat(ChannelAccountService.thisMachine("10.1.2.3")).isFalse();
        assertThat(ChannelAccountService.thisMachine("192.168.1.20")).isFalse();
        assertThat(ChannelAccountService.thisMachine("93.184.216.34")).isFalse();
    }
}

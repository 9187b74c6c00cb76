package eu.herald.links.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LinkCodesTests {

    @Test
    void codesAreEightBase62CharactersAndDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String code = LinkCodes.next();
            assertThat(code).matches("[0-9A-Za-z]{8}");
            assertThat(LinkCodes.wellFormed(code)).isTrue();
            seen.add(code);
        }
        assertThat(seen).hasSize(10_000);
    }

    @Test
    void recognisesMalformedCodes() {
        assertThat(LinkCodes.wellFormed("abc")).isFalse();
        assertThat(LinkCodes.wellFormed("abcdefg!")).isFalse();
        assertThat(LinkCodes.wellFormed("abcdefghi")).isFalse();
    }

    @Test
    void visitorHashDependsOnSaltAddressAndAgent() {
        byte[] salt = new byte[32];
        byte[] other = new byte[32];
        other[0] = 1;
        byte[] a = Visitors.hash(salt, "192.0.2.1", "UA");
        assertThat(a).hasSize(32).isEqualTo(Visitors.hash(salt, "192.0.2.1", "UA"));
        assertThat(a).isNotEqualTo(Visitors.hash(other, "192.0.2.1", "UA"));
        assertThat(a).isNotEqualTo(Visitors.hash(salt, "192.0.2.2", "UA"));
        assertThat(a).isNotEqualTo(Visitors.hash(salt, "192.0.2.1", "UA2"));
    }
}

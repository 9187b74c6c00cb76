package eu.herald.links.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextLinksTests {

    @Test
    void findsEachAddressOnceWithoutTheSentencesPunctuation() {
        String text = "Tips: https://example.be/inbraak. Ook (https://www.politie.be/tips?x=1&y=2), en"
                + " https://example.be/inbraak! Niet: ftp://x.be of www.example.be";
        assertThat(TextLinks.in(text))
                .containsExactly("https://example.be/inbraak", "https://www.politie.be/tips?x=1&y=2");
        assertThat(TextLinks.in("Geen adres hier.")).isEmpty();
    }

    @Test
    void replacesEveryAddressAndKeepsThePunctuation() {
        assertThat(TextLinks.replaceAll("Zie https://example.be/a. En http://example.be/b!", "https://h.be/l/Ab12Cd34"))
                .isEqualTo("Zie https://h.be/l/Ab12Cd34. En https://h.be/l/Ab12Cd34!");
    }
}

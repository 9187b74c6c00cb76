package eu.herald.inbox.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImapIntakeTests {

    @Test
    void keepsOnlyWhatTheCitizenWroteAboveTheQuote() {
        String mail =
                "Thanks, but my bike is still gone.\n\nOn Sun, 29 Nov 2026 at 01:00, Herald wrote:\n> Dear citizen\n> ...";
        assertThat(ImapIntake.unquoted(mail)).isEqualTo("Thanks, but my bike is still gone.");
        assertThat(ImapIntake.unquoted("Merci\n> cité\nsuite")).isEqualTo("Merci\nsuite");
    }
}

package eu.herald.guardrails.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Gsm7Tests {

    @Test
    void theBasicAlphabetHas128SeptetsInTheStandardsOrder() {
        assertThat(Gsm7.BASIC).hasSize(128);
        assertThat(Gsm7.BASIC.charAt(0x00)).isEqualTo('@');
        assertThat(Gsm7.BASIC.charAt(0x09)).isEqualTo('Ç');
        assertThat(Gsm7.BASIC.charAt(0x1B)).isEqualTo('\u001B');
        assertThat(Gsm7.BASIC.charAt(0x20)).isEqualTo(' ');
        assertThat(Gsm7.BASIC.charAt(0x40)).isEqualTo('¡');
        assertThat(Gsm7.BASIC.charAt(0x5F)).isEqualTo('§');
        assertThat(Gsm7.BASIC.charAt(0x60)).isEqualTo('¿');
        assertThat(Gsm7.BASIC.charAt(0x7F)).isEqualTo('à');
        assertThat(Gsm7.EXTENSION).hasSize(10).contains("€", "[", "]", "{", "}", "~", "|", "^", "\\");
    }

    @Test
    void aPlainTextFitsOneSegmentUpTo160Septets() {
        assertThat(Gsm7.count("a".repeat(160)).segments()).isEqualTo(1);
        assertThat(Gsm7.count("a".repeat(161)).segments()).isEqualTo(2);
        assertThat(Gsm7.count("a".repeat(306)).segments()).isEqualTo(2);
        assertThat(Gsm7.count("a".repeat(307)).segments()).isEqualTo(3);
        assertThat(Gsm7.count("").segments()).isZero();
    }

    @Test
    void extensionCharactersCountTwiceAndAreNeverSplitOverSegments() {
        Gsm7.Count euro = Gsm7.count("€5");
        assertThat(euro.encoding()).isEqualTo(Gsm7.Encoding.GSM_7);
        assertThat(euro.units()).isEqualTo(3);
        assertThat(Gsm7.count("€".repeat(80)).segments()).isEqualTo(1);
        // 152 septets then an escape pair: the pair moves whole to the second segment
        assertThat(Gsm7.count("a".repeat(152) + "€" + "a".repeat(152)).segments())
                .isEqualTo(3);
        assertThat(Gsm7.count("a".repeat(151) + "€" + "a".repeat(153)).segments())
                .isEqualTo(2);
    }

    @Test
    void oneCharacterOutsideTheAlphabetTurnsTheWholeTextIntoUcs2() {
        Gsm7.Count french = Gsm7.count("Ça va, la façade ?");
        assertThat(french.encoding()).isEqualTo(Gsm7.Encoding.UCS_2);
        assertThat(french.firstNonGsmIndex()).isEqualTo(12);
        assertThat(Gsm7.count("ê".repeat(70)).segments()).isEqualTo(1);
        assertThat(Gsm7.count("ê".repeat(71)).segments()).isEqualTo(2);
        assertThat(Gsm7.count("ê".repeat(134)).segments()).isEqualTo(2);
        assertThat(Gsm7.count("ê".repeat(135)).segments()).isEqualTo(3);
        assertThat(Gsm7.count("Éé èà ÄÖÜäöü ñ ß").encoding()).isEqualTo(Gsm7.Encoding.GSM_7);
        assertThat(Gsm7.count("ë").encoding()).isEqualTo(Gsm7.Encoding.UCS_2);
    }

    @Test
    void aSurrogatePairIsNeverSplitOverSegments() {
        String text = "a".repeat(66) + "🚲" + "a".repeat(10);
        assertThat(Gsm7.count(text).segments()).isEqualTo(2);
        String pushed = "a".repeat(66) + "🚲" + "a".repeat(66);
        assertThat(Gsm7.count(pushed).segments()).isEqualTo(3);
    }

    @Test
    void segmentsForALengthInEachEncoding() {
        assertThat(Gsm7.segmentsFor(4096, Gsm7.Encoding.GSM_7)).isEqualTo(27);
        assertThat(Gsm7.segmentsFor(4096, Gsm7.Encoding.UCS_2)).isEqualTo(62);
        assertThat(Gsm7.segmentsFor(160, Gsm7.Encoding.GSM_7)).isEqualTo(1);
    }
}

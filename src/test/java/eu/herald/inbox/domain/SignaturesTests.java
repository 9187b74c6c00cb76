package eu.herald.inbox.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Webhook signatures. Facebook's {@code X-Hub-Signature-256} is {@code sha256=} followed by the hex HMAC-SHA256 of the
 * raw request body keyed with the app secret, as documented at
 * https://developers.facebook.com/docs/graph-api/webhooks/getting-started ("Validate Payloads").
 */
class SignaturesTests {

    private static final byte[] BODY = "{\"object\":\"page\",\"entry\":[]}".getBytes(StandardCharsets.UTF_8);

    @Test
    void signsTheRawBodyAsHexHmacSha256WithThePrefix() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
        assertThat(Signatures.sign("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void acceptsFacebooksSignatureAndRefusesAnyOther() {
        String good = Signatures.sign("app-secret", BODY);
        assertThat(Signatures.verifyHub("app-secret", BODY, good)).isTrue();
        assertThat(Signatures.verifyHub("app-secret", BODY, good.toUpperCase().replace("SHA256=", "sha256=")))
                .isTrue();
        assertThat(Signatures.verifyHub("other-secret", BODY, good)).isFalse();
        assertThat(Signatures.verifyHub("app-secret", "{}".getBytes(StandardCharsets.UTF_8), good))
                .isFalse();
        assertThat(Signatures.verifyHub("app-secret", BODY, null)).isFalse();
        assertThat(Signatures.verifyHub("app-secret", BODY, good.substring("sha256=".length())))
                .isFalse();
        assertThat(Signatures.verifyHub("app-secret", BODY, "sha1=" + good.substring(7)))
                .isFalse();
    }

    @Test
    void genericSignatureCoversTheTimestampAndRefusesReplaysOutsideTheWindow() {
        Instant now = Instant.parse("2026-11-29T02:00:00Z");
        String ts = Long.toString(now.getEpochSecond());
        String sig = Signatures.sign("s3cret", Signatures.genericPayload(ts, BODY));
        Duration window = Duration.ofMinutes(5);
        assertThat(Signatures.verifyGeneric("s3cret", BODY, ts, sig, now, window))
                .isEqualTo(Signatures.Check.VALID);
        assertThat(Signatures.verifyGeneric("s3cret", BODY, ts, sig, now.plusSeconds(301), window))
                .isEqualTo(Signatures.Check.STALE);
        String otherTs = Long.toString(now.getEpochSecond() + 1);
        assertThat(Signatures.verifyGeneric("s3cret", BODY, otherTs, sig, now, window))
                .isEqualTo(Signatures.Check.WRONG);
        assertThat(Signatures.verifyGeneric("wrong", BODY, ts, sig, now, window))
                .isEqualTo(Signatures.Check.WRONG);
        assertThat(Signatures.verifyGeneric("s3cret", BODY, null, sig, now, window))
                .isEqualTo(Signatures.Check.MISSING);
        assertThat(Signatures.verifyGeneric("s3cret", BODY, "yesterday", sig, now, window))
                .isEqualTo(Signatures.Check.MISSING);
    }
}

package eu.herald.links.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.herald.common.RefusedException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TargetsTests {

    static final List<String> ALLOWED = List.of("example.be", "herald.example.org");

    @Test
    void acceptsHttpsOnAnAllowedDomainAndItsSubdomains() {
        assertThat(Targets.validate("https://example.be/tips?x=1", ALLOWED).getHost())
                .isEqualTo("example.be");
        assertThat(Targets.validate("http://www.EXAMPLE.be/a", ALLOWED).getHost())
                .isEqualTo("www.EXAMPLE.be");
        assertThat(Targets.validate("https://herald.example.org/", ALLOWED)).isNotNull();
    }

    @Test
    void refusesADomainThatOnlyEndsLikeAnAllowedOne() {
        assertThatThrownBy(() -> Targets.validate("https://badexample.be/", ALLOWED))
                .isInstanceOf(RefusedException.class)
                .hasMessage("links.target.notAllowed");
        assertThatThrownBy(() -> Targets.validate("https://example.be.evil.com/", ALLOWED))
                .hasMessage("links.target.notAllowed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.be/x", "javascript:alert(1)", "mailto:a@example.be", "//example.be/x"})
    void refusesOtherSchemes(String target) {
        assertThatThrownBy(() -> Targets.validate(target, ALLOWED)).hasMessage("links.target.scheme");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://user:pass@example.be/", "https://user@example.be/"})
    void refusesCredentials(String target) {
        assertThatThrownBy(() -> Targets.validate(target, ALLOWED)).hasMessage("links.target.credentials");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://localhost/",
                "http://localhost:8080/x",
                "http://app.localhost/",
                "http://127.0.0.1/",
                "http://10.1.2.3/",
                "http://172.16.0.1/",
                "http://172.31.255.255/",
                "http://192.168.1.1/",
                "http://169.254.169.254/latest/meta-data",
                "http://0.0.0.0/",
                "http://100.64.0.1/",
                "http://[::1]/",
                "http://[fe80::1]/",
                "http://intranet/",
                "http://printer.local/"
            })
    void refusesPrivateLoopbackAndLinkLocalAddresses(String target) {
        assertThatThrownBy(() -> Targets.validate(target, List.of("localhost", "127.0.0.1", "intranet")))
                .hasMessage("links.target.private");
    }

    @Test
    void heraldsOwnHostIsAllowedEvenWhenLocal() {
        assertThat(Targets.validate("http://localhost:8080/campaigns", List.of(), "localhost")
                        .getPort())
                .isEqualTo(8080);
        assertThatThrownBy(() -> Targets.validate("http://127.0.0.1:8080/", List.of(), "localhost"))
                .hasMessage("links.target.private");
        assertThat(Targets.validate("https://herald.example.be/x", List.of(), "herald.example.be"))
                .isNotNull();
    }

    @Test
    void publicAddressesNextToPrivateRangesAreNotPrivate() {
        assertThat(Targets.privateHost("172.32.0.1")).isFalse();
        assertThat(Targets.privateHost("8.8.8.8")).isFalse();
        assertThat(Targets.privateHost("www.politie.be")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https:///nohost", "not a url", "https://"})
    void refusesAddressesWithoutAHost(String target) {
        assertThatThrownBy(() -> Targets.validate(target, ALLOWED))
                .isInstanceOf(RefusedException.class)
                .hasMessageStartingWith("links.target.");
    }
}

package dev.pactum.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class SourceAddressTest {

    private static MockHttpServletRequest from(String peer, String forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(peer);
        if (forwardedFor != null) {
            request.addHeader("X-Forwarded-For", forwardedFor);
        }
        return request;
    }

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        SourceAddress addresses = new SourceAddress(List.of());

        assertThat(addresses.of(from("198.51.100.4", "203.0.113.9"))).isEqualTo("198.51.100.4");
    }

    @Test
    void aTrustedProxysHeaderNamesTheClient() {
        SourceAddress addresses = new SourceAddress(List.of("10.0.0.0/8", "fd00::/8"));

        assertThat(addresses.of(from("10.1.2.3", "203.0.113.9"))).isEqualTo("203.0.113.9");
        assertThat(addresses.of(from("fd00::1", "203.0.113.9, 10.0.0.7"))).as("a chain of our own proxies")
                .isEqualTo("203.0.113.9");
        assertThat(addresses.of(from("10.1.2.3", null))).isEqualTo("10.1.2.3");
    }

    @Test
    void aClientCannotHideBehindAnAddressItWritesItself() {
        SourceAddress addresses = new SourceAddress(List.of("10.0.0.0/8"));

        // The client sent "X-Forwarded-For: 1.2.3.4"; our proxy appended the address it really saw.
        assertThat(addresses.of(from("10.1.2.3", "1.2.3.4, 198.51.100.4"))).isEqualTo("198.51.100.4");
        assertThat(addresses.of(from("198.51.100.4", "10.0.0.1"))).as("the peer is not our proxy")
                .isEqualTo("198.51.100.4");
        assertThat(addresses.of(from("10.1.2.3", "not-an-address"))).isEqualTo("10.1.2.3");
    }

    @Test
    void aMistypedProxyStopsStartUp() {
        assertThatThrownBy(() -> new SourceAddress(List.of("proxy.example"))).hasMessageContaining("proxy.example");
        assertThatThrownBy(() -> new SourceAddress(List.of("10.0.0.0/40"))).hasMessageContaining("prefix");
    }
}

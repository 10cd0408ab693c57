package dev.pactum.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ClientAddressesTest {

    private final ClientAddresses addresses = new ClientAddresses();

    @Test
    void anIpv4ClientCountsAsItsAddress() {
        assertThat(addresses.of(from("203.0.113.7"))).isEqualTo("203.0.113.7");
    }

    @Test
    void ipv6ClientsCountPerSlash64() {
        assertThat(addresses.of(from("2001:db8:1:2:aaaa::1"))).isEqualTo("2001:db8:1:2::/64")
                .isEqualTo(addresses.of(from("2001:0db8:0001:0002:ffff:ffff:ffff:ffff")));
        assertThat(addresses.of(from("2001:db8:1:3::1"))).isEqualTo("2001:db8:1:3::/64");
    }

    @Test
    void somethingElseFromATrustedProxyIsKeptButNeverLookedUp() {
        assertThat(addresses.of(from("not-an-address.example"))).isEqualTo("not-an-address.example");
        assertThat(addresses.of(from("x".repeat(500)))).hasSize(64);
        assertThat(addresses.of(from("1:2"))).isEqualTo(ClientAddresses.UNKNOWN);
    }

    private static MockHttpServletRequest from(String address) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        return request;
    }
}

package dev.pactum.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The address a request came from. {@code X-Forwarded-For} is anyone's to write, so it counts only when the TCP
 * peer is one of the configured trusted proxies ({@code pactum.audit.trusted-proxies}); then the header is read
 * from the right, skipping further trusted proxies, and the first address that is not one is the client.
 */
final class SourceAddress {

    private final List<Range> trustedProxies;

    SourceAddress(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().map(Range::parse).toList();
    }

    String of(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        if (trustedProxies.isEmpty() || !trusted(peer)) {
            return peer;
        }
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) {
            return peer;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (!literal(hop)) {
                // Garbage in the header: the last address we can vouch for is the proxy that passed it on.
                return i == hops.length - 1 ? peer : hops[i + 1].trim();
            }
            if (!trusted(hop)) {
                return hop;
            }
        }
        return hops[0].trim();
    }

    private boolean trusted(String address) {
        byte[] bytes = bytes(address);
        return bytes != null && trustedProxies.stream().anyMatch(range -> range.contains(bytes));
    }

    private static boolean literal(String address) {
        return bytes(address) != null;
    }

    /** The address's bytes if it is an IP literal; null otherwise (never a DNS lookup). */
    private static byte[] bytes(String address) {
        if (address == null || address.isEmpty()
                || !(address.indexOf(':') >= 0 || address.chars().allMatch(c -> c == '.' || Character.isDigit(c)))) {
            return null;
        }
        try {
            return InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** An address ({@code 10.0.0.5}) or a CIDR range ({@code 10.0.0.0/8}, {@code fd00::/8}). */
    private record Range(byte[] network, int prefixBits) {

        static Range parse(String text) {
            String[] parts = text.trim().split("/", 2);
            byte[] network = bytes(parts[0]);
            if (network == null) {
                throw new IllegalArgumentException("pactum.audit.trusted-proxies: not an IP address or CIDR range: "
                        + text);
            }
            int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8;
            if (bits < 0 || bits > network.length * 8) {
                throw new IllegalArgumentException("pactum.audit.trusted-proxies: bad prefix length in " + text);
            }
            return new Range(network, bits);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefixBits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}

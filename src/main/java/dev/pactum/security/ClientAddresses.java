package dev.pactum.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

/**
 * Where a login comes from, for {@link LoginThrottle}. A request's own peer address counts, unless that peer is one
 * of {@code pactum.security.trusted-proxies}: then the nearest untrusted address in {@code X-Forwarded-For} does.
 * Nobody else can pose as another address by sending the header. IPv6 clients count per /64 network, since one
 * host usually holds a whole /64.
 */
@Component
public class ClientAddresses {

    static final String UNKNOWN = "unknown";

    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private final List<IpAddressMatcher> trustedProxies;

    public ClientAddresses(PactumSecurityProperties properties) {
        this.trustedProxies = properties.trustedProxies().stream().map(IpAddressMatcher::new).toList();
    }

    public String of(HttpServletRequest request) {
        String peer = literal(request.getRemoteAddr());
        if (peer == null) {
            return UNKNOWN;
        }
        String client = peer;
        String forwarded = request.getHeader("X-Forwarded-For");
        if (isTrusted(peer) && forwarded != null) {
            String[] hops = forwarded.split(",");
            // Read from the nearest hop outwards; whatever an untrusted hop claims about earlier hops is its word only.
            for (int i = hops.length - 1; i >= 0; i--) {
                String hop = literal(hops[i].trim());
                if (hop == null) {
                    break;
                }
                client = hop;
                if (!isTrusted(hop)) {
                    break;
                }
            }
        }
        return key(client);
    }

    private boolean isTrusted(String address) {
        return trustedProxies.stream().anyMatch(proxy -> proxy.matches(address));
    }

    /** The address if it is a numeric IPv4 or IPv6 literal (never looked up in DNS), otherwise null. */
    private static String literal(String address) {
        if (address == null) {
            return null;
        }
        String bare = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1)
                : address;
        return IPV4.matcher(bare).matches() || IPV6.matcher(bare).matches() ? bare : null;
    }

    private static String key(String address) {
        try {
            // Only numeric literals get here, which InetAddress parses without any lookup.
            InetAddress parsed = InetAddress.getByName(address);
            if (parsed instanceof Inet6Address) {
                byte[] bytes = parsed.getAddress();
                StringBuilder network = new StringBuilder();
                for (int i = 0; i < 8; i += 2) {
                    network.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
                }
                return network.append(":/64").toString();
            }
            return parsed.getHostAddress();
        } catch (UnknownHostException e) {
            return UNKNOWN;
        }
    }
}

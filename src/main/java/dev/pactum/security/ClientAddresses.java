package dev.pactum.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Where a login comes from, for {@link LoginThrottle}: the request's client address. Behind a reverse proxy that is
 * the address the proxy names in {@code X-Forwarded-For}, which Tomcat takes only from the proxies listed in
 * {@code server.tomcat.remoteip.internal-proxies} (loopback unless configured), so nobody else can pose as another
 * address. IPv6 clients count per /64 network, since one host usually holds a whole /64.
 */
@Component
public class ClientAddresses {

    static final String UNKNOWN = "unknown";

    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");
    private static final int MAX_LENGTH = 64;

    public String of(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        if (address == null || address.isBlank()) {
            return UNKNOWN;
        }
        if (IPV6.matcher(address).matches()) {
            return ipv6Network(address);
        }
        if (IPV4.matcher(address).matches()) {
            return address;
        }
        // Whatever a trusted proxy passed on that is not an address still counts as one client, kept short.
        return address.length() > MAX_LENGTH ? address.substring(0, MAX_LENGTH) : address;
    }

    private static String ipv6Network(String address) {
        try {
            // A literal with a colon: InetAddress parses it, or refuses it, without any DNS lookup.
            InetAddress parsed = InetAddress.getByName(address);
            if (!(parsed instanceof Inet6Address)) {
                return parsed.getHostAddress();
            }
            byte[] bytes = parsed.getAddress();
            StringBuilder network = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                network.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
            }
            return network.append(":/64").toString();
        } catch (UnknownHostException e) {
            return UNKNOWN;
        }
    }
}

package dev.pactum.webhook;

import dev.pactum.web.FieldProblem;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where Pactum may send webhooks. A subscriber's URL is a request Pactum makes from inside the network on an admin's
 * word, so it must not reach what only the server can reach (server-side request forgery): https only; no cloud
 * metadata service (169.254.169.254, Alibaba Cloud's 100.100.100.200, fd00:ec2::254), no link-local, unspecified or
 * multicast address; this machine only when {@code allow-loopback} (development and tests, where plain http is
 * allowed too); private networks unless {@code allow-private} is off. Checked when the URL is registered and again,
 * on what the name resolves to then, before every delivery (a name may be pointed elsewhere later).
 */
final class WebhookUrls {

    static final int MAX_LENGTH = 2000;
    static final String FIELD = "url";
    private static final Set<String> METADATA = Set.of("169.254.169.254", "100.100.100.200", "fd00:ec2:0:0:0:0:0:254");

    private WebhookUrls() {
    }

    /** The URL's problem, if it has one (its message key names it); resolves the host. */
    static Optional<FieldProblem> problem(String url, WebhookProperties settings) {
        if (url == null || url.isBlank() || url.length() > MAX_LENGTH) {
            return Optional.of(new FieldProblem(FIELD, "pactum.webhook.validation.url", MAX_LENGTH));
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            return Optional.of(new FieldProblem(FIELD, "pactum.webhook.validation.url", MAX_LENGTH));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null
                || !(scheme.equals("https") || scheme.equals("http"))) {
            return Optional.of(new FieldProblem(FIELD, "pactum.webhook.validation.url", MAX_LENGTH));
        }
        String host = uri.getHost();
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        boolean literal = isAddressLiteral(bare);
        if (!literal && scheme.equals("http") && !(settings.allowLoopback() && bare.equalsIgnoreCase("localhost"))) {
            // Said before any name is looked up: plain http goes nowhere but this machine.
            return Optional.of(new FieldProblem(FIELD, "pactum.webhook.validation.urlHttps"));
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(bare);
        } catch (UnknownHostException e) {
            return Optional.of(new FieldProblem(FIELD, "pactum.webhook.validation.urlUnresolvable", host));
        }
        boolean allLoopback = true;
        for (InetAddress address : addresses) {
            Optional<String> refusal = refusal(address, settings);
            if (refusal.isPresent()) {
                return Optional.of(new FieldProblem(FIELD, refusal.get(), host, address.getHostAddress()));
            }
            allLoopback &= address.isLoopbackAddress();
        }
        if (scheme.equals("http") && !allLoopback) {
            return Optional.of(new FieldProblem(FIELD, "pactum.webhook.validation.urlHttps"));
        }
        return Optional.empty();
    }

    /** An IPv4 or IPv6 address written out: resolving it asks no name server. */
    private static boolean isAddressLiteral(String host) {
        return host.matches("[0-9.]+") || (host.contains(":") && host.matches("[0-9a-fA-F:.]+"));
    }

    /** The message key saying why Pactum sends nothing to this address, if it does not. */
    static Optional<String> refusal(InetAddress address, WebhookProperties settings) {
        if (METADATA.contains(address.getHostAddress())) {
            return Optional.of("pactum.webhook.validation.urlMetadata");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("pactum.webhook.validation.urlLinkLocal");
        }
        if (address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return Optional.of("pactum.webhook.validation.urlUnspecified");
        }
        if (address.isLoopbackAddress()) {
            return settings.allowLoopback() ? Optional.empty() : Optional.of("pactum.webhook.validation.urlLoopback");
        }
        if (isPrivate(address) && !settings.allowPrivate()) {
            return Optional.of("pactum.webhook.validation.urlPrivate");
        }
        return Optional.empty();
    }

    private static boolean isPrivate(InetAddress address) {
        if (address.isSiteLocalAddress()) {
            return true;
        }
        // Unique local IPv6 addresses (fc00::/7); Java's isSiteLocalAddress covers only the old fec0::/10.
        return address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc;
    }
}

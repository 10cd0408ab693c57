package dev.pactum.notification;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Aliyun's RPC-style request signature (SignatureVersion 1.0, HMAC-SHA1), as Dysmsapi documents it: the parameters
 * sorted by name, each name and value percent-encoded (RFC 3986: space %20, {@code *} %2A, {@code ~} kept), joined
 * with {@code &}; the string to sign is {@code METHOD&%2F&} + the encoded query; the key is the AccessKey secret + "&".
 */
final class AliyunRpcSignature {

    private AliyunRpcSignature() {
    }

    /** The canonical query of the parameters (without Signature). */
    static String canonicalQuery(Map<String, String> parameters) {
        SortedMap<String, String> sorted = new TreeMap<>(parameters);
        return sorted.entrySet().stream()
                .map(entry -> percentEncode(entry.getKey()) + "=" + percentEncode(entry.getValue()))
                .collect(Collectors.joining("&"));
    }

    static String stringToSign(String method, Map<String, String> parameters) {
        return method + "&" + percentEncode("/") + "&" + percentEncode(canonicalQuery(parameters));
    }

    /** The Signature parameter's value, Base64, before it is percent-encoded into the request. */
    static String sign(String method, Map<String, String> parameters, String accessKeySecret) {
        byte[] mac = WebhookClient.hmac("HmacSHA1", (accessKeySecret + "&").getBytes(StandardCharsets.UTF_8),
                stringToSign(method, parameters).getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(mac);
    }

    static String percentEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8)
                .replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }
}

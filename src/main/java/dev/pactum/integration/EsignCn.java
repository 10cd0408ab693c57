package dev.pactum.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pactum.obligation.SigningProperties;
import dev.pactum.obligation.SigningProvider;
import dev.pactum.obligation.SigningService.CounterSignatureRequest;
import dev.pactum.web.DomainException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * e签宝 (esign.cn) open API v3, as its public documentation describes it.
 * <ul>
 * <li>Requests: headers {@code X-Tsign-Open-App-Id}, {@code X-Tsign-Open-Auth-Mode: Signature},
 * {@code X-Tsign-Open-Ca-Timestamp} (ms) and {@code X-Tsign-Open-Ca-Signature} = Base64(HMAC-SHA256(app secret,
 * method \n accept \n Content-MD5 \n Content-Type \n date \n path-and-query)), {@code Content-MD5} = Base64(MD5(body)),
 * empty without a body. An answer is a success only with {@code "code": 0}; any other code is a refusal.</li>
 * <li>Sending: {@code POST /v3/files/file-upload-url} gives a file id and an upload address, the PDF is PUT there,
 * {@code GET /v3/files/{fileId}} until it is ready, then {@code POST /v3/sign-flow/create-by-file} with the customer as
 * an organisation signer (its 统一社会信用代码) acting through its contact, auto-finishing, reporting to the callback.</li>
 * <li>Callbacks: {@code X-Tsign-Open-SIGNATURE} = hex(HMAC-SHA256(app secret, X-Tsign-Open-TIMESTAMP + the query's
 * values in key order + body)); {@code SIGN_FLOW_COMPLETE} with {@code signFlowStatus} 2 signed, 3 revoked,
 * 5 expired, 7 refused.</li>
 * <li>Download: {@code GET /v3/sign-flow/{signFlowId}/file-download-url}, then the signed file from its address.</li>
 * </ul>
 */
class EsignCn implements ESignatureProvider {

    static final String UPLOAD_URL = "/v3/files/file-upload-url";
    static final String CREATE_FLOW = "/v3/sign-flow/create-by-file";
    private static final String JSON = "application/json; charset=UTF-8";
    private static final String PDF = "application/pdf";
    private static final Pattern MILLIS = Pattern.compile("\\d{10,15}");
    private static final int FILE_READY_CHECKS = 10;
    private static final Duration FILE_READY_PAUSE = Duration.ofMillis(500);

    private final SigningProperties.Esign settings;
    private final Duration callbackTolerance;
    private final HttpClient http;
    private final Duration timeout;
    private final ObjectMapper json;
    private final Clock clock;

    EsignCn(SigningProperties signing, HttpClient http, Duration timeout, ObjectMapper json, Clock clock) {
        this.settings = signing.esign();
        this.callbackTolerance = signing.callbackTolerance();
        this.http = http;
        this.timeout = timeout;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public SigningProvider id() {
        return SigningProvider.ESIGN;
    }

    @Override
    public boolean configured() {
        return settings.configured();
    }

    @Override
    public boolean keepsCompanySignature() {
        return true;
    }

    @Override
    public String send(CounterSignatureRequest request) {
        String account = firstPresent(request.signerPhone(), request.signerEmail());
        if (account == null) {
            throw new PeerClient.PeerCallFailed(id().id(), "customer " + request.customerName() + " of contract "
                    + request.number() + " has no contact phone or email to send the sign flow to", true);
        }
        String fileName = request.number() + ".pdf";
        String fileId = upload(fileName, request.pdf());
        ObjectNode body = json.createObjectNode();
        body.putArray("docs").addObject().put("fileId", fileId).put("fileName", fileName);
        ObjectNode config = body.putObject("signFlowConfig");
        config.put("signFlowTitle", "合同签署 " + request.number() + " " + request.title());
        config.put("signFlowExpireTime", clock.instant().plus(settings.expireAfter()).toEpochMilli());
        config.put("autoStart", true);
        config.put("autoFinish", true);
        config.put("notifyUrl", settings.callbackUrl().toString());
        config.putObject("noticeConfig").put("noticeTypes", account.contains("@") ? "2" : "1");
        ArrayNode signers = body.putArray("signers");
        ObjectNode signer = signers.addObject();
        signer.put("signerType", 1);
        ObjectNode org = signer.putObject("orgSignerInfo");
        org.put("orgName", request.customerName());
        if (request.creditCode() != null && !request.creditCode().isBlank()) {
            org.putObject("orgInfo").put("orgIDCardNum", request.creditCode()).put("orgIDCardType", "CRED_ORG_USCC");
        }
        ObjectNode transactor = org.putObject("transactorInfo");
        transactor.put("psnAccount", account);
        if (request.signerName() != null && !request.signerName().isBlank()) {
            transactor.putObject("psnInfo").put("psnName", request.signerName());
        }
        signer.putArray("signFields").addObject().put("fileId", fileId).put("customBizNum", request.number())
                .putObject("normalSignFieldConfig").put("freeMode", true).put("signFieldStyle", 1);
        JsonNode data = call("POST", CREATE_FLOW, bytes(body));
        String flowId = data.path("signFlowId").asText("");
        if (flowId.isBlank()) {
            throw new PeerClient.PeerCallFailed(id().id(), "POST " + CREATE_FLOW + " answered without signFlowId",
                    false);
        }
        return flowId;
    }

    /** @return the uploaded file's id, once e签宝 has it ready */
    private String upload(String fileName, byte[] pdf) {
        String md5 = contentMd5(pdf);
        ObjectNode request = json.createObjectNode().put("contentMd5", md5).put("contentType", PDF)
                .put("convertToPDF", false).put("fileName", fileName).put("fileSize", pdf.length);
        JsonNode data = call("POST", UPLOAD_URL, bytes(request));
        String fileId = data.path("fileId").asText("");
        String uploadUrl = data.path("fileUploadUrl").asText("");
        if (fileId.isBlank() || uploadUrl.isBlank()) {
            throw new PeerClient.PeerCallFailed(id().id(), "POST " + UPLOAD_URL
                    + " answered without fileId or fileUploadUrl", false);
        }
        HttpResponse<String> put = exchange(HttpRequest.newBuilder(URI.create(uploadUrl))
                .header("Content-MD5", md5).header("Content-Type", PDF)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(pdf)), "PUT file " + fileId);
        if (put.statusCode() < 200 || put.statusCode() >= 300) {
            throw new PeerClient.PeerCallFailed(id().id(), "PUT file " + fileId + " answered " + put.statusCode()
                    + ": " + PeerClient.excerpt(put.body()), PeerClient.isPermanent(put.statusCode()));
        }
        String status = "/v3/files/" + fileId;
        for (int check = 1; check <= FILE_READY_CHECKS; check++) {
            int fileStatus = call("GET", status, null).path("fileStatus").asInt(-1);
            if (fileStatus == 2 || fileStatus == 5) {
                return fileId;
            }
            pause();
        }
        throw new PeerClient.PeerCallFailed(id().id(), "file " + fileId + " was not ready after "
                + FILE_READY_CHECKS + " checks", false);
    }

    @Override
    public byte[] downloadSigned(String flowId) {
        JsonNode files = call("GET", "/v3/sign-flow/" + flowId + "/file-download-url", null).path("files");
        String address = files.path(0).path("downloadUrl").asText("");
        if (address.isBlank()) {
            throw new PeerClient.PeerCallFailed(id().id(), "flow " + flowId + " has no signed file to download",
                    false);
        }
        HttpResponse<byte[]> response = exchangeBytes(HttpRequest.newBuilder(URI.create(address)).GET(),
                "GET signed file of " + flowId);
        if (response.statusCode() < 200 || response.statusCode() >= 300) {
            throw new PeerClient.PeerCallFailed(id().id(), "GET signed file of " + flowId + " answered "
                    + response.statusCode(), PeerClient.isPermanent(response.statusCode()));
        }
        return response.body();
    }

    @Override
    public Callback authenticate(Map<String, String> headers, Map<String, String> query, byte[] body) {
        String timestamp = headers.get("x-tsign-open-timestamp");
        String signature = headers.get("x-tsign-open-signature");
        if (timestamp == null || signature == null) {
            throw DomainException.unauthorized("pactum.esign.signatureMissing");
        }
        if (!MILLIS.matcher(timestamp).matches()) {
            throw DomainException.unauthorized("pactum.esign.timestampInvalid");
        }
        Instant sentAt = Instant.ofEpochMilli(Long.parseLong(timestamp));
        if (Duration.between(sentAt, clock.instant()).abs().compareTo(callbackTolerance) > 0) {
            throw DomainException.unauthorized("pactum.esign.timestampStale", callbackTolerance.toMinutes());
        }
        String appId = headers.get("x-tsign-open-app-id");
        StringBuilder queryValues = new StringBuilder();
        new TreeMap<>(query).values().forEach(queryValues::append);
        byte[] expected = hex(Signatures.hmacSha256(settings.appSecret(), concat(
                (timestamp + queryValues).getBytes(StandardCharsets.UTF_8), body)))
                .getBytes(StandardCharsets.US_ASCII);
        byte[] given = signature.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given) || (appId != null && !appId.equals(settings.appId()))) {
            throw DomainException.unauthorized("pactum.esign.signatureInvalid");
        }
        JsonNode event;
        try {
            event = json.readTree(body);
        } catch (IOException e) {
            throw DomainException.unprocessable("pactum.esign.bodyNotObject");
        }
        if (event == null || !event.isObject() || !event.path("action").isTextual()) {
            throw DomainException.unprocessable("pactum.esign.bodyNotObject");
        }
        String action = event.path("action").asText();
        Outcome outcome = Outcome.NONE;
        if ("SIGN_FLOW_COMPLETE".equals(action)) {
            outcome = switch (event.path("signFlowStatus").asText()) {
                case "2" -> Outcome.SIGNED;
                case "3" -> Outcome.REVOKED;
                case "5" -> Outcome.EXPIRED;
                case "7" -> Outcome.REFUSED;
                default -> Outcome.NONE;
            };
        }
        String flowId = event.path("signFlowId").isTextual() ? event.path("signFlowId").asText() : null;
        String description = event.path("statusDescription").isTextual()
                ? event.path("statusDescription").asText() : null;
        return new Callback(action, flowId, outcome, sentAt, description);
    }

    /** A signed call to the open API; @return its {@code data} */
    private JsonNode call(String method, String path, byte[] body) {
        String md5 = body == null ? "" : contentMd5(body);
        String toSign = method + "\n*/*\n" + md5 + "\n" + JSON + "\n\n" + path;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stripSlash(settings.url().toString()) + path))
                .header("X-Tsign-Open-App-Id", settings.appId())
                .header("X-Tsign-Open-Auth-Mode", "Signature")
                .header("X-Tsign-Open-Ca-Timestamp", Long.toString(clock.millis()))
                .header("X-Tsign-Open-Ca-Signature", Base64.getEncoder().encodeToString(
                        Signatures.hmacSha256(settings.appSecret(), toSign.getBytes(StandardCharsets.UTF_8))))
                .header("Accept", "*/*")
                .header("Content-Type", JSON);
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-MD5", md5).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        }
        HttpResponse<String> response = exchange(request, method + " " + path);
        int status = response.statusCode();
        if (status < 200 || status >= 300) {
            throw new PeerClient.PeerCallFailed(id().id(), method + " " + path + " answered " + status + ": "
                    + PeerClient.excerpt(response.body()), PeerClient.isPermanent(status));
        }
        JsonNode answer;
        try {
            answer = json.readTree(response.body());
        } catch (IOException e) {
            answer = null;
        }
        if (answer == null || !answer.isObject()) {
            throw new PeerClient.PeerCallFailed(id().id(), method + " " + path + " answered " + status
                    + " without JSON: " + PeerClient.excerpt(response.body()), false);
        }
        if (answer.path("code").asInt(-1) != 0) {
            // e签宝 refuses a request with HTTP 200 and its own code: the same request would be refused again.
            throw new PeerClient.PeerCallFailed(id().id(), method + " " + path + " refused: code "
                    + answer.path("code").asText() + " " + answer.path("message").asText(), true);
        }
        return answer.path("data");
    }

    private HttpResponse<String> exchange(HttpRequest.Builder request, String what) {
        return send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8), what);
    }

    private HttpResponse<byte[]> exchangeBytes(HttpRequest.Builder request, String what) {
        return send(request, HttpResponse.BodyHandlers.ofByteArray(), what);
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler, String what) {
        try {
            return http.send(request.version(HttpClient.Version.HTTP_1_1).timeout(timeout).build(), handler);
        } catch (HttpTimeoutException e) {
            throw new PeerClient.PeerCallFailed(id().id(), what + ": no answer within " + timeout.toMillis() + " ms",
                    false);
        } catch (IOException e) {
            throw new PeerClient.PeerCallFailed(id().id(), what + ": " + e, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PeerClient.PeerCallFailed(id().id(), what + ": interrupted", false);
        }
    }

    private void pause() {
        try {
            Thread.sleep(FILE_READY_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PeerClient.PeerCallFailed(id().id(), "waiting for the uploaded file: interrupted", false);
        }
    }

    private byte[] bytes(JsonNode node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String contentMd5(byte[] body) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
    }


    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static String firstPresent(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return null;
    }


    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}

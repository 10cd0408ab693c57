package dev.pactum;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Finance and the CRM for the one shared test context: a real HTTP server (WireMock) started once per JVM on a free
 * port, with {@code pactum.integration.*} pointing at it and the test secrets for inbound events. Tests stub and
 * verify what the peers answer and received through {@link #peers()}.
 */
public class TestPeers implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String FINANCE_SECRET = "test-secret-finance";
    public static final String CRM_SECRET = "test-secret-crm";
    public static final String PM_SECRET = "test-secret-pm";
    public static final String ROBOT_SECRET = "SECtest-robot-secret";
    public static final String SMS_KEY_SECRET = "test-aliyun-secret";
    public static final String ESIGN_APP_ID = "7438000001";
    public static final String ESIGN_SECRET = "test-esign-app-secret";
    public static final String DOCUSIGN_ACCOUNT = "5c1f0a4e-0000-4000-8000-00000000acc7";
    public static final String DOCUSIGN_CONNECT_KEY = "test-docusign-connect-key";
    public static final String FEISHU_VERIFICATION_TOKEN = "test-feishu-verification-token";
    public static final String FEISHU_ENCRYPT_KEY = "test-feishu-encrypt-key";
    public static final String DINGTALK_APP_SECRET = "test-dingtalk-app-secret";
    public static final String WECOM_CORP_ID = "wwtestcorp0001";
    public static final String WECOM_TOKEN = "test-wecom-callback-token";
    /** 43 characters, as WeCom gives it: Base64 of the 32-byte AES key without its "=". */
    public static final String WECOM_AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFE";
    /** The DocuSign app's RSA key pair: its private half in the settings, its public half checks the JWT grant. */
    public static final KeyPair DOCUSIGN_APP_KEY = rsaKeyPair();

    private static WireMockServer peers;

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static synchronized WireMockServer peers() {
        if (peers == null) {
            peers = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
                    .containerThreads(20).jettyStopTimeout(0L));
            peers.start();
            Runtime.getRuntime().addShutdownHook(new Thread(peers::stop, "wiremock-stop"));
        }
        return peers;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String base = "http://127.0.0.1:" + peers().port();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-peers", Map.ofEntries(
                Map.entry("pactum.integration.finance.enabled", "true"),
                Map.entry("pactum.integration.finance.url", base + "/finance"),
                Map.entry("pactum.integration.finance.username", "pactum"),
                Map.entry("pactum.integration.finance.password", "finance-password"),
                Map.entry("pactum.integration.finance.inbound-secret", FINANCE_SECRET),
                Map.entry("pactum.integration.crm.enabled", "true"),
                Map.entry("pactum.integration.crm.url", base + "/crm"),
                Map.entry("pactum.integration.crm.token", "crm-token"),
                Map.entry("pactum.integration.crm.inbound-secret", CRM_SECRET),
                Map.entry("pactum.integration.pm.enabled", "true"),
                Map.entry("pactum.integration.pm.inbound-secret", PM_SECRET),
                // e签宝 is configured (its callbacks are accepted) but not chosen: contracts go out for upload unless
                // a test routes its own through it (CounterSignatureRoute).
                Map.entry("pactum.signing.esign.url", base + "/esign"),
                Map.entry("pactum.signing.esign.app-id", ESIGN_APP_ID),
                Map.entry("pactum.signing.esign.app-secret", ESIGN_SECRET),
                Map.entry("pactum.signing.esign.callback-url",
                        "https://pactum.example.com/api/integrations/esign/esign/callback"),
                Map.entry("pactum.signing.docusign.oauth-url", base + "/docusign-account"),
                Map.entry("pactum.signing.docusign.api-url", base + "/docusign"),
                Map.entry("pactum.signing.docusign.account-id", DOCUSIGN_ACCOUNT),
                Map.entry("pactum.signing.docusign.integration-key", "7f3e0c52-0000-4000-8000-0000000000ik"),
                Map.entry("pactum.signing.docusign.user-id", "0b9d5a31-0000-4000-8000-00000000user"),
                Map.entry("pactum.signing.docusign.private-key", "-----BEGIN PRIVATE KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(DOCUSIGN_APP_KEY.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n"),
                Map.entry("pactum.signing.docusign.connect-secret", DOCUSIGN_CONNECT_KEY),
                Map.entry("pactum.signing.docusign.callback-url",
                        "https://pactum.example.com/api/integrations/esign/docusign/callback"),
                // A peer slower than this counts as failed: the timeout test waits this long, not 30 s.
                Map.entry("pactum.integration.timeout", "PT3S"),
                // IM robots and SMS (notification channels): personal webhooks may point here; a company robot
                // for overdue payments; Aliyun SMS with a template for payment reminders.
                Map.entry("pactum.notification.extra-webhook-hosts[0]", "127.0.0.1"),
                Map.entry("pactum.notification.timeout", "PT3S"),
                Map.entry("pactum.notification.robots[0].name", "finance-group"),
                Map.entry("pactum.notification.robots[0].channel", "DINGTALK"),
                Map.entry("pactum.notification.robots[0].webhook", base + "/robots/finance?access_token=t0k"),
                Map.entry("pactum.notification.robots[0].secret", ROBOT_SECRET),
                Map.entry("pactum.notification.robots[0].kinds[0]", "PAYMENT_OVERDUE"),
                Map.entry("pactum.notification.sms.enabled", "true"),
                Map.entry("pactum.notification.sms.endpoint", base + "/aliyun-sms/"),
                Map.entry("pactum.notification.sms.access-key-id", "test-key-id"),
                Map.entry("pactum.notification.sms.access-key-secret", SMS_KEY_SECRET),
                Map.entry("pactum.notification.sms.sign-name", "派克合同"),
                Map.entry("pactum.notification.sms.templates.PAYMENT_REMINDER.code", "SMS_100001"),
                Map.entry("pactum.notification.sms.templates.PAYMENT_REMINDER.params[0]", "number"),
                Map.entry("pactum.notification.sms.templates.PAYMENT_REMINDER.params[1]", "dueDate"),
                // Approval cards in Feishu: the app's API here; the sales managers, legal1 and sales1 have Feishu ids.
                Map.entry("pactum.im-approval.feishu.enabled", "true"),
                Map.entry("pactum.im-approval.feishu.api-url", base + "/feishu"),
                Map.entry("pactum.im-approval.feishu.app-id", "cli_test_app"),
                Map.entry("pactum.im-approval.feishu.app-secret", "test-feishu-app-secret"),
                Map.entry("pactum.im-approval.feishu.verification-token", FEISHU_VERIFICATION_TOKEN),
                Map.entry("pactum.im-approval.feishu.encrypt-key", FEISHU_ENCRYPT_KEY),
                Map.entry("pactum.im-approval.feishu.users.manager1", "ou_manager1"),
                Map.entry("pactum.im-approval.feishu.users.manager2", "ou_manager2"),
                Map.entry("pactum.im-approval.feishu.users.legal1", "ou_legal1"),
                Map.entry("pactum.im-approval.feishu.users.sales1", "ou_sales1"),
                // Approval cards in DingTalk: the app's API here; the sales managers, legal1 and sales1 have userIds.
                Map.entry("pactum.im-approval.dingtalk.enabled", "true"),
                Map.entry("pactum.im-approval.dingtalk.api-url", base + "/dingtalk"),
                Map.entry("pactum.im-approval.dingtalk.app-key", "dingtestappkey"),
                Map.entry("pactum.im-approval.dingtalk.app-secret", DINGTALK_APP_SECRET),
                Map.entry("pactum.im-approval.dingtalk.robot-code", "dingtestrobot"),
                Map.entry("pactum.im-approval.dingtalk.callback-route-key", "pactum-approvals"),
                Map.entry("pactum.im-approval.dingtalk.users.manager1", "dt-manager1"),
                Map.entry("pactum.im-approval.dingtalk.users.manager2", "dt-manager2"),
                Map.entry("pactum.im-approval.dingtalk.users.legal1", "dt-legal1"),
                Map.entry("pactum.im-approval.dingtalk.users.sales1", "dt-sales1"),
                // Approval cards in WeCom: the app's API here; the sales managers, legal1 and sales1 have UserIDs.
                Map.entry("pactum.im-approval.wecom.enabled", "true"),
                Map.entry("pactum.im-approval.wecom.api-url", base + "/wecom"),
                Map.entry("pactum.im-approval.wecom.corp-id", WECOM_CORP_ID),
                Map.entry("pactum.im-approval.wecom.corp-secret", "test-wecom-corp-secret"),
                Map.entry("pactum.im-approval.wecom.agent-id", "1000002"),
                Map.entry("pactum.im-approval.wecom.token", WECOM_TOKEN),
                Map.entry("pactum.im-approval.wecom.encoding-aes-key", WECOM_AES_KEY),
                Map.entry("pactum.im-approval.wecom.users.manager1", "wc-manager1"),
                Map.entry("pactum.im-approval.wecom.users.manager2", "wc-manager2"),
                Map.entry("pactum.im-approval.wecom.users.legal1", "wc-legal1"),
                Map.entry("pactum.im-approval.wecom.users.sales1", "wc-sales1"))));
    }
}

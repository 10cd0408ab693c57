package dev.pactum;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A real SMTP server (GreenMail) for the one shared test context: started once per JVM on a free port, with
 * {@code spring.mail.*} pointing at it. Tests read what arrived from {@link #greenMail()}.
 */
public class TestMailServer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static GreenMail greenMail;

    public static synchronized GreenMail greenMail() {
        if (greenMail == null) {
            greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
            greenMail.start();
            Runtime.getRuntime().addShutdownHook(new Thread(greenMail::stop, "greenmail-stop"));
        }
        return greenMail;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-mail-server", Map.of(
                "spring.mail.host", "127.0.0.1",
                "spring.mail.port", greenMail().getSmtp().getPort())));
    }
}

package eu.herald;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

/** A real SMTP server (GreenMail) on the port the test application sends to. */
public final class TestMail {

    private TestMail() {}

    public static GreenMailExtension server() {
        return new GreenMailExtension(
                        new ServerSetup(TestEnvironment.SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
                .withPerMethodLifecycle(true);
    }
}

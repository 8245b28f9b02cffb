package io.switchboard.email;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.util.StreamProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MailStreamProvidersTest {

    private String before;

    @BeforeEach
    void remember() {
        before = System.getProperty(MailStreamProviders.PROPERTY);
        System.clearProperty(MailStreamProviders.PROPERTY);
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(MailStreamProviders.PROPERTY);
        } else {
            System.setProperty(MailStreamProviders.PROPERTY, before);
        }
    }

    @Test
    void theConnectorNamesAngusMailsProviderSoJakartaMailNeedNotSearchForIt() {
        new EmailAutoConfiguration();

        assertThat(System.getProperty(MailStreamProviders.PROPERTY)).isEqualTo(MailStreamProviders.ANGUS);
        // the API takes the named class: the same implementation the service file would have found
        assertThat(StreamProvider.provider().getClass().getName()).isEqualTo(MailStreamProviders.ANGUS);
    }

    @Test
    void anOperatorsOwnChoiceIsKept() {
        System.setProperty(MailStreamProviders.PROPERTY, "com.example.OwnStreamProvider");

        MailStreamProviders.pinAngus();

        assertThat(System.getProperty(MailStreamProviders.PROPERTY)).isEqualTo("com.example.OwnStreamProvider");
    }
}

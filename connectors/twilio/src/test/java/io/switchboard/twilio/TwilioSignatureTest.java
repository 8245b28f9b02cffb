package io.switchboard.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.security.RequestValidator;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Twilio's published example (twilio-php / twilio-csharp RequestValidatorTest, webhook security docs). */
class TwilioSignatureTest {

    static final String TOKEN = "12345";
    static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    static final Map<String, String> PARAMS = Map.of("CallSid", "CA1234567890ABCDE", "Caller", "+14158675309",
            "Digits", "1234", "From", "+14158675309", "To", "+18005551212");
    static final String PUBLISHED = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";

    @Test
    void theTestSignerReproducesThePublishedVector() {
        assertThat(TwilioSigner.sign(TOKEN, URL, PARAMS)).isEqualTo(PUBLISHED);
    }

    @Test
    void theSdkValidatorWeUseAcceptsThePublishedVector() {
        assertThat(new RequestValidator(TOKEN).validate(URL, PARAMS, PUBLISHED)).isTrue();
    }

    @Test
    void anyChangeBreaksTheSignature() {
        RequestValidator validator = new RequestValidator(TOKEN);
        Map<String, String> tampered = new HashMap<>(PARAMS);
        tampered.put("Digits", "9999");
        assertThat(validator.validate(URL, tampered, PUBLISHED)).isFalse();
        assertThat(validator.validate(URL + "&x=1", PARAMS, PUBLISHED)).isFalse();
        assertThat(new RequestValidator("54321").validate(URL, PARAMS, PUBLISHED)).isFalse();
        assertThat(validator.validate(URL, PARAMS, "")).isFalse();
    }
}

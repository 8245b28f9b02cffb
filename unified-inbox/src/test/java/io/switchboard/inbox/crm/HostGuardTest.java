package io.switchboard.inbox.crm;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostGuardTest {

    @Test
    void loopbackPrivateAndLinkLocalAddressesAreRefusedWithTheSettingToChange() {
        HostGuard guard = new HostGuard(List.of());
        for (String url : List.of("http://127.0.0.1:8080/x", "http://localhost/x", "http://10.1.2.3/",
                "http://192.168.0.1/", "http://172.16.5.5/", "http://169.254.169.254/latest/meta-data",
                "http://[::1]/", "http://0.0.0.0/", "http://100.64.1.1/", "http://[fd00::1]/")) {
            assertThatThrownBy(() -> guard.check(URI.create(url)))
                    .as(url)
                    .isInstanceOf(RefusedDestinationException.class)
                    .hasMessageContaining("hub.crm.allowed-hosts");
        }
    }

    @Test
    void allowListedHostsAndCidrsPass() {
        HostGuard guard = new HostGuard(List.of("127.0.0.1/32", "crm.internal", "10.0.0.0/8"));
        assertThatCode(() -> guard.check(URI.create("http://127.0.0.1:9999/hook"))).doesNotThrowAnyException();
        assertThatCode(() -> guard.check(URI.create("https://10.20.30.40/hook"))).doesNotThrowAnyException();
        assertThatCode(() -> guard.check(URI.create("https://crm.internal/hook"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> guard.check(URI.create("http://192.168.1.1/")))
                .isInstanceOf(RefusedDestinationException.class);
    }

    @Test
    void onlyHttpAndHttpsWithAHost() {
        HostGuard guard = new HostGuard(List.of("127.0.0.1/32"));
        assertThatThrownBy(() -> guard.check(URI.create("file:///etc/passwd"))).hasMessageContaining("http or https");
        assertThatThrownBy(() -> guard.check(URI.create("ftp://127.0.0.1/"))).hasMessageContaining("http or https");
    }

    @Test
    void aBadCidrNamesTheSetting() {
        assertThatThrownBy(() -> new HostGuard(List.of("10.0.0.0/99")))
                .hasMessageContaining("hub.crm.allowed-hosts");
    }
}

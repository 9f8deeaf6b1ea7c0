package dev.allowlist.portal.notify.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void theStandardWebhooksReferenceVector() {
        // from the Standard Webhooks reference libraries' tests (python/tests/test_webhooks.py, test_sign_function)
        String signature = WebhookSignature.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330L, "{\"test\": 2432232314}");
        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
        // the prefix is optional, as the reference libraries read it
        assertThat(WebhookSignature.sign("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L,
                "{\"test\": 2432232314}")).isEqualTo(signature);
    }

    @Test
    void aRotatedSecretSignsBesideTheNewOne() {
        String current = WebhookSignature.newSecret();
        String previous = WebhookSignature.newSecret();
        assertThat(current).startsWith("whsec_").isNotEqualTo(previous);
        String header = WebhookSignature.header(List.of(current, previous), "msg_1", 1700000000L, "{}");
        assertThat(header.split(" ")).containsExactly(WebhookSignature.sign(current, "msg_1", 1700000000L, "{}"),
                WebhookSignature.sign(previous, "msg_1", 1700000000L, "{}"));
    }

    @Test
    void retriesBackOffToFourHoursOverAboutADay() {
        Duration first = Duration.ofSeconds(30);
        assertThat(Backoff.after(1, first)).isEqualTo(Duration.ofSeconds(30));
        assertThat(Backoff.after(2, first)).isEqualTo(Duration.ofMinutes(1));
        assertThat(Backoff.after(10, first)).isEqualTo(Duration.ofHours(4));
        Duration total = Duration.ZERO;
        for (int attempt = 1; attempt < 12; attempt++) {
            total = total.plus(Backoff.after(attempt, first));
        }
        assertThat(total).isBetween(Duration.ofHours(12), Duration.ofHours(30));
    }

    @Test
    void onlyPublicAddressesOverHttps() throws Exception {
        assertThat(TargetPolicy.checkUrl("https://hooks.example.com/x", false)).isNull();
        assertThat(TargetPolicy.checkUrl("http://hooks.example.com/x", false)).isEqualTo("error.webhook.https");
        assertThat(TargetPolicy.checkUrl("https://user:pw@hooks.example.com/x", false)).isEqualTo("error.webhook.url");
        assertThat(TargetPolicy.checkUrl("ftp://hooks.example.com/x", true)).isEqualTo("error.webhook.https");
        for (String address : List.of("127.0.0.1", "10.1.2.3", "172.16.0.9", "192.168.1.1", "169.254.169.254", "100.64.0.1",
                "0.0.0.0", "::1", "fe80::1", "fd00::1")) {
            assertThat(TargetPolicy.checkAddresses("h.example", List.of(InetAddress.getByName(address)), Set.of()))
                    .as(address).isEqualTo("error.webhook.private");
        }
        assertThat(TargetPolicy.checkAddresses("h.example", List.of(InetAddress.getByName("93.184.216.34")), Set.of())).isNull();
        assertThat(TargetPolicy.checkAddresses("127.0.0.1", List.of(InetAddress.getByName("127.0.0.1")), Set.of("127.0.0.1")))
                .isNull();
    }
}

package dev.allowlist.portal.central;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

/** Retry-After as RFC 9110 writes it: seconds, or an HTTP date; anything else waits a second. */
class RetryAfterTest {

    @Test
    void secondsOrAnHttpDate() {
        assertThat(CentralClient.retryAfter("120")).isEqualTo(Duration.ofSeconds(120));
        assertThat(CentralClient.retryAfter(" 0 ")).isEqualTo(Duration.ZERO);
        String inAMinute = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(60));
        assertThat(CentralClient.retryAfter(inAMinute)).isBetween(Duration.ofSeconds(55), Duration.ofSeconds(60));
        String past = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).minusSeconds(60));
        assertThat(CentralClient.retryAfter(past)).isEqualTo(Duration.ZERO);
        assertThat(CentralClient.retryAfter(null)).isEqualTo(Duration.ofSeconds(1));
        assertThat(CentralClient.retryAfter("soon")).isEqualTo(Duration.ofSeconds(1));
        assertThat(CentralClient.retryAfter("-5")).isEqualTo(Duration.ZERO);
    }
}

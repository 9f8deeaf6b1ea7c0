package dev.allowlist.portal.notify.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final Duration FIRST = Duration.ofSeconds(30);

    @Test
    void eachRetryWaitsTwiceAsLongUpToFourHours() {
        assertThat(Backoff.after(1, FIRST)).isEqualTo(Duration.ofSeconds(30));
        assertThat(Backoff.after(2, FIRST)).isEqualTo(Duration.ofMinutes(1));
        assertThat(Backoff.after(3, FIRST)).isEqualTo(Duration.ofMinutes(2));
        assertThat(Backoff.after(9, FIRST)).isEqualTo(Duration.ofMinutes(128));
        assertThat(Backoff.after(10, FIRST)).isEqualTo(Duration.ofHours(4));
        assertThat(Backoff.after(60, FIRST)).isEqualTo(Duration.ofHours(4));
    }

    @Test
    void theDefaultFifteenAttemptsSpanAboutADay() {
        Duration total = Duration.ZERO;
        for (int attempt = 1; attempt < 15; attempt++) { // the waits between attempt 1 and attempt 15
            total = total.plus(Backoff.after(attempt, FIRST));
        }
        assertThat(total).isBetween(Duration.ofHours(23), Duration.ofHours(25));
    }
}

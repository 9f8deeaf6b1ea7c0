package dev.allowlist.portal.notify.core;

import java.time.Duration;

/**
 * When a failed delivery is tried again: the first delay (30 s), doubling, at most 480 times the first
 * (4 hours), so that the default 15 attempts span about a day (30 s, 1, 2, 4, 8, 16, 32, 64 min,
 * 2 h 8 min, then 4 h five times: 24 h 16 min between the first attempt and the last). Tests shorten
 * the first delay.
 */
public final class Backoff {

    private Backoff() {
    }

    public static Duration after(int attempts, Duration first) {
        long millis = first.toMillis() * (1L << Math.min(Math.max(attempts - 1, 0), 20));
        return Duration.ofMillis(Math.min(millis, first.toMillis() * 480)); // 30 s x 480 = 4 h
    }
}

package dev.allowlist.portal.central;

import java.time.Duration;

/**
 * What went wrong talking to Sophos Central, in the terms the integration page reports: the credential
 * refused, a rate limit (with how long to wait), a host unreachable, or another failure. Its message
 * names the request's path and status, never a secret or a token.
 */
public class CentralFault extends Exception {

    public enum Kind { REFUSED, RATE_LIMITED, UNREACHABLE, FAILED }

    private final Kind kind;
    private final Duration retryAfter;

    public CentralFault(Kind kind, String message, Duration retryAfter) {
        super(message, null, false, false);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    /** For {@link Kind#RATE_LIMITED}: how long Sophos Central asked to wait. */
    public Duration retryAfter() {
        return retryAfter;
    }
}

package dev.allowlist.portal.audit;

/** A sensitive read cannot be recorded right now, so it is not served (answered 503). */
public class AuditUnavailableException extends RuntimeException {

    AuditUnavailableException(String reason) {
        super("The audit history cannot record this read right now (" + reason + "); please retry.");
    }
}

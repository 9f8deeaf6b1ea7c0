package dev.allowlist.portal.system;

import jakarta.ws.rs.core.Response;
import java.net.URI;

/** Post/Redirect/Get. */
public final class Redirects {

    private Redirects() {
    }

    public static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }

    /** A local path to return to; anything else (another host, a scheme) becomes "/". */
    public static String localPath(String candidate) {
        // browsers drop tabs and line breaks from URLs ("/\t/evil" becomes "//evil"): no control
        // character or space at all, and nothing URI.create would refuse
        if (candidate == null || !candidate.startsWith("/") || candidate.startsWith("//") || candidate.contains("\\")
                || candidate.chars().anyMatch(c -> c <= 0x20 || c == 0x7F)) {
            return "/";
        }
        try {
            URI uri = URI.create(candidate);
            return uri.getScheme() == null && uri.getRawAuthority() == null ? candidate : "/";
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }
}

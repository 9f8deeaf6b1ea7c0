package dev.allowlist.portal.web;

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
        if (candidate == null || !candidate.startsWith("/") || candidate.startsWith("//") || candidate.contains("\\")
                || candidate.contains("\r") || candidate.contains("\n")) {
            return "/";
        }
        return candidate;
    }
}

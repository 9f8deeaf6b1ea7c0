package dev.allowlist.portal.web;

import dev.allowlist.portal.system.I18n;
import dev.allowlist.portal.system.Redirects;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The language switcher: remembers the choice in a cookie and returns to the page. */
@PermitAll
@Path("/language")
public class LanguageResource {

    @GET
    public Response choose(@QueryParam("lang") String lang, @QueryParam("back") String back) {
        String language = I18n.LANGUAGES.contains(lang) ? lang : "en";
        NewCookie cookie = new NewCookie.Builder(I18n.COOKIE).value(language).path("/").maxAge(365 * 24 * 3600)
                .sameSite(NewCookie.SameSite.LAX).build();
        return Response.seeOther(URI.create(Redirects.localPath(back))).cookie(cookie).build();
    }
}

package dev.allowlist.portal.catalog;

import dev.allowlist.portal.catalog.core.CatalogParser;
import dev.allowlist.portal.catalog.core.RuleCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The catalog the portal ships, read the way the portal reads it. */
public final class BundledCatalog {

    private static RuleCatalog catalog;

    private BundledCatalog() {
    }

    public static String json() {
        try (InputStream in = BundledCatalog.class.getResourceAsStream("/catalog/sophos-central.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static synchronized RuleCatalog get() {
        if (catalog == null) {
            catalog = new CatalogParser().parse(json());
        }
        return catalog;
    }
}

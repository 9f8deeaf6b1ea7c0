package dev.allowlist.portal.export;

import dev.allowlist.portal.export.core.ExportFormat;
import dev.allowlist.portal.export.core.ExportFormats;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.List;

/** The format ids for templates: {@code {inject:exportFormats.ids}}. */
@ApplicationScoped
@Named("exportFormats")
public class ExportFormatNames {

    public List<String> ids() {
        return ExportFormats.menu().stream().map(ExportFormat::id).toList();
    }
}

package dev.allowlist.portal.system;

/** Downloads: the {@code Content-Disposition} that saves a response under a file name. */
public final class Attachments {

    private Attachments() {
    }

    /**
     * {@code attachment; filename="<name>"} (RFC 6266). The portal's file names are ASCII slugs, ids and
     * dates; a quote, a backslash or a line break could still end the header's value, so they are dropped.
     */
    public static String named(String fileName) {
        return "attachment; filename=\"" + fileName.replaceAll("[\"\\\\\\r\\n]", "") + "\"";
    }
}

package dev.allowlist.portal.importing.core;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text of a CSV file in the encodings spreadsheets write: UTF-8 with or without BOM, UTF-16
 * (with BOM, or without one when every other byte of ASCII text is zero), and Shift_JIS as Japanese
 * Excel saves "CSV" (Windows-31J, which is what Excel means by it), tried only when the bytes are not
 * valid UTF-8.
 */
public final class TextDecoding {

    public record Decoded(String text, String encoding) {
    }

    private static final Charset WINDOWS_31J = Charset.forName("windows-31j");

    private TextDecoding() {
    }

    public static Decoded decode(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
            return strict(bytes, 3, StandardCharsets.UTF_8, "UTF-8 (BOM)");
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe) {
            return strict(bytes, 2, StandardCharsets.UTF_16LE, "UTF-16LE");
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff) {
            return strict(bytes, 2, StandardCharsets.UTF_16BE, "UTF-16BE");
        }
        if (bytes.length >= 4 && bytes[1] == 0 && bytes[3] == 0 && bytes[0] != 0) {
            return strict(bytes, 0, StandardCharsets.UTF_16LE, "UTF-16LE");
        }
        if (bytes.length >= 4 && bytes[0] == 0 && bytes[2] == 0 && bytes[1] != 0) {
            return strict(bytes, 0, StandardCharsets.UTF_16BE, "UTF-16BE");
        }
        try {
            return strict(bytes, 0, StandardCharsets.UTF_8, "UTF-8");
        } catch (ImportException notUtf8) {
            return strict(bytes, 0, WINDOWS_31J, "Shift_JIS");
        }
    }

    private static Decoded strict(byte[] bytes, int offset, Charset charset, String name) {
        try {
            String text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
            return new Decoded(text, name);
        } catch (CharacterCodingException e) {
            throw new ImportException("error.import.encoding");
        }
    }
}

package fr.esante.medimail.identity.directory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Tells UTF-8 (recent extraction files) from Windows-1252 (older ones) by looking at the start of the file:
 * Windows-1252 accented letters are almost never valid UTF-8 sequences, so invalid UTF-8 without any valid
 * multi-byte sequence means Windows-1252.
 * A start made of ASCII only proves nothing; the reader then decodes strictly and the import restarts in
 * Windows-1252 if a non-UTF-8 byte shows up further on.
 */
public final class EncodingDetector {

    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    static final int SNIFFED_BYTES = 1 << 20;

    /** @param confident false when the sniffed start was plain ASCII and UTF-8 is only the default */
    public record Detection(Charset charset, boolean confident, boolean byteOrderMark) {
    }

    private EncodingDetector() {
    }

    public static Detection detect(ExtractionSource source) throws IOException {
        byte[] start;
        try (InputStream in = source.open()) {
            start = in.readNBytes(SNIFFED_BYTES);
        }
        return detect(start, start.length < SNIFFED_BYTES);
    }

    static Detection detect(byte[] start, boolean wholeFile) {
        if (start.length >= 3 && (start[0] & 0xFF) == 0xEF && (start[1] & 0xFF) == 0xBB && (start[2] & 0xFF) == 0xBF) {
            return new Detection(StandardCharsets.UTF_8, true, true);
        }
        int validMultiByte = 0;
        int invalid = 0;
        int i = 0;
        while (i < start.length) {
            int b = start[i] & 0xFF;
            if (b < 0x80) {
                i++;
                continue;
            }
            int length = b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
            if (length == 0) {
                invalid++;
                i++;
                continue;
            }
            if (i + length > start.length) {
                // A sniffed prefix may end inside a character; a whole file may not.
                if (wholeFile) {
                    invalid++;
                }
                break;
            }
            if (isSequence(start, i, length)) {
                validMultiByte++;
                i += length;
            } else {
                invalid++;
                i++;
            }
        }
        if (invalid == 0) {
            return new Detection(StandardCharsets.UTF_8, validMultiByte > 0 || wholeFile, false);
        }
        // Windows-1252 French text practically never forms valid UTF-8 sequences; a file that has both is
        // damaged UTF-8, which strict decoding will then refuse.
        return new Detection(validMultiByte > 0 ? StandardCharsets.UTF_8 : WINDOWS_1252, true, false);
    }

    private static boolean isSequence(byte[] bytes, int at, int length) {
        int first = bytes[at] & 0xFF;
        int second = bytes[at + 1] & 0xFF;
        if ((first == 0xE0 && second < 0xA0) || (first == 0xED && second > 0x9F)
                || (first == 0xF0 && second < 0x90) || (first == 0xF4 && second > 0x8F)) {
            return false;
        }
        for (int k = 1; k < length; k++) {
            int next = bytes[at + k] & 0xFF;
            if (next < 0x80 || next > 0xBF) {
                return false;
            }
        }
        return true;
    }
}

package org.cloudweb.ejb.consistency;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import org.cloudweb.ejb.storage.StoragePath;

/**
 * Names as the filesystem has them. Java decodes a name that is not UTF-8 with U+FFFD in place of the bad
 * bytes, so such a name cannot be told from its string alone: its raw bytes are read back from the path's
 * URI (which percent-encodes them). Paths from a directory listing keep their raw bytes, so a file with such a
 * name can still be looked at through its listed path, never through a path rebuilt from the string.
 */
final class DiskNames {

    /** The order of UTF-8 bytes, which is that of code points (the index's binary collation), not of UTF-16. */
    static final Comparator<String> ORDER = DiskNames::compare;

    private DiskNames() {
    }

    /** Why the index cannot hold the name of a listed entry, or null if it can. */
    static String problem(Path entry, String name) {
        if (name.indexOf('\uFFFD') >= 0 && !Arrays.equals(rawName(entry), name.getBytes(StandardCharsets.UTF_8))) {
            return "is not valid UTF-8";
        }
        return StoragePath.problem(name);
    }

    /**
     * The name for a report: invalid bytes and control characters as {@code \xNN} (C1 controls as
     * {@code \u0085}), a backslash doubled; everything else as it is.
     */
    static String printable(Path entry, String name) {
        byte[] raw = name.indexOf('\uFFFD') >= 0 ? rawName(entry) : name.getBytes(StandardCharsets.UTF_8);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(raw);
        CharBuffer out = CharBuffer.allocate(raw.length + 1);
        StringBuilder shown = new StringBuilder();
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            out.flip();
            appendPrintable(shown, out);
            out.clear();
            if (result.isError()) {
                for (int i = 0; i < result.length(); i++) {
                    shown.append(String.format("\\x%02x", in.get() & 0xff));
                }
            } else if (result.isUnderflow()) {
                break;
            }
        }
        return shown.toString();
    }

    /** A name as the index compares it: MariaDB's binary collation ignores trailing spaces ("PAD SPACE"). */
    static String padKey(String name) {
        int end = name.length();
        while (end > 0 && name.charAt(end - 1) == ' ') {
            end--;
        }
        return end == name.length() ? name : name.substring(0, end);
    }

    static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    private static void appendPrintable(StringBuilder shown, CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                shown.append("\\\\");
            } else if (c < 0x20 || c == 0x7f) {
                shown.append(String.format("\\x%02x", (int) c));
            } else if (Character.isISOControl(c)) {
                shown.append(String.format("\\u%04x", (int) c));
            } else {
                shown.append(c);
            }
        }
    }

    /** The bytes of the last element of a path, from its URI. */
    static byte[] rawName(Path entry) {
        String uri = entry.toAbsolutePath().toUri().getRawPath();
        if (uri.endsWith("/") && uri.length() > 1) {
            uri = uri.substring(0, uri.length() - 1); // a directory's URI ends with a slash
        }
        String last = uri.substring(uri.lastIndexOf('/') + 1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(last.length());
        for (int i = 0; i < last.length(); i++) {
            char c = last.charAt(i);
            if (c == '%' && i + 2 < last.length()) {
                bytes.write(Integer.parseInt(last, i + 1, i + 3, 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toByteArray();
    }
}

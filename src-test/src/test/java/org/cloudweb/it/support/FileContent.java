package org.cloudweb.it.support;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/**
 * Bodies that describe themselves: a header line with their name, version and length, then bytes derived from
 * those. Any file, whoever wrote it and whenever it was cut, can be checked on its own: a torn or mixed file
 * fails {@link #isIntact}.
 */
public final class FileContent {

    private static final String MAGIC = "cloudweb-test";

    private FileContent() {
    }

    public static byte[] of(String name, long version, int length) {
        byte[] header = (MAGIC + " " + name + " " + version + " " + length + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[Math.max(length, header.length)];
        System.arraycopy(header, 0, body, 0, header.length);
        byte[] filler = new byte[body.length - header.length];
        new Random(name.hashCode() * 31L + version).nextBytes(filler);
        System.arraycopy(filler, 0, body, header.length, filler.length);
        return body;
    }

    /** Whether {@code bytes} are exactly what {@link #of} made for the file {@code name}. */
    public static boolean isIntact(String name, byte[] bytes) {
        int newline = -1;
        for (int i = 0; i < Math.min(bytes.length, 256); i++) {
            if (bytes[i] == '\n') {
                newline = i;
                break;
            }
        }
        if (newline < 0) {
            return false;
        }
        String[] header = new String(bytes, 0, newline, StandardCharsets.US_ASCII).split(" ");
        if (header.length != 4 || !MAGIC.equals(header[0]) || !name.equals(header[1])) {
            return false;
        }
        try {
            return Arrays.equals(bytes, of(name, Long.parseLong(header[2]), Integer.parseInt(header[3])));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}

package org.cloudweb.web.storage;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.cloudweb.ejb.error.BadRequestException;

/**
 * Decodes the raw (still percent-encoded) path of a request into names, exactly once: {@code %2F} becomes a
 * {@code /} inside a name (which the name rules then refuse), {@code +} stays a plus, and bytes that are not
 * UTF-8 are refused.
 */
public final class PathSegments {

    private PathSegments() {
    }

    public static List<String> decode(String rawPath) {
        String path = rawPath.endsWith("/") ? rawPath.substring(0, rawPath.length() - 1) : rawPath;
        List<String> names = new ArrayList<>();
        for (String segment : path.split("/", -1)) {
            names.add(decodeSegment(segment));
        }
        return names;
    }

    static String decodeSegment(String segment) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%') {
                if (i + 2 >= segment.length()) {
                    throw invalid();
                }
                int high = Character.digit(segment.charAt(i + 1), 16);
                int low = Character.digit(segment.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw invalid();
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < segment.length()) {
                    encoded = segment.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.writeBytes(encoded);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new BadRequestException("invalid_name", "A name in the path is not UTF-8");
        }
    }

    private static BadRequestException invalid() {
        return new BadRequestException("invalid_name", "A name in the path has a broken percent-escape");
    }
}

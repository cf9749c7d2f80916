package org.cloudweb.ejb.storage;

import java.util.Map;

/**
 * What comes with the bytes of an upload.
 *
 * @param contentLength the announced length, or -1 when chunked
 * @param expectedMd5   the MD5 (hex) the client says it sent, or null
 * @param contentType   the media type to store, or null to guess from the name when reading
 * @param metadata      user metadata ({@code X-Meta-*}), or null to keep none
 */
public record Upload(long contentLength, String expectedMd5, String contentType, Map<String, String> metadata) {
}

package org.cloudweb.web.storage;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLConnection;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cloudweb.ejb.error.NotFoundException;
import org.cloudweb.ejb.storage.Entry;
import org.cloudweb.web.error.Problem;

/**
 * The answer to GET and HEAD of a file: conditional requests (304/412), a single byte range (206/416), and
 * the bytes streamed with a fixed buffer from a file opened before the answer starts, so a replace that
 * happens meanwhile cannot mix two versions.
 */
final class Downloads {

    private static final Logger LOG = Logger.getLogger(Downloads.class.getName());

    private static final int BUFFER = 64 * 1024;

    /** Called once a download has been sent. */
    interface Recorder {
        void record(int status, long bytes);
    }

    private Downloads() {
    }

    static Response respond(Entry entry, Request request, String rangeHeader, boolean withBody, Recorder recorder) {
        Date modified = Date.from(entry.modifiedAt().truncatedTo(ChronoUnit.SECONDS));
        // no ETag while the database is away: files are then read from the disk, which does not keep their MD5
        EntityTag tag = entry.etag() == null ? null : new EntityTag(entry.etag());
        Response.ResponseBuilder unchanged = tag == null ? request.evaluatePreconditions(modified)
                : request.evaluatePreconditions(modified, tag);
        if (unchanged != null) {
            if (unchanged.build().getStatus() == 412) {
                FileResource.preconditionFailed();
            }
            return unchanged.tag(tag).lastModified(modified).build();
        }
        FileChannel channel = open(entry);
        try {
            long size = channel.size();
            ByteRange range = ByteRange.parse(rangeHeader, size);
            if (range == ByteRange.UNSATISFIABLE) {
                channel.close();
                return Problem.of(416, "range_not_satisfiable", "The file has " + size + " bytes").toResponse()
                        .header("Content-Range", "bytes */" + size).build();
            }
            long start = range == null ? 0 : range.start();
            long length = range == null ? size : range.length();
            int status = range == null ? 200 : 206;
            Response.ResponseBuilder response = Response.status(status).type(mediaType(entry)).tag(tag)
                    .lastModified(modified).header("Accept-Ranges", "bytes").header("X-Object-Type", "file")
                    .header(HttpHeaders.CONTENT_LENGTH, length);
            if (range != null) {
                response.header("Content-Range", "bytes " + start + "-" + (start + length - 1) + "/" + size);
            }
            entry.metadata().forEach((key, value) -> response.header("X-Meta-" + key, value));
            if (!withBody) {
                channel.close();
                return response.build();
            }
            return response.entity((StreamingOutput) out -> {
                try (channel) {
                    copy(channel, start, length, out);
                }
                out.flush(); // the client has every byte before the record is written
                try {
                    recorder.record(status, length);
                } catch (RuntimeException e) {
                    // the bytes are out: a record that cannot be written must not turn the answer into an error
                    LOG.log(Level.WARNING, "Download of {0} not recorded: {1}", new Object[] {entry.path(), e.toString()});
                }
            }).build();
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException(e);
        }
    }

    private static FileChannel open(Entry entry) {
        try {
            return FileChannel.open(entry.file(), StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new NotFoundException("The bytes of this file are missing; a consistency check will tell why");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(FileChannel channel, long start, long length, OutputStream out) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
        long position = start;
        long end = start + length;
        while (position < end) {
            buffer.clear().limit((int) Math.min(BUFFER, end - position));
            int read = channel.read(buffer, position);
            if (read < 0) {
                throw new IOException("The file ended early");
            }
            out.write(buffer.array(), 0, read);
            position += read;
        }
    }

    private static String mediaType(Entry entry) {
        if (entry.contentType() != null) {
            return entry.contentType();
        }
        String guessed = URLConnection.getFileNameMap().getContentTypeFor(entry.name());
        return guessed != null ? guessed : MediaType.APPLICATION_OCTET_STREAM;
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // already failing
        }
    }
}

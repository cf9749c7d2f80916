package org.cloudweb.ejb.storage;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.cloudweb.persistence.common.State;
import org.cloudweb.persistence.storage.StorageObject;
import org.cloudweb.persistence.storage.StorageObjectType;

/**
 * What the index knows of one node, detached from the persistence context; {@code file} is where its bytes
 * are (for files).
 */
public record Entry(long id, String path, String name, StorageObjectType type, long size, String etag,
                    String contentType, State state, Instant modifiedAt, Map<String, String> metadata, Path file) {

    static Entry of(StoragePath path, StorageObject row, Path file) {
        return new Entry(row.getId(), path.toString(), row.getName(), row.getType(), row.getSize(), row.getEtag(),
                row.getContentType(), row.getState(), row.getModifiedAt(), Map.copyOf(row.getMetadata()), file);
    }

    /** A listing entry: no metadata, no file. */
    static Entry brief(StoragePath parent, StorageObject row) {
        return new Entry(row.getId(), parent + "/" + row.getName(), row.getName(), row.getType(), row.getSize(),
                row.getEtag(), row.getContentType(), row.getState(), row.getModifiedAt(), Map.of(), null);
    }
}

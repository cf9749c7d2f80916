package org.cloudweb.web.storage;

import java.time.Instant;
import java.util.Locale;
import org.cloudweb.ejb.storage.Entry;

/** One entry of a listing. */
public record EntryView(String name, String type, long size, String etag, String contentType, Instant modifiedAt,
                        String state) {

    static EntryView of(Entry entry) {
        return new EntryView(entry.name(), entry.type().name().toLowerCase(Locale.ROOT), entry.size(), entry.etag(),
                entry.contentType(), entry.modifiedAt(), entry.state().name().toLowerCase(Locale.ROOT));
    }
}

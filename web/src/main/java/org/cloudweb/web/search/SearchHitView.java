package org.cloudweb.web.search;

import java.time.Instant;
import java.util.Locale;
import org.cloudweb.ejb.storage.Entry;

/** One search result: its full path as it is now, and what a listing says of it. */
public record SearchHitView(String path, String name, String type, long size, String etag, String contentType,
                            Instant modifiedAt, String state) {

    static SearchHitView of(Entry entry) {
        return new SearchHitView(entry.path(), entry.name(), entry.type().name().toLowerCase(Locale.ROOT),
                entry.size(), entry.etag(), entry.contentType(), entry.modifiedAt(),
                entry.state().name().toLowerCase(Locale.ROOT));
    }
}

package org.cloudweb.web.storage;

import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;
import java.util.Locale;
import org.cloudweb.ejb.storage.Listing;

/** The answer to {@code GET} on an account, container or directory; {@code next} is the marker of the next page. */
@JsonbNillable
public record ListingView(String path, String type, List<EntryView> entries, String next) {

    static ListingView of(Listing listing) {
        return new ListingView(listing.entry().path(),
                listing.entry().type().name().toLowerCase(Locale.ROOT),
                listing.entries().stream().map(EntryView::of).toList(), listing.next());
    }
}

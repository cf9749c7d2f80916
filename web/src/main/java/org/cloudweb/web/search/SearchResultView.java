package org.cloudweb.web.search;

import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;
import org.cloudweb.ejb.search.SearchPage;

/** The answer to {@code GET /search}: one page of results and the {@code cursor} of the next (null at the end). */
@JsonbNillable
public record SearchResultView(List<SearchHitView> results, String next) {

    static SearchResultView of(SearchPage page) {
        return new SearchResultView(page.results().stream().map(SearchHitView::of).toList(), page.next());
    }
}

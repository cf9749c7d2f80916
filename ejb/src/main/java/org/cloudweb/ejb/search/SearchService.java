package org.cloudweb.ejb.search;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.cloudweb.ejb.error.BadRequestException;
import org.cloudweb.ejb.error.ForbiddenException;
import org.cloudweb.ejb.search.SearchIndex.AllSource;
import org.cloudweb.ejb.search.SearchIndex.GramSource;
import org.cloudweb.ejb.search.SearchIndex.Node;
import org.cloudweb.ejb.search.SearchIndex.OwnerSource;
import org.cloudweb.ejb.search.SearchIndex.Prepared;
import org.cloudweb.ejb.search.SearchIndex.Row;
import org.cloudweb.ejb.search.SearchIndex.Source;
import org.cloudweb.ejb.search.SearchIndex.WindowEnd;
import org.cloudweb.ejb.security.Caller;
import org.cloudweb.ejb.security.ResourceFirewall;
import org.cloudweb.ejb.security.Roles;
import org.cloudweb.ejb.storage.Entry;
import org.cloudweb.ejb.storage.StoragePath;
import org.cloudweb.ejb.storage.TreeIndex;
import org.cloudweb.persistence.storage.StorageObjectType;

/**
 * Search by name, case-insensitive: in the caller's account, in one account or all of them (administrators),
 * optionally only below a path. Prefix and exact searches are ordered by lower-case name, substring searches by
 * id; either way a cursor continues where a page ended, and each request examines a bounded number of rows.
 */
@Stateless
@DeclareRoles({Roles.ADMIN, Roles.USER})
@RolesAllowed(Roles.USER)
public class SearchService {

    public static final int MAX_LIMIT = 1000;
    public static final String ALL_ACCOUNTS = "*";
    /** Candidates one request looks at when a filter the indexes cannot apply ({@code under}) drops some. */
    static final int MAX_EXAMINED = 20_000;
    /** Rows of a trigram (or an account) counted when choosing where a substring search starts. */
    static final int COUNT_BOUND = 10_000;
    /** At most this many trigrams of a long query are looked up; the name check covers the rest. */
    private static final int MAX_GRAMS = 6;
    private static final int MIN_WINDOW = 256;
    /** Rows read per query when {@code under} filters them: fewer round trips, one path query each. */
    private static final int UNDER_CHUNK = 1000;
    /** A subtree ({@code under}) of up to this many rows is searched by its parents' ids, exactly. */
    static final int SMALL_SUBTREE = 20_000;

    @Inject
    ResourceFirewall firewall;

    @Inject
    TreeIndex tree;

    @Inject
    SearchIndex index;

    /**
     * One page of results.
     *
     * @param query   the text to look for, taken literally (no wildcards)
     * @param account an account name, {@value #ALL_ACCOUNTS} (administrators), or null for the caller's own
     * @param type    only this type, or null
     * @param under   only below this path, or null
     * @param cursor  the {@code next} of the previous page, or null
     */
    public SearchPage search(String query, SearchMode mode, StorageObjectType type, String account,
                             StoragePath under, int limit, String cursor) {
        Caller caller = firewall.requireSignedIn();
        if (query == null || query.isEmpty()) {
            throw new BadRequestException("q must not be empty");
        }
        if (query.length() > StoragePath.MAX_NAME_BYTES) {
            throw new BadRequestException("q is longer than any name");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadRequestException("limit must be from 1 to " + MAX_LIMIT);
        }
        SearchMode searchMode = mode == null ? SearchMode.PREFIX : mode;
        SearchCursor after = SearchCursor.decode(cursor, searchMode);
        Scope scope = scope(caller, account, under);
        if (scope.below() != null) {
            // a small subtree is read whole by parent id; only a large one is filtered row by row
            List<Long> parents = index.smallSubtree(scope.below(), SMALL_SUBTREE);
            if (parents != null) {
                scope = new Scope(scope.owner(), null, parents);
            }
        }
        Prepared prepared = index.prepare(query);
        return searchMode == SearchMode.SUBSTRING
                ? substring(prepared, scope, type, limit, after)
                : byName(prepared, searchMode == SearchMode.EXACT, scope, type, limit, after);
    }

    /** Whose rows to search, and below which row; checked by the firewall. */
    private Scope scope(Caller caller, String account, StoragePath under) {
        if (under != null) {
            firewall.requireAccount(under.account());
            if (account != null && !account.equals(ALL_ACCOUNTS) && !account.equals(under.account())) {
                throw new BadRequestException("under lies outside the account searched");
            }
            long below = tree.get(under).getId();
            return new Scope(tree.ownerOf(under.account()), under.isAccount() ? null : below, null);
        }
        if (ALL_ACCOUNTS.equals(account)) {
            if (!caller.admin()) {
                throw new ForbiddenException("Only administrators search all accounts");
            }
            return new Scope(null, null, null);
        }
        String searched = account == null ? caller.name() : account;
        firewall.requireAccount(searched);
        return new Scope(tree.ownerOf(searched), null, null);
    }

    private SearchPage byName(Prepared prepared, boolean exact, Scope scope, StorageObjectType type, int limit,
                              SearchCursor after) {
        // without a filter outside the index, one query gives the page; with one, chunks until the page is full
        int chunk = scope.below() == null ? limit + 1 : Math.max(limit + 1, UNDER_CHUNK);
        List<Entry> page = new ArrayList<>();
        SearchCursor position = after;
        int examined = 0;
        while (true) {
            List<Row> rows = index.byName(scope.owner(), scope.parents(), prepared.lower(), exact, type, position,
                    chunk);
            Map<Long, Node> ancestry = index.ancestry(rows.stream().map(Row::id).toList());
            for (Row row : rows) {
                if (page.size() == limit) {
                    return new SearchPage(page, position.encode()); // a further match exists: this row
                }
                position = new SearchCursor(exact ? SearchMode.EXACT : SearchMode.PREFIX, row.id(), row.nameLc());
                if (scope.includes(row, ancestry)) {
                    page.add(entry(row, ancestry));
                }
            }
            examined += rows.size();
            if (rows.size() < chunk) {
                return new SearchPage(page, null);
            }
            if (examined >= MAX_EXAMINED) {
                return new SearchPage(page, position.encode());
            }
        }
    }

    /**
     * Substring search: candidates come in id order from the rarest trigram of the query (or from the account's
     * rows when it has fewer; or, for a query of one or two characters, from the account or the whole index),
     * are intersected with the other trigrams by primary key and checked against the real name.
     */
    private SearchPage substring(Prepared prepared, Scope scope, StorageObjectType type, int limit,
                                 SearchCursor after) {
        if (scope.parents() != null) {
            List<Row> rows = index.substringIn(scope.parents(), prepared.lower(), type, after == null ? 0 : after.id(),
                    limit + 1);
            Map<Long, Node> ancestry = index.ancestry(rows.stream().limit(limit).map(Row::id).toList());
            List<Entry> page = rows.stream().limit(limit).map(row -> entry(row, ancestry)).toList();
            return new SearchPage(page, rows.size() > limit ? substringCursor(rows.get(limit - 1).id()) : null);
        }
        List<Long> grams = sample(prepared.grams());
        List<Source> sources = new ArrayList<>();
        grams.forEach(gram -> sources.add(new GramSource(gram)));
        sources.add(scope.owner() == null ? new AllSource() : new OwnerSource(scope.owner()));
        List<Long> sizes = index.sizes(sources, COUNT_BOUND);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(sizes::get));
        Source driver = sources.get(order.get(0));
        List<Long> others = new ArrayList<>();
        for (int i : order) {
            if (i < grams.size() && sources.get(i) != driver) {
                others.add(grams.get(i));
            }
        }
        List<Entry> page = new ArrayList<>();
        long position = after == null ? 0 : after.id();
        int window = Math.max(MIN_WINDOW, 4 * limit);
        int examined = 0;
        while (true) {
            long start = position;
            // when ancestors filter the matches, ask for many at once: most may fall outside the subtree
            int asked = scope.below() == null ? limit - page.size() + 1 : Math.max(limit + 1, UNDER_CHUNK);
            List<Row> rows = index.substring(driver, others, scope.owner(), prepared.lower(), type, start, window,
                    asked);
            Map<Long, Node> ancestry = index.ancestry(rows.stream().map(Row::id).toList());
            for (Row row : rows) {
                if (page.size() == limit) {
                    return new SearchPage(page, substringCursor(position)); // a further match exists: this row
                }
                position = row.id();
                if (scope.includes(row, ancestry)) {
                    page.add(entry(row, ancestry));
                }
            }
            examined += window;
            if (rows.size() < asked) {
                // every candidate of the window was looked at: go on after its end, if the source has more
                WindowEnd end = index.windowEnd(driver, start, window);
                if (end.size() < window) {
                    return new SearchPage(page, null);
                }
                position = end.lastId();
            }
            if (page.size() == limit || examined >= MAX_EXAMINED) {
                return new SearchPage(page, substringCursor(position));
            }
            window = Math.min(window * 4, COUNT_BOUND);
        }
    }

    private static String substringCursor(long position) {
        return new SearchCursor(SearchMode.SUBSTRING, position, null).encode();
    }

    /** Up to {@value #MAX_GRAMS} trigrams spread over the query, its first and last among them. */
    private static List<Long> sample(List<Long> grams) {
        if (grams.size() <= MAX_GRAMS) {
            return grams;
        }
        List<Long> sampled = new ArrayList<>();
        for (int i = 0; i < MAX_GRAMS; i++) {
            sampled.add(grams.get(i * (grams.size() - 1) / (MAX_GRAMS - 1)));
        }
        return sampled;
    }

    private static Entry entry(Row row, Map<Long, Node> ancestry) {
        List<String> names = new ArrayList<>();
        for (Long id = row.id(); id != null; ) {
            Node node = ancestry.get(id);
            names.add(node.name());
            id = node.parentId();
        }
        StringBuilder path = new StringBuilder();
        for (int i = names.size() - 1; i >= 0; i--) {
            path.append('/').append(names.get(i));
        }
        return new Entry(row.id(), path.toString(), row.name(), row.type(), row.size(), row.etag(), row.contentType(),
                row.state(), row.modifiedAt(), Map.of(), null);
    }

    /**
     * The rows searched: one owner's (or everyone's, when null); only those strictly below the row {@code below}
     * (when not null, checked row by row), or only the children of {@code parents} (when not null: the row
     * {@code under} named and the directories below it).
     */
    private record Scope(Long owner, Long below, List<Long> parents) {

        boolean includes(Row row, Map<Long, Node> ancestry) {
            if (below == null) {
                return true;
            }
            for (Long id = row.parentId(); id != null; id = ancestry.get(id).parentId()) {
                if (id.equals(below)) {
                    return true;
                }
            }
            return false;
        }
    }
}

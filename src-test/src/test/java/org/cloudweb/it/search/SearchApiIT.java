package org.cloudweb.it.search;

import static org.cloudweb.it.support.Api.fs;
import static org.cloudweb.it.support.Api.json;
import static org.cloudweb.it.support.HttpJson.json;
import static org.cloudweb.it.support.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.cloudweb.it.support.Api;
import org.cloudweb.it.support.OwnerApiTest;
import org.cloudweb.it.support.TestUsers.TestUser;
import org.cloudweb.it.support.TestUsers;
import org.junit.jupiter.api.Test;

/** {@code GET /search}: modes, literal matching, filters, paging, changes of the tree, and who sees what. */
class SearchApiIT extends OwnerApiTest {

    @Override
    protected String container() {
        return "box";
    }

    @Test
    void eachModeMatchesItsWayIgnoringCase() {
        put("docs", "Report-2024.txt");
        put("docs", "annual report.pdf");
        put("docs", "REPORT");
        put("docs", "reporter.doc");
        put("docs", "unrelated.txt");

        assertEquals(Set.of(path("docs", "Report-2024.txt"), path("docs", "REPORT"), path("docs", "reporter.doc")),
                paths(search("q", "report")), "prefix is the default");
        assertEquals(paths(search("q", "report")), paths(search("q", "rEpOrT", "mode", "prefix")));
        assertEquals(Set.of(path("docs", "Report-2024.txt"), path("docs", "annual report.pdf"),
                path("docs", "REPORT"), path("docs", "reporter.doc")), paths(search("q", "EPOR", "mode", "substring")));
        assertEquals(Set.of(path("docs", "REPORT")), paths(search("q", "report", "mode", "exact")));
        assertEquals(Set.of(), paths(search("q", "repor", "mode", "exact")));
        assertEquals(Set.of(path("docs", "annual report.pdf")), paths(search("q", "l r", "mode", "substring")),
                "spaces are part of the query");
    }

    @Test
    void resultsCarryWhatAListingSays() {
        put("a", "b", "Sized.bin");
        JsonObject hit = only(search("q", "sized"));
        assertEquals(path("a", "b", "Sized.bin"), hit.getString("path"));
        assertEquals("Sized.bin", hit.getString("name"));
        assertEquals("file", hit.getString("type"));
        assertEquals("Sized.bin".length(), hit.getJsonNumber("size").longValue());
        assertEquals(32, hit.getString("etag").length());
        assertFalse(hit.getString("modifiedAt").isEmpty());
        assertEquals(JsonValue.NULL, search("q", "sized").get("next"));
    }

    @Test
    void caseIsIgnoredBeyondAscii() {
        put("Ärger im Büro.txt");
        put("ÖLFASS");
        put("日本語のファイル");

        assertEquals(Set.of(path("Ärger im Büro.txt")), paths(search("q", "är")));
        assertEquals(Set.of(path("Ärger im Büro.txt")), paths(search("q", "ÄRGER IM BÜRO.TXT", "mode", "exact")));
        assertEquals(Set.of(path("Ärger im Büro.txt")), paths(search("q", "BÜ", "mode", "substring")));
        assertEquals(Set.of(path("Ärger im Büro.txt")), paths(search("q", "im bür", "mode", "substring")));
        assertEquals(Set.of(path("ÖLFASS")), paths(search("q", "ölf", "mode", "substring")));
        assertEquals(Set.of(path("日本語のファイル")), paths(search("q", "のファイ", "mode", "substring")));
    }

    @Test
    void wildcardsAndQuotesAreLiteral() {
        List<String> names = List.of("100% sure.txt", "a_b.txt", "axb.txt", "it's mine", "bang!",
                "emoji 😀 party", "my file.txt", "plain");
        names.forEach(this::put);
        // the HTTP server refuses %5C in a URL path: a backslash enters a name through a move
        put("backslash");
        assertEquals(201, as.post("ops/move", json("from", path("backslash"), "to", path("back\\slash")))
                .statusCode());

        for (String mode : List.of("prefix", "substring")) {
            assertEquals(Set.of(), paths(search("q", "%", "mode", mode)).stream()
                    .filter(p -> !p.contains("%")).collect(java.util.stream.Collectors.toSet()),
                    "% matches only names holding a %, in " + mode);
            assertEquals(Set.of(path("a_b.txt")), paths(search("q", "a_b", "mode", mode)), mode);
        }
        assertEquals(Set.of(path("100% sure.txt")), paths(search("q", "%", "mode", "substring")));
        assertEquals(Set.of(path("100% sure.txt")), paths(search("q", "0% s", "mode", "substring")));
        assertEquals(Set.of(), paths(search("q", "_", "mode", "exact")));
        assertEquals(Set.of(path("back\\slash")), paths(search("q", "\\", "mode", "substring")));
        assertEquals(Set.of(path("back\\slash")), paths(search("q", "k\\s", "mode", "substring")));
        assertEquals(Set.of(path("it's mine")), paths(search("q", "'", "mode", "substring")));
        assertEquals(Set.of(path("it's mine")), paths(search("q", "it's", "mode", "prefix")));
        assertEquals(Set.of(path("bang!")), paths(search("q", "!", "mode", "substring")));
        assertEquals(Set.of(path("bang!")), paths(search("q", "g!", "mode", "substring")));
        assertEquals(Set.of(path("emoji 😀 party")), paths(search("q", "😀", "mode", "substring")));
        assertEquals(Set.of(path("emoji 😀 party")), paths(search("q", " 😀 p", "mode", "substring")));
        assertEquals(Set.of(path("my file.txt")), paths(search("q", "my file", "mode", "prefix")));
        assertEquals(Set.of(path("my file.txt")), paths(search("q", "y fi", "mode", "substring")));
    }

    @Test
    void typeAndUnderFilter() {
        put("proj", "alpha", "notes.txt");
        put("proj", "beta", "notes.txt");
        put("other", "notes.txt");
        mkdir("proj", "notes");

        assertEquals(Set.of(path("proj", "alpha", "notes.txt"), path("proj", "beta", "notes.txt"),
                path("other", "notes.txt")), paths(search("q", "notes", "type", "file")));
        assertEquals(Set.of(path("proj", "notes")), paths(search("q", "notes", "type", "dir")));
        assertEquals(Set.of(), paths(search("q", owner.name(), "type", "container", "mode", "exact")),
                "the account is not a container");
        assertEquals(Set.of("/" + owner.name()), paths(search("q", owner.name(), "type", "account", "mode", "exact")));
        assertEquals(Set.of(path()), paths(search("q", "box", "type", "container")));

        for (String mode : List.of("prefix", "substring", "exact")) {
            String q = mode.equals("substring") ? "otes" : "notes.txt";
            assertEquals(Set.of(path("proj", "alpha", "notes.txt"), path("proj", "beta", "notes.txt")),
                    paths(search("q", q, "mode", mode, "type", "file", "under", under("proj"))), mode);
            assertEquals(Set.of(path("proj", "beta", "notes.txt")),
                    paths(search("q", q, "mode", mode, "under", under("proj", "beta"))), mode);
        }
        assertEquals(Set.of(), paths(search("q", "beta", "under", under("proj", "beta"))),
                "only what lies below, not the directory itself");
        assertEquals(4, paths(search("q", "notes", "under", "/" + owner.name())).size());
    }

    @Test
    void underTakesPercentEncodedNames() {
        put("my dir ü", "inner", "deep file.txt");
        put("mydir", "deep file.txt");

        assertEquals(Set.of(path("my dir ü", "inner", "deep file.txt")),
                paths(search("q", "deep", "under", under("my dir ü"))));
        assertEquals(Set.of(path("my dir ü", "inner", "deep file.txt")),
                paths(search("q", "deep", "under", under("my dir ü", "inner"))));
    }

    @Test
    void pagingReturnsEveryMatchOnce() {
        Set<String> expected = new TreeSet<>();
        for (int i = 0; i < 23; i++) {
            String name = "page-" + (i % 2 == 0 ? "Even" : "odd") + "-" + i + ".txt";
            put("d" + i % 3, name);
            expected.add(path("d" + i % 3, name));
        }
        put("d0", "unmatched.txt");

        for (String[] query : List.of(new String[] {"q", "page-", "mode", "prefix"},
                new String[] {"q", "GE-", "mode", "substring"}, new String[] {"q", "e", "mode", "substring"},
                new String[] {"q", "page-", "mode", "prefix", "under", under()},
                new String[] {"q", "GE-", "mode", "substring", "under", under()})) {
            for (int limit : List.of(1, 5, 23, 1000)) {
                List<String> seen = new ArrayList<>();
                String cursor = null;
                int pages = 0;
                do {
                    List<String> parameters = new ArrayList<>(List.of(query));
                    parameters.addAll(List.of("limit", String.valueOf(limit)));
                    if (cursor != null) {
                        parameters.addAll(List.of("cursor", cursor));
                    }
                    JsonObject page = search(parameters.toArray(String[]::new));
                    List<String> paths = page.getJsonArray("results").getValuesAs(JsonObject.class).stream()
                            .map(hit -> hit.getString("path")).toList();
                    assertTrue(paths.size() <= limit);
                    seen.addAll(paths);
                    cursor = page.isNull("next") ? null : page.getString("next");
                    assertTrue(++pages <= 24 + 1, "paging ends");
                } while (cursor != null);
                Set<String> wanted = new TreeSet<>(expected);
                if (query[1].equals("e")) {
                    wanted.add(path("d0", "unmatched.txt"));
                    wanted.add("/" + owner.name()); // the account's name has an e too
                }
                List<String> sorted = new ArrayList<>(seen);
                java.util.Collections.sort(sorted);
                assertEquals(new ArrayList<>(wanted), sorted, String.join(" ", query) + " limit " + limit);
            }
        }
    }

    @Test
    void pathsFollowMovesRenamesDeletesAndCopies() {
        put("old", "sub", "tracked.txt");
        put("old", "gone.txt");
        assertEquals(Set.of(path("old", "sub", "tracked.txt")), paths(search("q", "tracked")));

        assertEquals(201, as.post("ops/move", json("from", path("old"), "to", path("new", "place"))).statusCode());
        assertEquals(Set.of(path("new", "place", "sub", "tracked.txt")), paths(search("q", "tracked")));
        assertEquals(Set.of(path("new", "place", "sub", "tracked.txt")),
                paths(search("q", "acked", "mode", "substring")));

        assertEquals(201, as.post("ops/move", json("from", path("new", "place", "sub", "tracked.txt"),
                "to", path("new", "place", "sub", "Renamed.TXT"))).statusCode());
        assertEquals(Set.of(), paths(search("q", "tracked")));
        assertEquals(Set.of(), paths(search("q", "acked", "mode", "substring")));
        assertEquals(Set.of(path("new", "place", "sub", "Renamed.TXT")), paths(search("q", "renamed")));
        assertEquals(Set.of(path("new", "place", "sub", "Renamed.TXT")), paths(search("q", "AMED.t", "mode", "substring")));

        assertEquals(204, as.delete(fs(owner.name(), "box", "new", "place", "gone.txt")).statusCode());
        assertEquals(Set.of(), paths(search("q", "gone")));
        assertEquals(Set.of(), paths(search("q", "one.t", "mode", "substring")));

        assertEquals(201, as.post("ops/copy", json("from", path("new"), "to", path("copy"))).statusCode());
        assertEquals(Set.of(path("new", "place", "sub", "Renamed.TXT"), path("copy", "place", "sub", "Renamed.TXT")),
                paths(search("q", "named.", "mode", "substring")));
        assertEquals(Set.of(path("copy", "place", "sub", "Renamed.TXT")),
                paths(search("q", "renamed.txt", "mode", "exact", "under", under("copy"))));

        assertEquals(204, as.delete(fs(owner.name(), "box", "copy") + "?recursive=true").statusCode());
        assertEquals(Set.of(path("new", "place", "sub", "Renamed.TXT")), paths(search("q", "named.", "mode", "substring")));
    }

    @Test
    void othersSeeNothingAndAdministratorsSeeAll() {
        String token = "tok" + UUID.randomUUID().toString().substring(0, 8);
        put(token + "-mine.txt");
        TestUser other = TestUsers.create(admin, "search-other");
        Api asOther = api.as(api.login(other.email(), other.password()));
        assertEquals(201, asOther.bytes("PUT", fs(other.name(), "c", token + "-theirs.txt"), new byte[1]).statusCode());

        assertEquals(Set.of(path(token + "-mine.txt")), paths(search("q", token)));
        assertEquals(Set.of(path(token + "-mine.txt")), paths(search("q", token.substring(2), "mode", "substring")));
        assertEquals(Set.of("/" + other.name() + "/c/" + token + "-theirs.txt"),
                paths(json(asOther.get("search?q=" + token))));
        assertProblem(as.get("search?q=" + token + "&account=" + other.name()), 403, "forbidden");
        assertProblem(as.get("search?q=" + token + "&account=*"), 403, "forbidden");
        assertProblem(as.get("search?q=" + token + "&under=" + "/" + other.name() + "/c"), 403, "forbidden");
        assertProblem(api.get("search?q=" + token), 401, "unauthorized");

        assertEquals(Set.of(path(token + "-mine.txt"), "/" + other.name() + "/c/" + token + "-theirs.txt"),
                paths(json(admin.get("search?q=" + token + "&account=*"))));
        assertEquals(Set.of(path(token + "-mine.txt"), "/" + other.name() + "/c/" + token + "-theirs.txt"),
                paths(json(admin.get("search?mode=substring&q=" + token.substring(1) + "&account=*"))));
        assertEquals(Set.of("/" + other.name() + "/c/" + token + "-theirs.txt"),
                paths(json(admin.get("search?q=" + token + "&account=" + other.name()))));
        assertEquals(Set.of(), paths(json(admin.get("search?q=" + token))), "an administrator's own account");

        assertEquals(201, admin.post("ops/move", json("from", "/" + other.name() + "/c/" + token + "-theirs.txt",
                "to", path(token + "-moved.txt"))).statusCode());
        assertEquals(Set.of(path(token + "-mine.txt"), path(token + "-moved.txt")), paths(search("q", token)),
                "a move across accounts brings the file into its new owner's results");
        assertEquals(Set.of(), paths(json(asOther.get("search?mode=substring&q=" + token.substring(1)))));
    }

    @Test
    void badParametersAreRefused() {
        assertProblem(as.get("search"), 400, "bad_request");
        assertProblem(as.get("search?q="), 400, "bad_request");
        assertProblem(as.get("search?q=x&mode=fuzzy"), 400, "bad_request");
        assertProblem(as.get("search?q=x&type=folder"), 400, "bad_request");
        assertProblem(as.get("search?q=x&limit=0"), 400, "bad_request");
        assertProblem(as.get("search?q=x&limit=1001"), 400, "bad_request");
        assertProblem(as.get("search?q=x&limit=many"), 400, "bad_request");
        assertProblem(as.get("search?q=x&cursor=%21%21not-a-cursor"), 400, "bad_request");
        assertProblem(as.get("search?q=x&cursor=" + URLEncoder.encode("eA", StandardCharsets.UTF_8)), 400,
                "bad_request");
        assertProblem(as.get("search?q=x&under=relative/path"), 400, "invalid_name");
        assertProblem(as.get("search?q=x&under=/" + owner.name() + "/box/%C3%28"), 400, "invalid_name");
        assertProblem(as.get("search?q=x&under=/" + owner.name() + "/box/.."), 400, "invalid_name");
        assertProblem(as.get("search?q=x&under=/" + owner.name() + "/missing"), 404, "not_found");

        for (int i = 0; i < 3; i++) {
            put("twin" + i);
        }
        String prefixCursor = search("q", "twin", "limit", "1").getString("next");
        assertNotNull(prefixCursor);
        assertProblem(as.get("search?q=twin&mode=substring&cursor=" + prefixCursor), 400, "bad_request");
        assertEquals(1, search("q", "twin", "limit", "1", "cursor", prefixCursor).getJsonArray("results").size());
    }

    // --- helpers ---

    /** Uploads a file into the container {@code box}, its name last, parents made. */
    private void put(String... names) {
        String[] all = new String[names.length + 2];
        all[0] = owner.name();
        all[1] = "box";
        System.arraycopy(names, 0, all, 2, names.length);
        byte[] body = names[names.length - 1].getBytes(StandardCharsets.UTF_8);
        HttpResponse<byte[]> put = as.bytes("PUT", fs(all), body);
        assertEquals(201, put.statusCode(), String.join("/", names) + ": " + new String(put.body(), StandardCharsets.UTF_8));
    }

    private void mkdir(String... names) {
        String[] all = new String[names.length + 2];
        all[0] = owner.name();
        all[1] = "box";
        System.arraycopy(names, 0, all, 2, names.length);
        assertEquals(201, as.bytes("PUT", fs(all) + "?type=dir", null).statusCode());
    }

    /** The full path of names in {@code box}, as results give it (not encoded). */
    private String path(String... names) {
        return "/" + owner.name() + "/box" + (names.length == 0 ? "" : "/" + String.join("/", names));
    }

    /** An {@code under} parameter: the path in box, each name percent-encoded. */
    private String under(String... names) {
        String[] all = new String[names.length + 2];
        all[0] = owner.name();
        all[1] = "box";
        System.arraycopy(names, 0, all, 2, names.length);
        return fs(all).substring("fs".length());
    }

    /** GET /search as the owner with parameters as name, value, …; values are encoded here except under's. */
    private JsonObject search(String... parameters) {
        StringBuilder uri = new StringBuilder("search");
        for (int i = 0; i < parameters.length; i += 2) {
            String value = parameters[i].equals("under") ? parameters[i + 1]
                    : URLEncoder.encode(parameters[i + 1], StandardCharsets.UTF_8).replace("+", "%20");
            uri.append(i == 0 ? '?' : '&').append(parameters[i]).append('=').append(value);
        }
        HttpResponse<String> response = as.get(uri.toString());
        assertEquals(200, response.statusCode(), uri + ": " + response.body());
        return json(response);
    }

    private static Set<String> paths(JsonObject page) {
        Set<String> paths = new HashSet<>();
        for (JsonObject hit : page.getJsonArray("results").getValuesAs(JsonObject.class)) {
            assertTrue(paths.add(hit.getString("path")), "no result twice: " + hit);
        }
        return paths;
    }

    private static JsonObject only(JsonObject page) {
        assertEquals(1, page.getJsonArray("results").size(), page.toString());
        return page.getJsonArray("results").getJsonObject(0);
    }
}

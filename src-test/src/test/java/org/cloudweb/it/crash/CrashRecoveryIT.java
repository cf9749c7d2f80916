package org.cloudweb.it.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.cloudweb.it.support.Api;
import org.cloudweb.it.support.ConsistencyChecks;
import org.cloudweb.it.support.FileContent;
import org.cloudweb.it.support.HttpJson;
import org.cloudweb.it.support.LauncherProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The server is killed with SIGKILL (launcher, Payara Micro and MariaDB at once) while 100 clients upload and
 * overwrite files and others read them, then started again on the same data directory. Nobody ever sees a torn
 * file, before or after the restart; a repairing check leaves no inconsistency behind, and the quota counts
 * exactly the files on disk.
 */
class CrashRecoveryIT {

    private static final int WRITERS = 100;
    private static final int READERS = 8;
    private static final int NAMES = 120;
    private static final int MAX_SIZE = 768 * 1024;
    /** Uploads that must have finished before the kill, so that it lands in a running load. */
    private static final int BEFORE_KILL = 300;
    private static final String ACCOUNT = "admin";
    private static final String CONTAINER = "crash";

    private final String password = "crash-admin-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
    private Path work;
    private Path data;
    private LauncherProcess server;

    @BeforeEach
    void start() throws Exception {
        work = Files.createDirectories(Path.of(System.getProperty("cloudweb.test.work"), "crash"));
        data = work.resolve("data");
        server = LauncherProcess.start(data, password, work.resolve("cloudweb.log"));
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void killedDuringUploadsLosesNothingAndTearsNothing() throws Exception {
        Api beforeCrash = signIn();
        assertEquals(201, beforeCrash.bytes("PUT", Api.fs(ACCOUNT, CONTAINER), null).statusCode());
        for (int i = 0; i < NAMES; i += 3) { // a third exists before the load: overwrites from the start
            assertEquals(201, upload(beforeCrash, name(i), 1).statusCode());
        }

        ConcurrentLinkedQueue<String> tornSeen = new ConcurrentLinkedQueue<>();
        AtomicInteger uploaded = new AtomicInteger();
        AtomicInteger read = new AtomicInteger();
        AtomicLong versions = new AtomicLong(1);
        AtomicBoolean stopping = new AtomicBoolean();
        CountDownLatch enough = new CountDownLatch(BEFORE_KILL);
        ExecutorService clients = Executors.newFixedThreadPool(WRITERS + READERS);
        for (int w = 0; w < WRITERS; w++) {
            clients.submit(() -> {
                while (!stopping.get()) {
                    try {
                        int status = upload(beforeCrash, name(ThreadLocalRandom.current().nextInt(NAMES)),
                                versions.incrementAndGet()).statusCode();
                        if (status == 201 || status == 204) {
                            uploaded.incrementAndGet();
                            enough.countDown();
                        }
                    } catch (RuntimeException cut) {
                        // the server went away mid-request: expected once it is killed
                    }
                }
            });
        }
        for (int r = 0; r < READERS; r++) {
            clients.submit(() -> {
                while (!stopping.get()) {
                    String name = name(ThreadLocalRandom.current().nextInt(NAMES));
                    try {
                        HttpResponse<byte[]> answer = beforeCrash.bytes("GET", fsPath(name), null);
                        if (answer.statusCode() == 200) {
                            read.incrementAndGet();
                            if (!FileContent.isIntact(name, answer.body())) {
                                tornSeen.add(name);
                            }
                        }
                    } catch (RuntimeException cut) {
                        // a response cut short by the kill is not a file the client accepted
                    }
                }
            });
        }
        assertTrue(enough.await(5, TimeUnit.MINUTES), "the load did not get going");
        server.kill();
        stopping.set(true);
        clients.shutdown();
        assertTrue(clients.awaitTermination(3, TimeUnit.MINUTES));
        assertEquals(List.of(), List.copyOf(tornSeen), "torn files were served during the load");
        assertTrue(read.get() > 0, "the readers read nothing");
        server = LauncherProcess.start(data, password, work.resolve("cloudweb.log"));
        Api api = signIn();

        Path container = data.resolve(ACCOUNT).resolve(CONTAINER);
        Map<String, byte[]> onDisk = filesOnDisk(container);
        assertTrue(onDisk.size() >= NAMES / 3, "files are missing on disk: " + onDisk.size());
        onDisk.forEach((name, bytes) -> assertTrue(FileContent.isIntact(name, bytes), "torn on disk: " + name));
        for (String name : onDisk.keySet()) { // before any repair, whatever the index says
            HttpResponse<byte[]> answer = api.bytes("GET", fsPath(name), null);
            if (answer.statusCode() == 200) {
                assertTrue(FileContent.isIntact(name, answer.body()), "torn after the restart: " + name);
            } else { // installed just before the kill, its row never committed: the check below indexes it
                assertEquals(404, answer.statusCode(), name);
            }
        }

        JsonObject repair = ConsistencyChecks.run(api, ACCOUNT, true);
        JsonObject check = ConsistencyChecks.run(api, ACCOUNT, false);
        assertTrue(ConsistencyChecks.foundNothing(check),
                "after repair: " + check + "; the repair found " + repair);
        for (Map.Entry<String, byte[]> file : onDisk.entrySet()) {
            HttpResponse<byte[]> answer = api.bytes("GET", fsPath(file.getKey()), null);
            assertEquals(200, answer.statusCode(), file.getKey());
            assertTrue(FileContent.isIntact(file.getKey(), answer.body()), file.getKey());
            assertEquals('"' + md5(answer.body()) + '"', answer.headers().firstValue("ETag").orElseThrow(),
                    "the index knows the file that is on disk: " + file.getKey());
        }
        long bytesOnDisk = onDisk.values().stream().mapToLong(b -> b.length).sum();
        long objectsOnDisk;
        try (Stream<Path> all = Files.walk(data.resolve(ACCOUNT))) {
            objectsOnDisk = all.count() - 1; // everything below the account directory
        }
        JsonObject quota = HttpJson.json(api.get("users/" + adminId(api) + "/quota"));
        assertEquals(bytesOnDisk, quota.getJsonNumber("usedBytes").longValue());
        assertEquals(objectsOnDisk, quota.getJsonNumber("usedObjects").longValue());
    }

    private Api signIn() {
        Api anonymous = Api.at(server.base());
        return anonymous.as(anonymous.login("admin@localhost", password));
    }

    private static long adminId(Api api) {
        return HttpJson.json(api.get("users/me")).getJsonNumber("id").longValue();
    }

    /** Spread over a few directories, so that commits make parents too. */
    private static String name(int i) {
        return (i % 4 == 0 ? "" : "d" + (i % 4) + "/") + "f" + i;
    }

    private static HttpResponse<byte[]> upload(Api api, String name, long version) {
        int size = ThreadLocalRandom.current().nextInt(1, MAX_SIZE);
        return api.bytes("PUT", fsPath(name), FileContent.of(name, version, size));
    }

    /** The API path of a file given relative to the container, such as {@code d1/f5}. */
    private static String fsPath(String name) {
        return Api.fs((ACCOUNT + "/" + CONTAINER + "/" + name).split("/"));
    }

    private static Map<String, byte[]> filesOnDisk(Path container) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(container)) {
            for (Path file : (Iterable<Path>) all.filter(Files::isRegularFile)::iterator) {
                files.put(container.relativize(file).toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }

    private static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.cloudweb.it.storage;

import static org.cloudweb.it.storage.FileApiIT.objectRows;
import static org.cloudweb.it.storage.FileApiIT.onDisk;
import static org.cloudweb.it.storage.FileApiIT.tempFiles;
import static org.cloudweb.it.support.Api.fs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cloudweb.it.support.OwnerApiTest;
import org.junit.jupiter.api.Test;

/** The data path under stress: cut-off uploads, reads during a replace, concurrent writers. */
class StreamingIT extends OwnerApiTest {

    private static final int MIB = 1024 * 1024;

    @Override
    protected String container() {
        return "data";
    }

    @Test
    void aClientThatDisconnectsMidUploadLeavesNothingBehind() throws Exception {
        long rowsBefore = objectRows(owner.name());
        URI root = as.root();
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("PUT " + root.getPath() + fs(owner.name(), "data", "cut.bin") + " HTTP/1.1\r\n"
                    + "Host: " + root.getHost() + "\r\n"
                    + "Authorization: Bearer " + as.token() + "\r\n"
                    + "Content-Type: application/octet-stream\r\n"
                    + "Content-Length: " + (64 * MIB) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[MIB]);
            out.flush();
        }

        for (int i = 0; i < 100 && !tempFiles().isEmpty(); i++) {
            Thread.sleep(100);
        }
        assertEquals(List.of(), tempFiles(), "the partial upload is removed");
        assertEquals(404, as.bytes("HEAD", fs(owner.name(), "data", "cut.bin"), null).statusCode());
        assertFalse(Files.exists(onDisk(owner.name(), "data", "cut.bin")));
        assertEquals(rowsBefore, objectRows(owner.name()));
    }

    @Test
    void aReaderDuringAReplaceGetsTheOldBytesComplete() throws Exception {
        String path = fs(owner.name(), "data", "big.bin");
        byte[] old = filled(16 * MIB, (byte) 'a');
        assertEquals(201, as.bytes("PUT", path, old).statusCode());

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<InputStream> reading = client.send(HttpRequest.newBuilder(as.root().resolve(path))
                .header("Authorization", "Bearer " + as.token()).build(), HttpResponse.BodyHandlers.ofInputStream());
        byte[] received;
        try (InputStream in = reading.body()) {
            byte[] start = in.readNBytes(64 * 1024);
            assertEquals(204, as.bytes("PUT", path, filled(16 * MIB, (byte) 'b')).statusCode(), "replaced meanwhile");
            byte[] rest = in.readAllBytes();
            received = new byte[start.length + rest.length];
            System.arraycopy(start, 0, received, 0, start.length);
            System.arraycopy(rest, 0, received, start.length, rest.length);
        }

        assertEquals(old.length, received.length);
        assertArrayEquals(old, received, "only old bytes, never a mix");
        assertEquals('b', as.bytes("GET", path, null, "Range", "bytes=0-0").body()[0], "later readers get the new file");
    }

    @Test
    void twoWritersOfOnePathLeaveOneCompleteFileAndOneRow() throws Exception {
        String path = fs(owner.name(), "data", "contested.bin");
        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            byte fill = (byte) ('A' + i);
            results.add(writers.submit(() -> as.bytes("PUT", path, filled(MIB, fill)).statusCode()));
        }
        for (Future<Integer> result : results) {
            int status = result.get();
            assertTrue(status == 201 || status == 204, "status " + status);
        }
        writers.shutdown();

        byte[] content = as.bytes("GET", path, null).body();
        assertEquals(MIB, content.length);
        byte first = content[0];
        assertTrue(allEqual(content, first), "one writer's bytes, not a mix");
        assertEquals(1, FileApiIT.names(as.get(fs(owner.name(), "data"))).stream()
                .filter("contested.bin"::equals).count());
    }

    @Test
    void uploadsToDifferentPathsRunSideBySide() throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(8);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String name = "parallel-" + i;
            results.add(writers.submit(() -> as.bytes("PUT", fs(owner.name(), "data", "p", name), filled(256 * 1024,
                    (byte) 1)).statusCode()));
        }
        for (Future<Integer> result : results) {
            assertEquals(201, result.get());
        }
        writers.shutdown();
        assertEquals(16, FileApiIT.names(as.get(fs(owner.name(), "data", "p"))).size());
    }

    @Test
    void chunkedUploadsWork() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        byte[] content = filled(3 * MIB + 17, (byte) 'z');
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(as.root().resolve(fs(owner.name(), "data",
                        "chunked.bin"))).header("Authorization", "Bearer " + as.token())
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(content)))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(201, response.statusCode(), response.body());
        assertArrayEquals(content, as.bytes("GET", fs(owner.name(), "data", "chunked.bin"), null).body());
    }

    private static byte[] filled(int size, byte value) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, value);
        return bytes;
    }

    private static boolean allEqual(byte[] bytes, byte value) {
        for (byte b : bytes) {
            if (b != value) {
                return false;
            }
        }
        return true;
    }
}

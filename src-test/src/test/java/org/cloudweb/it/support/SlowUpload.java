package org.cloudweb.it.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An upload whose body trickles in over a raw connection, a byte every 100 ms, until {@link #finish()} sends
 * the rest: a request that stays in progress on the server for as long as a test needs it.
 */
public final class SlowUpload implements AutoCloseable {

    private static final int LENGTH = 100_000;

    private final Socket socket;
    private final OutputStream out;
    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread trickle;
    private int sent;
    private volatile IOException failure;

    private SlowUpload(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        trickle = new Thread(this::trickle, "slow-upload");
        trickle.setDaemon(true);
    }

    /** Starts {@code PUT path} (relative to the API root) with the headers sent and the first byte of the body. */
    public static SlowUpload start(Api api, String path) throws IOException {
        URI root = api.root();
        Socket socket = new Socket(root.getHost(), root.getPort());
        socket.setSoTimeout(60_000);
        SlowUpload upload = new SlowUpload(socket);
        upload.out.write(("PUT " + root.getPath() + path + " HTTP/1.1\r\n"
                + "Host: " + root.getHost() + ":" + root.getPort() + "\r\n"
                + "Authorization: Bearer " + api.token() + "\r\n"
                + "Content-Type: application/octet-stream\r\n"
                + "Content-Length: " + LENGTH + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        upload.trickle.start();
        return upload;
    }

    private void trickle() {
        try {
            while (!done.await(100, TimeUnit.MILLISECONDS)) {
                synchronized (this) {
                    if (sent < LENGTH - 1) {
                        out.write('x');
                        out.flush();
                        sent++;
                    }
                }
            }
        } catch (IOException e) {
            failure = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends the rest of the body and answers the status line of the response. */
    public String finish() throws IOException, InterruptedException {
        done.countDown();
        trickle.join();
        if (failure != null) {
            throw new UncheckedIOException("the upload broke off", failure);
        }
        synchronized (this) {
            out.write(new byte[LENGTH - sent]);
            out.flush();
        }
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
    }

    @Override
    public void close() throws IOException {
        done.countDown();
        socket.close();
    }
}

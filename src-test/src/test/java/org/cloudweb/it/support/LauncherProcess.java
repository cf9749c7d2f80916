package org.cloudweb.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * CloudWeb as an operator runs it, {@code java -jar cloudweb.jar} in its own process (with the embedded MariaDB
 * and Payara Micro as its children), on a data directory of the test's choosing.
 */
public final class LauncherProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(4);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final int port;

    private LauncherProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the launcher on {@code data} and waits until readiness says UP. */
    public static LauncherProcess start(Path data, String adminPassword, Path log) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("cloudweb.test.launcher.jar"));
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dcloudweb.http.port=" + port, "-Dcloudweb.data.dir=" + data,
                "-Dcloudweb.admin.password=" + adminPassword, "-jar", jar.toString()));
        Files.createDirectories(data);
        Process process = new ProcessBuilder(command).directory(data.getParent().toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        LauncherProcess launcher = new LauncherProcess(process, port);
        try {
            launcher.awaitReady(log);
        } catch (IOException | RuntimeException | InterruptedException | AssertionError e) {
            launcher.kill();
            throw e;
        }
        return launcher;
    }

    /** The base URL of the server. */
    public URL base() {
        try {
            return URI.create("http://127.0.0.1:" + port + "/").toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The embedded MariaDB server that the launcher started. */
    public ProcessHandle database() {
        return process.descendants()
                .filter(child -> child.info().command().map(command -> command.endsWith("/mariadbd")).orElse(false))
                .findFirst().orElseThrow(() -> new AssertionError("No mariadbd below the launcher"));
    }

    /** SIGKILL for the launcher, Payara Micro and MariaDB at once: none of them gets to clean up. */
    public void kill() throws InterruptedException {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(0, process.toHandle());
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : all) {
            handle.onExit().join();
        }
    }

    /** A clean stop (SIGTERM to the launcher, which stops its children); by force when it takes too long. */
    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            kill();
        }
        children.forEach(ProcessHandle::destroyForcibly); // only those left behind by a failed stop
    }

    private void awaitReady(Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("The launcher exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> answer = CLIENT.send(health, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains("\"UP\"")) {
                    return;
                }
                last = answer.statusCode() + " " + answer.body();
            } catch (IOException notYet) {
                last = notYet.toString(); // not listening yet, or no answer in time
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Not ready within " + READY_TIMEOUT + " (last: " + last + "); see " + log);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

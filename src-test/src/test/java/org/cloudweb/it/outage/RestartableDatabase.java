package org.cloudweb.it.outage;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The launcher's embedded MariaDB, stopped (SIGTERM, as an operator or a crash of the host's database would)
 * and started again with the same command line on the same files and port, behind the server's back.
 */
final class RestartableDatabase implements AutoCloseable {

    private final List<String> command;
    private final Path home;
    private final Path log;
    private ProcessHandle running;
    private Process restarted;

    RestartableDatabase(ProcessHandle server, Path log) {
        this.running = server;
        this.command = new ArrayList<>();
        command.add(server.info().command().orElseThrow());
        command.addAll(List.of(server.info().arguments().orElseThrow()));
        this.home = Path.of(command.stream().filter(argument -> argument.startsWith("--basedir=")).findFirst()
                .orElseThrow().substring("--basedir=".length()));
        this.log = log;
    }

    void stop() throws Exception {
        running.destroy();
        running.onExit().get(60, TimeUnit.SECONDS);
    }

    void start() throws IOException, InterruptedException {
        long logStart = Files.size(log);
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("LD_LIBRARY_PATH", home.resolve("libs").toString());
        restarted = builder.start();
        running = restarted.toHandle();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!restarted.isAlive()) {
                throw new AssertionError("MariaDB did not start again; see " + log);
            }
            if (writtenSince(logStart).contains(": ready for connections.")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("MariaDB not ready again within 60 s; see " + log);
    }

    private String writtenSince(long offset) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            file.seek(offset);
            byte[] written = new byte[(int) Math.max(0, file.length() - offset)];
            file.readFully(written);
            return new String(written, StandardCharsets.UTF_8);
        }
    }

    /** Stops the server this test started (the launcher stops only the one it started itself). */
    @Override
    public void close() throws InterruptedException {
        if (restarted != null && restarted.isAlive()) {
            restarted.destroy();
            if (!restarted.waitFor(60, TimeUnit.SECONDS)) {
                restarted.destroyForcibly().waitFor();
            }
        }
    }
}

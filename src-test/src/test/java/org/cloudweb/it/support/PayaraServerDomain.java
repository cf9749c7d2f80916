package org.cloudweb.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away Payara Server domain driven through {@code asadmin}, as ops would: created on free ports under
 * a scratch directory, started with the given environment (how the EAR learns its database), stopped on close.
 */
public final class PayaraServerDomain implements AutoCloseable {

    private static final String NAME = "cloudweb";
    /** Offsets from the port base that the domain listens on (admin, HTTP, HTTPS, IIOP, JMS, JMX, data grid…). */
    private static final int[] PORT_OFFSETS = {9, 20, 37, 38, 39, 48, 66, 76, 80, 81, 86, 90, 91};
    private static final int ADMIN_OFFSET = 48;
    private static final int HTTP_OFFSET = 80;
    /** The data grid ports are not derived from the port base unless given. */
    private static final int HAZELCAST_OFFSET = 90;

    private final Path asadmin;
    private final Path domainDir;
    private final Path log;
    private final Map<String, String> environment;
    private final int portBase;
    private boolean started;

    private PayaraServerDomain(Path home, Path domainDir, Map<String, String> environment, int portBase) {
        this.asadmin = home.resolve("bin/asadmin");
        this.domainDir = domainDir;
        this.log = domainDir.resolveSibling("asadmin.log");
        this.environment = environment;
        this.portBase = portBase;
    }

    /** Creates and starts a domain; {@code environment} is added to the server's process environment. */
    public static PayaraServerDomain start(Path home, Path domainDir, Map<String, String> environment)
            throws IOException, InterruptedException {
        Files.createDirectories(domainDir);
        PayaraServerDomain domain = new PayaraServerDomain(home, domainDir, environment, freePortBase());
        domain.asadmin(Duration.ofMinutes(2), "create-domain", "--nopassword=true",
                "--portbase", String.valueOf(domain.portBase),
                "--hazelcastdasport", String.valueOf(domain.portBase + HAZELCAST_OFFSET),
                "--hazelcaststartport", String.valueOf(domain.portBase + HAZELCAST_OFFSET + 1), "--domaindir", domainDir.toString(), NAME);
        domain.started = true;
        domain.asadmin(Duration.ofMinutes(4), "start-domain", "--domaindir", domainDir.toString(), NAME);
        return domain;
    }

    public void deploy(Path archive) throws IOException, InterruptedException {
        asadmin(Duration.ofMinutes(5), "--port", String.valueOf(portBase + ADMIN_OFFSET), "deploy",
                archive.toString());
    }

    public URI http(String path) {
        return URI.create("http://127.0.0.1:" + (portBase + HTTP_OFFSET) + path);
    }

    /** The end of the server log, to explain a failed assertion. */
    public String serverLogTail() {
        Path serverLog = domainDir.resolve(NAME).resolve("logs/server.log");
        try {
            List<String> lines = Files.readAllLines(serverLog, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
        } catch (IOException e) {
            return "(no server log: " + e + ")";
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (started) {
            started = false;
            asadmin(Duration.ofMinutes(2), "stop-domain", "--domaindir", domainDir.toString(), NAME);
        }
    }

    private void asadmin(Duration timeout, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(asadmin.toString(), "--interactive=false"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // The server runs on the JDK of the tests, whatever else is installed.
        builder.environment().put("AS_JAVA", System.getProperty("java.home"));
        builder.environment().putAll(environment);
        Files.writeString(log, "$ " + String.join(" ", command) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Process process = builder.start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("asadmin " + arguments[0] + " took longer than " + timeout + "\n" + tail());
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("asadmin " + String.join(" ", arguments) + " failed with exit code "
                    + process.exitValue() + "\n" + tail() + "\n" + serverLogTail());
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A port base whose every default domain port is free right now. */
    private static int freePortBase() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = 100 * ThreadLocalRandom.current().nextInt(200, 600);
            if (allFree(base)) {
                return base;
            }
        }
        throw new IllegalStateException("No free port range for a Payara domain");
    }

    private static boolean allFree(int base) {
        for (int offset : PORT_OFFSETS) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(base + offset));
            } catch (IOException taken) {
                return false;
            }
        }
        return true;
    }
}

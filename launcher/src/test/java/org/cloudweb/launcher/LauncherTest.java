package org.cloudweb.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherTest {

    @TempDir
    Path home;

    @Test
    void aTakenHttpPortStopsTheLaunchBeforeAnythingStarts() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            LauncherConfig config = config(Map.of("CLOUDWEB_HTTP_PORT", String.valueOf(taken.getLocalPort())));

            assertEquals(Launcher.EXIT_CONFIGURATION, new Launcher(config, home).run());
            assertFalse(Files.exists(config.dataDir()), "no data directory, no database was created");
        }
    }

    @Test
    void aMissingBuildIsReportedInsteadOfStartingHalfway() throws Exception {
        LauncherConfig config = config(Map.of("CLOUDWEB_HTTP_PORT", String.valueOf(freePort())));

        assertEquals(Launcher.EXIT_CONFIGURATION, new Launcher(config, home).run());
        assertFalse(Files.exists(config.dataDir()));
    }

    @Test
    void payaraMicroServesTheBundleAtTheRootAndGetsTheDatabaseThroughItsEnvironment() {
        LauncherConfig config = config(Map.of("CLOUDWEB_HTTP_PORT", "9090", "CLOUDWEB_JAVA_OPTIONS", "-Xmx300m"));
        Map<String, String> database = Map.of("CLOUDWEB_DB_URL", "jdbc:mysql://127.0.0.1:3999/cloudweb",
                "CLOUDWEB_DB_PASSWORD", "not-on-the-command-line");

        ProcessBuilder micro = new Launcher(config, home)
                .microCommand(home.resolve("payara-micro.jar"), home.resolve("cloudweb.war"), database);

        List<String> command = micro.command();
        assertTrue(command.contains("-Xmx300m"), command.toString());
        assertEquals("/", command.get(command.indexOf("--contextroot") + 1));
        assertEquals("9090", command.get(command.indexOf("--port") + 1));
        assertEquals(home.resolve("cloudweb.war").toString(), command.get(command.indexOf("--deploy") + 1));
        assertFalse(String.join(" ", command).contains("not-on-the-command-line"), "passwords stay out of ps");
        assertEquals("not-on-the-command-line", micro.environment().get("CLOUDWEB_DB_PASSWORD"));
        assertEquals(config.dataDir().toString(), micro.environment().get("CLOUDWEB_DATA_DIR"));
    }

    private LauncherConfig config(Map<String, String> environment) {
        Map<String, String> withDataDir = new HashMap<>(environment);
        withDataDir.put("CLOUDWEB_DATA_DIR", home.resolve("data").toString());
        return LauncherConfig.resolve(new Properties(), withDataDir);
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

package org.cloudweb.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LauncherConfigTest {

    @Test
    void defaultsRunOnPort8080WithTheEmbeddedDatabaseUnderData() {
        LauncherConfig config = LauncherConfig.resolve(new Properties(), Map.of());

        assertEquals(8080, config.httpPort());
        assertEquals(Path.of("data").toAbsolutePath(), config.dataDir());
        assertTrue(config.usesEmbeddedDatabase());
        assertNull(config.dbUrl());
        assertEquals(0, config.dbPort());
        assertEquals(List.of(), config.javaOptions());
    }

    @Test
    void environmentVariablesOverrideTheDefaults() {
        LauncherConfig config = LauncherConfig.resolve(new Properties(), Map.of(
                "CLOUDWEB_HTTP_PORT", "9090",
                "CLOUDWEB_DATA_DIR", "/srv/cloudweb/../cloudweb",
                "CLOUDWEB_DB_URL", "jdbc:mysql://db.example:3306/cloudweb",
                "CLOUDWEB_DB_USER", "ops",
                "CLOUDWEB_DB_PASSWORD", "secret",
                "CLOUDWEB_JAVA_OPTIONS", " -Xmx512m   -Dfoo=bar "));

        assertEquals(9090, config.httpPort());
        assertEquals(Path.of("/srv/cloudweb"), config.dataDir());
        assertFalse(config.usesEmbeddedDatabase());
        assertEquals("jdbc:mysql://db.example:3306/cloudweb", config.dbUrl());
        assertEquals("ops", config.dbUser());
        assertEquals("secret", config.dbPassword());
        assertEquals(List.of("-Xmx512m", "-Dfoo=bar"), config.javaOptions());
    }

    @Test
    void systemPropertiesWinOverEnvironmentVariables() {
        Properties properties = new Properties();
        properties.setProperty("cloudweb.http.port", "7070");
        properties.setProperty("cloudweb.db.port", "3307");

        LauncherConfig config = LauncherConfig.resolve(properties,
                Map.of("CLOUDWEB_HTTP_PORT", "9090", "CLOUDWEB_DB_PORT", "3308"));

        assertEquals(7070, config.httpPort());
        assertEquals(3307, config.dbPort());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "65536", "80a", "http"})
    void aBadHttpPortIsRefusedNamingTheSetting(String port) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> LauncherConfig.resolve(new Properties(), Map.of("CLOUDWEB_HTTP_PORT", port)));

        assertTrue(error.getMessage().contains("CLOUDWEB_HTTP_PORT"), error.getMessage());
        assertTrue(error.getMessage().contains("'" + port + "'"), error.getMessage());
    }

    @Test
    void environmentNamesFollowMicroProfileConfig() {
        assertEquals("CLOUDWEB_DB_URL", LauncherConfig.environmentName("cloudweb.db.url"));
        assertEquals("CLOUDWEB_ADMIN_EMAIL", LauncherConfig.environmentName("cloudweb.admin-email"));
    }
}

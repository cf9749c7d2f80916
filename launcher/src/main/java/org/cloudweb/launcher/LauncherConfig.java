package org.cloudweb.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * What the launcher needs to know, resolved like MicroProfile Config does for the application: a system
 * property ({@code -Dcloudweb.http.port=9090}) wins over an environment variable ({@code CLOUDWEB_HTTP_PORT}),
 * which wins over the default.
 *
 * @param httpPort    HTTP port of Payara Micro
 * @param dataDir     the data directory (files, and the embedded database under {@code db/})
 * @param dbUrl       JDBC URL of an external MySQL/MariaDB, or null for the embedded MariaDB
 * @param dbUser      user for the external database
 * @param dbPassword  password for the external database
 * @param dbPort      port of the embedded MariaDB on 127.0.0.1; 0 picks a free one
 * @param javaOptions extra JVM options for the Payara Micro process, e.g. {@code -Xmx512m}
 */
public record LauncherConfig(int httpPort, Path dataDir, String dbUrl, String dbUser, String dbPassword,
                             int dbPort, List<String> javaOptions) {

    public static final String HTTP_PORT = "cloudweb.http.port";
    public static final String DATA_DIR = "cloudweb.data.dir";
    public static final String DB_URL = "cloudweb.db.url";
    public static final String DB_USER = "cloudweb.db.user";
    public static final String DB_PASSWORD = "cloudweb.db.password";
    public static final String DB_PORT = "cloudweb.db.port";
    public static final String JAVA_OPTIONS = "cloudweb.java.options";

    public static LauncherConfig resolve(Properties systemProperties, Map<String, String> environment) {
        Settings settings = new Settings(systemProperties, environment);
        String options = settings.get(JAVA_OPTIONS, "").trim();
        return new LauncherConfig(
                settings.port(HTTP_PORT, "8080", 1),
                Path.of(settings.get(DATA_DIR, "data")).toAbsolutePath().normalize(),
                settings.get(DB_URL, null),
                settings.get(DB_USER, "cloudweb"),
                settings.get(DB_PASSWORD, ""),
                settings.port(DB_PORT, "0", 0),
                options.isEmpty() ? List.of() : List.of(options.split("\\s+")));
    }

    public boolean usesEmbeddedDatabase() {
        return dbUrl == null;
    }

    /** The environment variable MicroProfile Config maps to a key: {@code cloudweb.db.url} → {@code CLOUDWEB_DB_URL}. */
    public static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private record Settings(Properties systemProperties, Map<String, String> environment) {

        String get(String key, String defaultValue) {
            String value = systemProperties.getProperty(key);
            if (value == null || value.isEmpty()) {
                value = environment.get(environmentName(key));
            }
            return value == null || value.isEmpty() ? defaultValue : value;
        }

        int port(String key, String defaultValue, int lowest) {
            String value = get(key, defaultValue);
            try {
                int port = Integer.parseInt(value.trim());
                if (port >= lowest && port <= 65_535) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // reported below with the key's name
            }
            throw new IllegalArgumentException(key + " (" + environmentName(key) + ") must be a port number from "
                    + lowest + " to 65535, not '" + value + "'");
        }
    }
}

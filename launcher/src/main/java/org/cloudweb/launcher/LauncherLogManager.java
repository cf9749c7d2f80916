package org.cloudweb.launcher;

import java.util.logging.LogManager;

/**
 * Keeps the launcher's logging working until the very end. The JDK resets logging in a shutdown hook of its
 * own that runs at the same time as the launcher's, so on Ctrl-C the messages about stopping Payara Micro and
 * the database would be lost. The launcher never reconfigures logging, so resets are simply ignored.
 */
public final class LauncherLogManager extends LogManager {

    @Override
    public void reset() {
        // see the class comment
    }
}

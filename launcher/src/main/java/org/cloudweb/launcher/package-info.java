/**
 * The one-command run: {@link org.cloudweb.launcher.Launcher} starts the embedded database, then Payara Micro
 * with the CloudWeb bundle as a child process, and stops both on Ctrl-C.
 */
package org.cloudweb.launcher;

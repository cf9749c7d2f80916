/** Crash safety: the one-command server run as a separate process, killed with SIGKILL under load and restarted. */
package org.cloudweb.it.crash;

package org.cloudweb.monitor.status;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cloudweb.ejb.config.MonitorCheck;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/**
 * Runs the service checks of {@code monitor.checks} on this host. Process checks share one scan of OSHI's process
 * list (the costly part, a few files per process, hence its own cadence), and match a process's name (Linux
 * cuts it to 15 characters) or the file name of its executable. TCP checks open a connection with a timeout of
 * {@value #CONNECT_TIMEOUT_MILLIS} ms and close it at once.
 */
final class ServiceProbe {

    static final int CONNECT_TIMEOUT_MILLIS = 1000;
    private static final Logger LOG = Logger.getLogger(ServiceProbe.class.getName());

    private final OperatingSystem os;

    ServiceProbe(OperatingSystem os) {
        this.os = os;
    }

    List<CheckResult> run(List<MonitorCheck> checks) {
        Map<String, Integer> processes = checks.stream().anyMatch(c -> MonitorCheck.PROCESS.equals(c.kind()))
                ? processCounts() : Map.of();
        List<CheckResult> results = new ArrayList<>();
        for (MonitorCheck check : checks) {
            results.add(MonitorCheck.PROCESS.equals(check.kind()) ? process(check, processes) : tcp(check));
        }
        return results;
    }

    /** How many processes carry each name, counting a process under its name and its executable's. */
    private Map<String, Integer> processCounts() {
        Map<String, Integer> counts = new HashMap<>();
        for (OSProcess process : os.getProcesses()) {
            String name = process.getName();
            String executable = fileName(process.getPath());
            counts.merge(name, 1, Integer::sum);
            if (executable != null && !executable.equals(name)) {
                counts.merge(executable, 1, Integer::sum);
            }
        }
        return counts;
    }

    static CheckResult process(MonitorCheck check, Map<String, Integer> processes) {
        int count = processes.getOrDefault(check.target(), 0);
        return count == 0 ? new CheckResult(check.name(), false, "not running")
                : new CheckResult(check.name(), true, count == 1 ? "1 process" : count + " processes");
    }

    static CheckResult tcp(MonitorCheck check) {
        long started = System.nanoTime();
        try (Socket socket = new Socket()) {
            InetSocketAddress address = new InetSocketAddress(check.host(), check.port());
            if (address.isUnresolved()) {
                return new CheckResult(check.name(), false, "unknown host");
            }
            socket.connect(address, CONNECT_TIMEOUT_MILLIS);
            double millis = (System.nanoTime() - started) / 1e6;
            return new CheckResult(check.name(), true, String.format(Locale.ROOT, "connected in %.1f ms", millis));
        } catch (ConnectException e) {
            return new CheckResult(check.name(), false, "connection refused");
        } catch (SocketTimeoutException e) {
            return new CheckResult(check.name(), false, "no answer within " + CONNECT_TIMEOUT_MILLIS + " ms");
        } catch (NoRouteToHostException e) {
            return new CheckResult(check.name(), false, "no route to host");
        } catch (UnknownHostException e) {
            return new CheckResult(check.name(), false, "unknown host");
        } catch (IOException | SecurityException e) {
            LOG.log(Level.FINE, "TCP check failed", e);
            return new CheckResult(check.name(), false, "cannot connect: " + e.getClass().getSimpleName());
        }
    }

    private static String fileName(String path) {
        if (path == null || path.isEmpty()) {
            return null;
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.isEmpty() ? null : name;
    }
}

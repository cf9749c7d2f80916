package org.cloudweb.monitor.status;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cloudweb.ejb.config.ConfigKey;
import org.cloudweb.ejb.config.ConfigService;
import org.cloudweb.ejb.config.MonitorCheck;
import org.cloudweb.ejb.data.DataDirectory;
import org.cloudweb.monitor.timer.HostMonitor;
import oshi.SystemInfo;

/**
 * This node's check round, apart from the monitor's tick (which must stay cheap): the data directory, the
 * kernel's clock state, the skew against the database's clock and the service checks of {@code monitor.checks},
 * every {@link #PERIOD}, and within {@link #POLL} of a change of the setting. A chain of single-action,
 * non-persistent timers, so rounds never overlap or pile up: a round stuck on a hung file system holds only this
 * chain, and the status it stops writing turns stale.
 */
@Singleton
@Startup
@PermitAll
public class StatusChecker {

    /** How often a round runs. */
    public static final Duration PERIOD = Duration.ofSeconds(30);
    /** How often the setting is looked at (one primary-key read). */
    static final Duration POLL = Duration.ofSeconds(5);

    private static final Logger LOG = Logger.getLogger(StatusChecker.class.getName());

    @Resource
    TimerService timers;

    @Inject
    ConfigService config;

    @Inject
    HostMonitor monitor;

    @Inject
    HostStatusStore store;

    @Inject
    DataDirectory dataDirectory;

    private ServiceProbe services;
    private KernelClock clock;
    private List<String> lastChecks;
    private long lastRoundNanos;

    @PostConstruct
    void start() {
        schedule(POLL);
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void poll() {
        try {
            Integer hostId = monitor.hostId();
            if (hostId == null) {
                return; // the monitor's first tick has not registered the host yet
            }
            List<String> checks = config.get(ConfigKey.MONITOR_CHECKS);
            if (!checks.equals(lastChecks) || System.nanoTime() - lastRoundNanos >= PERIOD.toNanos()) {
                round(hostId, checks);
            }
        } catch (RuntimeException e) {
            // the database may be briefly away: the next poll tries again
            LOG.log(Level.WARNING, "Status check round failed: {0}", e.toString());
            LOG.log(Level.FINE, "Status check round failure", e);
        } finally {
            schedule(POLL);
        }
    }

    private void round(int hostId, List<String> checks) {
        if (services == null) {
            // its own SystemInfo for the life of the application, as the monitor keeps one for the tick
            services = new ServiceProbe(new SystemInfo().getOperatingSystem());
            clock = new KernelClock();
        }
        Instant checkedAt = Instant.now();
        long started = System.nanoTime();
        // a failed round still counts: a failing store is retried at the next period, not at every poll
        lastChecks = checks;
        lastRoundNanos = started;
        DataDirState dataDir = DataDirProbe.check(dataDirectory.root());
        ClockState kernel = clock.read();
        Long skew = null;
        try {
            skew = store.databaseSkewMillis();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Cannot read the database clock", e);
        }
        List<MonitorCheck> parsed = new ArrayList<>();
        for (String check : checks) {
            parsed.add(MonitorCheck.parse(check));
        }
        List<CheckResult> results = services.run(parsed);
        long millis = (System.nanoTime() - started) / 1_000_000;
        store.write(hostId, checkedAt, millis, dataDir, kernel, skew, results);
        LOG.log(Level.FINE, "Host {0}: {1} checks, {2} failing, data directory {3}, clock {4}, in {5} ms",
                new Object[] {hostId, results.size(), results.stream().filter(r -> !r.ok()).count(), dataDir.detail(),
                        kernel.detail(), millis});
    }

    private void schedule(Duration delay) {
        timers.createSingleActionTimer(delay.toMillis(), new TimerConfig(null, false));
    }
}

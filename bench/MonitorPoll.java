import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.cloudweb.monitor.stats.Sampler;
import oshi.SystemInfo;
import oshi.hardware.HWDiskStore;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.hardware.NetworkIF;
import oshi.software.os.OSFileStore;
import oshi.software.os.OperatingSystem;

/**
 * Reference of bench/monitor-tick.sh: the host monitor's OSHI poll alone, in a plain JVM without server or
 * database. It uses CloudWeb's own Sampler on the devices the monitor would pick, polls COUNT times on
 * multiples of INTERVAL_MS (as the timer does) and prints one line per poll after the first: "wall-ns cpu-ns".
 * The first poll (OSHI's detection) goes to standard error.
 * Usage: java -cp monitor-timer.jar:oshi-core.jar:jna.jar:jna-platform.jar:slf4j-api.jar MonitorPoll.java COUNT INTERVAL_MS
 */
public class MonitorPoll {

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[0]);
        long interval = Long.parseLong(args[1]);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long wall = System.nanoTime();
        long cpu = threads.getCurrentThreadCpuTime();
        SystemInfo system = new SystemInfo();
        HardwareAbstractionLayer hardware = system.getHardware();
        OperatingSystem os = system.getOperatingSystem();
        Sampler sampler = new Sampler(hardware.getProcessor(), hardware.getMemory(), os.getProcess(os.getProcessId()));
        sampler.devices(distinct(hardware.getNetworkIFs(false), NetworkIF::getName),
                distinct(hardware.getDiskStores(), HWDiskStore::getName),
                distinct(os.getFileSystem().getFileStores(true), OSFileStore::getMount));
        sampler.sample(System.currentTimeMillis() / 1000);
        System.err.printf("first poll with detection: %.1f ms wall, %.1f ms CPU%n", (System.nanoTime() - wall) / 1e6,
                (threads.getCurrentThreadCpuTime() - cpu) / 1e6);
        for (int i = 0; i < count; i++) {
            Thread.sleep(interval - System.currentTimeMillis() % interval);
            wall = System.nanoTime();
            cpu = threads.getCurrentThreadCpuTime();
            sampler.sample(System.currentTimeMillis() / 1000);
            System.out.println((System.nanoTime() - wall) + " " + (threads.getCurrentThreadCpuTime() - cpu));
        }
    }

    private static <T> List<T> distinct(List<T> devices, Function<T, String> key) {
        Map<String, T> unique = new LinkedHashMap<>();
        devices.forEach(d -> unique.putIfAbsent(key.apply(d), d));
        return new ArrayList<>(unique.values());
    }
}

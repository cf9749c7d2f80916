import java.lang.reflect.Method;
import org.cloudweb.monitor.stats.StatKind;
import org.cloudweb.monitor.stats.StatResolution;

/**
 * Helper of bench/monitor-storage.sh: prints, per series kind, what the monitor itself knows of it, one line each,
 * fields separated by '|': API name, raw table, hourly rollup table, device column (or '-'), value columns (comma
 * separated), the upsert statement the hourly rollup runs for one host and hour (RollupWriter.upsertSql), the
 * five-minute rollup table, and the upsert statement of five minutes (RollupWriter.fiveMinuteUpsertSql); taken
 * from the built monitor-timer jar, so the benchmark rolls up with the application's own SQL. The upserts' four
 * parameters are the start of the hour or five minutes, the host, and the range [from, to).
 * With the arguments {@code buckets KIND STEP} it prints instead the statement a chart of buckets of STEP seconds
 * from rollups runs (StatService.fiveMinuteBucketSql or bucketSql; its parameters in StatService's order).
 * Usage: java -cp cloudweb-monitor-timer.jar:cloudweb-ejb.jar RollupSql.java [buckets KIND STEP-SECONDS]
 */
public class RollupSql {

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("buckets")) {
            StatKind kind = StatKind.named(args[1]).orElseThrow();
            long step = Long.parseLong(args[2]);
            Class<?> service = Class.forName("org.cloudweb.monitor.stats.StatService");
            Method sql;
            Object[] arguments;
            if (step % 3600 == 0) {
                Method resolution = StatResolution.class.getDeclaredMethod("buckets", long.class);
                resolution.setAccessible(true);
                sql = service.getDeclaredMethod("bucketSql", StatKind.class, StatResolution.class);
                arguments = new Object[] {kind, resolution.invoke(null, step)};
            } else {
                sql = service.getDeclaredMethod("fiveMinuteBucketSql", StatKind.class, long.class);
                arguments = new Object[] {kind, step};
            }
            sql.setAccessible(true);
            System.out.println(sql.invoke(null, arguments));
            return;
        }
        Class<?> writer = Class.forName("org.cloudweb.monitor.rollup.RollupWriter");
        Method hourly = writer.getDeclaredMethod("upsertSql", StatKind.class);
        Method fiveMinutes = writer.getDeclaredMethod("fiveMinuteUpsertSql", StatKind.class);
        hourly.setAccessible(true);
        fiveMinutes.setAccessible(true);
        for (StatKind kind : StatKind.values()) {
            System.out.println(String.join("|", kind.apiName(), kind.table(), kind.hourlyTable(),
                    kind.deviceColumn() == null ? "-" : kind.deviceColumn(), String.join(",", kind.columns()),
                    (String) hourly.invoke(null, kind), kind.fiveMinuteTable(),
                    (String) fiveMinutes.invoke(null, kind)));
        }
    }
}

import java.lang.reflect.Method;
import org.cloudweb.monitor.stats.StatKind;

/**
 * Helper of bench/monitor-storage.sh: prints, per series kind, what the monitor itself knows of it, one line each,
 * fields separated by '|': API name, raw table, rollup table, device column (or '-'), value columns (comma
 * separated), and the upsert statement the hourly rollup runs for one host and hour (RollupWriter.upsertSql, taken
 * from the built monitor-timer jar, so the benchmark rolls up with the application's own SQL). Its four
 * parameters are the hour, the host, and the range [from, to).
 * Usage: java -cp cloudweb-monitor-timer.jar:cloudweb-ejb.jar RollupSql.java
 */
public class RollupSql {

    public static void main(String[] args) throws Exception {
        Method upsert = Class.forName("org.cloudweb.monitor.rollup.RollupWriter")
                .getDeclaredMethod("upsertSql", StatKind.class);
        upsert.setAccessible(true);
        for (StatKind kind : StatKind.values()) {
            System.out.println(String.join("|", kind.apiName(), kind.table(), kind.hourlyTable(),
                    kind.deviceColumn() == null ? "-" : kind.deviceColumn(), String.join(",", kind.columns()),
                    (String) upsert.invoke(null, kind)));
        }
    }
}

package org.cloudweb.monitor.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalDouble;
import org.cloudweb.monitor.stats.Sample;
import org.junit.jupiter.api.Test;

class AlertMetricTest {

    private static final Sample SAMPLE = new Sample(1_700_000_000L, new Sample.Cpu(423, 300, 100, 23, 157),
            new Sample.Memory(8_000_000, 2_000_000, 1_000_000, 250_000),
            List.of(new Sample.Net("eth0", 1000, 2000, 10, 20)), new Sample.Net("", 1000, 2000, 10, 20),
            List.of(new Sample.Disk("sda", 4096, 8192, 1, 2)), new Sample.Disk("", 4096, 8192, 1, 2),
            List.of(new Sample.Storage("/", 1000, 500, 500, 450), new Sample.Storage("/data", 2000, 1800, 200, 100),
                    new Sample.Storage("/proc-like", 0, 0, 0, 0)),
            new Sample.ProcessIo(10, 20, 125, 300_000));

    @Test
    void everyMetricIsComputedFromTheSample() {
        assertEquals(42.3, value(AlertMetric.CPU_BUSY), 1e-9);
        assertEquals(1.57, value(AlertMetric.CPU_LOAD1), 1e-9);
        assertEquals(75.0, value(AlertMetric.MEM_USED), 1e-9);
        assertEquals(2_000_000 * 1024.0, value(AlertMetric.MEM_AVAILABLE), 1e-9);
        assertEquals(25.0, value(AlertMetric.SWAP_USED), 1e-9);
        assertEquals(1000, value(AlertMetric.NET_RX), 1e-9);
        assertEquals(2000, value(AlertMetric.NET_TX), 1e-9);
        assertEquals(4096, value(AlertMetric.DISK_READ), 1e-9);
        assertEquals(8192, value(AlertMetric.DISK_WRITE), 1e-9);
        assertEquals(90.0, value(AlertMetric.STORAGE_USED), 1e-9, "the fullest mount; empty ones do not count");
        assertEquals(12.5, value(AlertMetric.PROC_CPU), 1e-9);
        assertEquals(300_000 * 1024.0, value(AlertMetric.PROC_RSS), 1e-9);
    }

    @Test
    void whatTheTickCouldNotMeasureHasNoValue() {
        Sample first = new Sample(1_700_000_000L, null, new Sample.Memory(8_000_000, 2_000_000, 0, 0), List.of(),
                null, List.of(), null, List.of(), null);

        for (AlertMetric metric : List.of(AlertMetric.CPU_BUSY, AlertMetric.CPU_LOAD1, AlertMetric.NET_RX,
                AlertMetric.NET_TX, AlertMetric.DISK_READ, AlertMetric.DISK_WRITE, AlertMetric.STORAGE_USED,
                AlertMetric.PROC_CPU, AlertMetric.PROC_RSS)) {
            assertTrue(metric.of(first).isEmpty(), metric.apiName());
        }
        assertEquals(0.0, AlertMetric.SWAP_USED.of(first).getAsDouble(), "no swap: none used");
    }

    @Test
    void metricsAreFoundByTheirApiName() {
        assertEquals(AlertMetric.MEM_USED, AlertMetric.named("mem.used").orElseThrow());
        assertTrue(AlertMetric.named("MEM.USED").isEmpty());
        assertTrue(AlertMetric.NAMES.startsWith("cpu.busy, cpu.load1, mem.used"), AlertMetric.NAMES);
    }

    private static double value(AlertMetric metric) {
        OptionalDouble value = metric.of(SAMPLE);
        assertTrue(value.isPresent(), metric.apiName());
        return value.getAsDouble();
    }
}

package org.cloudweb.monitor.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.cloudweb.ejb.config.MonitorCheck;
import org.junit.jupiter.api.Test;
import oshi.SystemInfo;

class ServiceProbeTest {

    @Test
    void anOpenPortIsOkAndAClosedOneIsRefused() throws IOException {
        int closed;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = probe.getLocalPort();
        }
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));

            CheckResult open = ServiceProbe.tcp(MonitorCheck.parse("tcp:127.0.0.1:" + server.getLocalPort()));
            CheckResult refused = ServiceProbe.tcp(MonitorCheck.parse("tcp:127.0.0.1:" + closed));

            assertTrue(open.ok(), open.toString());
            assertTrue(open.detail().startsWith("connected in "), open.detail());
            assertFalse(refused.ok());
            assertEquals("connection refused", refused.detail());
        }
    }

    @Test
    void anUnknownHostIsNotOk() {
        CheckResult unknown = ServiceProbe.tcp(MonitorCheck.parse("tcp:no-such-host.invalid:80"));

        assertFalse(unknown.ok());
        assertEquals("unknown host", unknown.detail());
    }

    @Test
    void processesAreCountedByName() {
        Map<String, Integer> running = Map.of("mariadbd", 1, "java", 3);

        assertEquals(new CheckResult("process:mariadbd", true, "1 process"),
                ServiceProbe.process(MonitorCheck.parse("process:mariadbd"), running));
        assertEquals(new CheckResult("process:java", true, "3 processes"),
                ServiceProbe.process(MonitorCheck.parse("process:java"), running));
        assertEquals(new CheckResult("process:Java", false, "not running"),
                ServiceProbe.process(MonitorCheck.parse("process:Java"), running), "names are case-sensitive");
    }

    @Test
    void thisJvmIsFoundInTheRealProcessList() {
        ServiceProbe probe = new ServiceProbe(new SystemInfo().getOperatingSystem());

        List<CheckResult> results = probe.run(List.of(MonitorCheck.parse("process:java"),
                MonitorCheck.parse("process:no-such-process-here")));

        assertTrue(results.get(0).ok(), results.toString());
        assertFalse(results.get(1).ok());
    }
}

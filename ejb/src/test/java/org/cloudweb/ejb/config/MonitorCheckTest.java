package org.cloudweb.ejb.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MonitorCheckTest {

    @Test
    void processChecksNameTheProcess() {
        MonitorCheck check = MonitorCheck.parse("process:mariadbd");

        assertEquals("process", check.kind());
        assertEquals("mariadbd", check.target());
        assertEquals("process:mariadbd", check.name());
        assertEquals("kworker/0:1H", MonitorCheck.parse("process:kworker/0:1H").target(), "any name but commas");
        assertEquals("Web Content", MonitorCheck.parse("process:Web Content").target());
    }

    @Test
    void tcpChecksNameHostAndPort() {
        MonitorCheck loopback = MonitorCheck.parse("tcp:127.0.0.1:3306");
        assertEquals("tcp", loopback.kind());
        assertEquals("127.0.0.1:3306", loopback.target());
        assertEquals("127.0.0.1", loopback.host());
        assertEquals(3306, loopback.port());

        MonitorCheck v6 = MonitorCheck.parse("tcp:[::1]:65535");
        assertEquals("::1", v6.host());
        assertEquals(65535, v6.port());
        assertEquals("tcp:[::1]:65535", v6.name());

        assertEquals("db-1.example.com", MonitorCheck.parse("tcp:db-1.example.com:1").host());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "java", "Process:java", "http:example.com:80", "process:", "process: java",
            "process:java\t", "process:a\u0001b", "tcp:", "tcp:127.0.0.1", "tcp:127.0.0.1:", "tcp::80",
            "tcp:127.0.0.1:0", "tcp:127.0.0.1:65536", "tcp:127.0.0.1:080", "tcp:127.0.0.1:+80", "tcp:127.0.0.1:8o",
            "tcp:999.0.0.1:80", "tcp:1.2.3:80", "tcp:::1:80", "tcp:[example.com]:80", "tcp:under_score.example:80",
            "tcp:-leading.example:80", "tcp:a..b:80", "tcp:host name:80"})
    void malformedChecksAreRefused(String text) {
        assertThrows(IllegalArgumentException.class, () -> MonitorCheck.parse(text));
    }

    @Test
    void aListIsCommaSeparatedWithoutEmptyOrRepeatedEntries() {
        assertEquals(List.of(), MonitorCheck.parseList(""));
        assertEquals(List.of(), MonitorCheck.parseList("  "));
        assertEquals(List.of("process:java", "tcp:localhost:8080"), MonitorCheck.parseList("process:java, tcp:localhost:8080")
                .stream().map(MonitorCheck::name).toList());
        assertThrows(IllegalArgumentException.class, () -> MonitorCheck.parseList("process:java,"));
        assertThrows(IllegalArgumentException.class, () -> MonitorCheck.parseList(",process:java"));
        assertThrows(IllegalArgumentException.class, () -> MonitorCheck.parseList("process:java,,tcp:localhost:1"));
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> MonitorCheck.parseList("process:java, process:java"));
        assertTrue(twice.getMessage().contains("twice"), twice.getMessage());
    }

    @Test
    void aListHasAtMost32ChecksOfAtMost255Characters() {
        String many = IntStream.rangeClosed(1, 33).mapToObj(i -> "tcp:localhost:" + i).collect(Collectors.joining(","));
        assertThrows(IllegalArgumentException.class, () -> MonitorCheck.parseList(many));
        assertEquals(32, MonitorCheck.parseList(many.substring(0, many.lastIndexOf(','))).size());

        assertEquals(255, MonitorCheck.parse("process:" + String.join("", Collections.nCopies(247, "p"))).name().length());
        assertThrows(IllegalArgumentException.class,
                () -> MonitorCheck.parse("process:" + String.join("", Collections.nCopies(248, "p"))));
    }
}

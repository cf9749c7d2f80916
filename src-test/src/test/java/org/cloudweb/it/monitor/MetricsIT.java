package org.cloudweb.it.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cloudweb.it.support.HttpJson;
import org.cloudweb.it.support.SignedInApiTest;
import org.junit.jupiter.api.Test;

/** {@code /metrics} as Prometheus scrapes it: this host's latest sample and the API's request counters. */
class MetricsIT extends SignedInApiTest {

    private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([^}]*)\\})? (\\S+)$");

    @Test
    void hostGaugesShowThisNodesLatestSample() throws Exception {
        Map<String, Double> host = awaitHostGauges();

        double cpu = host.get("cloudweb_host_cpu_utilization");
        assertTrue(cpu >= 0 && cpu <= 1, "cpu " + cpu);
        double total = host.get("cloudweb_host_memory_total_bytes");
        double available = host.get("cloudweb_host_memory_available_bytes");
        assertTrue(total > 64 * 1024 * 1024, "memory total " + total);
        assertTrue(available > 0 && available <= total, "memory available " + available);
        for (String rate : new String[] {"cloudweb_host_network_receive_bytes_per_second",
            "cloudweb_host_network_transmit_bytes_per_second", "cloudweb_host_disk_read_bytes_per_second",
            "cloudweb_host_disk_write_bytes_per_second"}) {
            assertTrue(host.containsKey(rate) && !(host.get(rate) < 0), rate + " " + host.get(rate));
        }
        double used = host.get("cloudweb_data_storage_used_bytes");
        double free = host.get("cloudweb_data_storage_free_bytes");
        assertTrue(used > 0, "data storage used " + used);
        assertTrue(free > 0, "data storage free " + free);
    }

    @Test
    void requestsAreCountedByMethodAndStatusClass() throws Exception {
        double okBefore = requests("GET", "2xx");
        double notFoundBefore = requests("GET", "4xx");
        int calls = 5;
        for (int i = 0; i < calls; i++) {
            assertEquals(200, admin.get("hosts").statusCode());
        }
        assertEquals(404, admin.get("no/such/route").statusCode());

        HttpResponse<String> scrape = scrape();
        assertEquals(200, scrape.statusCode());
        assertTrue(scrape.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"),
                scrape.headers().toString());
        assertTrue(sum(scrape.body(), "cloudweb_http_requests_total", "GET", "2xx") >= okBefore + calls,
                scrape.body());
        assertTrue(sum(scrape.body(), "cloudweb_http_requests_total", "GET", "4xx") >= notFoundBefore + 1);
        assertTrue(sum(scrape.body(), "cloudweb_http_request_duration_seconds_count", "GET", "2xx")
                >= okBefore + calls, "latencies are recorded for the same requests");
        double seconds = sum(scrape.body(), "cloudweb_http_request_duration_seconds_sum", "GET", "2xx");
        assertTrue(seconds > 0 && seconds < 60 * (okBefore + calls), "total GET time in seconds " + seconds);
        assertTrue(scrape.body().lines().filter(l -> l.startsWith("cloudweb_http_requests_total"))
                .noneMatch(l -> l.contains("no/such/route") || l.contains("hosts")), "no path in the labels");
    }

    /** The host gauges, once the monitor has taken a sample with rates (its second tick). */
    private Map<String, Double> awaitHostGauges() throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            HttpResponse<String> scrape = scrape();
            assertEquals(200, scrape.statusCode(), scrape.body());
            Map<String, Double> gauges = new HashMap<>();
            for (String line : scrape.body().split("\n")) {
                Matcher m = LINE.matcher(line.trim());
                String name = m.matches() ? m.group(1) : "";
                if (name.startsWith("cloudweb_host_") || name.startsWith("cloudweb_data_")) {
                    gauges.put(m.group(1), Double.parseDouble(m.group(4)));
                }
            }
            if (gauges.size() == 9 && gauges.values().stream().noneMatch(v -> v.isNaN())) {
                return gauges;
            }
            assertTrue(System.nanoTime() < deadline, "no host sample in /metrics: " + gauges);
            Thread.sleep(1000);
        }
    }

    private double requests(String method, String statusClass) throws Exception {
        return sum(scrape().body(), "cloudweb_http_requests_total", method, statusClass);
    }

    /** The sum of a series' samples with these method and status labels; 0 when there is none yet. */
    private static double sum(String body, String name, String method, String statusClass) {
        double sum = 0;
        for (String line : body.split("\n")) {
            Matcher m = LINE.matcher(line.trim());
            if (m.matches() && m.group(1).equals(name) && m.group(3) != null
                    && m.group(3).contains("method=\"" + method + "\"")
                    && m.group(3).contains("status=\"" + statusClass + "\"")) {
                sum += Double.parseDouble(m.group(4));
            }
        }
        return sum;
    }

    /** Metrics are served by Payara at the server root, whatever the application's context root. */
    private HttpResponse<String> scrape() throws Exception {
        return HttpJson.get(URI.create(base.getProtocol() + "://" + base.getHost() + ":" + base.getPort()
                + "/metrics"));
    }
}

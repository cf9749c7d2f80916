import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load client of bench/auth.sh: N threads send the same request for a number of seconds and the request rate
 * of successful answers is printed. Usage: java AuthLoad.java URL METHOD BODY|- BEARER|- CLIENTS SECONDS
 */
public class AuthLoad {

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        String method = args[1];
        String body = "-".equals(args[2]) ? null : args[2];
        String bearer = "-".equals(args[3]) ? null : args[3];
        int clients = Integer.parseInt(args[4]);
        long seconds = Long.parseLong(args[5]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < end) {
                    HttpRequest.Builder request = HttpRequest.newBuilder(uri).method(method,
                            body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
                    if (body != null) {
                        request.header("Content-Type", "application/json");
                    }
                    if (bearer != null) {
                        request.header("Authorization", "Bearer " + bearer);
                    }
                    try {
                        int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                        (status < 300 ? ok : failed).incrementAndGet();
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        System.out.printf("%.1f %d%n", ok.get() / (double) seconds, failed.get());
    }
}

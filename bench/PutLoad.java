import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load client of bench/small-puts.sh: PUTs COUNT files of SIZE bytes named f0, f1, ... below a directory URL
 * with CLIENTS threads, and prints "files-per-second failures".
 * Usage: java PutLoad.java DIRECTORY_URL TOKEN COUNT SIZE CLIENTS
 */
public class PutLoad {

    public static void main(String[] args) throws Exception {
        String directory = args[0];
        String token = args[1];
        int count = Integer.parseInt(args[2]);
        byte[] body = new byte[Integer.parseInt(args[3])];
        int clients = Integer.parseInt(args[4]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(directory + "/f" + i))
                            .header("Authorization", "Bearer " + token)
                            .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build();
                    try {
                        if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() >= 300) {
                            failed.incrementAndGet();
                        }
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
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%.0f %d%n", count / seconds, failed.get());
    }
}

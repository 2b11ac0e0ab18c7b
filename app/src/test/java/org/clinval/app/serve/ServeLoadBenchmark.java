package org.clinval.app.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.clinval.common.sitekey.SiteKey;
import org.clinval.common.sitekey.SiteKeyStore;

/**
 * A bounded load test of the server on loopback: {@code SESSIONS} logged-in sessions (each its own
 * client and thread) read the pages' API for {@code SECONDS}: the surveillance list, the dashboard
 * and its version (as a polling page does), the studies and a run, in a random mix; then 20
 * simultaneous signature attempts on one investigation task. Prints, per endpoint, requests, errors
 * and the latency median, 95th and 99th percentiles.
 *
 * <p>Usage: {@code tools/serve-bench HOME USERS KEYSTORE [SESSIONS SECONDS]} on the folder of a
 * {@code clinval pms demo} (its users and keystore; the demo's passwords).
 */
public final class ServeLoadBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "demo-only-password";

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        Path users = Path.of(args[1]);
        Path keystore = Path.of(args[2]);
        int sessions = args.length > 3 ? Integer.parseInt(args[3]) : 50;
        int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 60;
        SiteKey key = SiteKeyStore.open(keystore, "demo-only-passphrase".toCharArray());
        try (WebServer server =
                WebServer.start(
                        new WebServer.Settings(
                                home,
                                users,
                                key.publicKey(),
                                Optional.of(key),
                                "127.0.0.1",
                                0,
                                Duration.ofMinutes(15),
                                Duration.ofMinutes(15),
                                () ->
                                        org.clinval.app.study.Studies.services(
                                                new java.io.PrintWriter(System.err, true),
                                                java.time.Clock.systemUTC()),
                                Optional.empty()))) {
            String base = "http://127.0.0.1:" + server.port();
            List<Client> clients = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int i = 0; i < sessions; i++) {
                clients.add(Client.login(base, "qa.lead"));
            }
            System.out.printf(
                    Locale.ROOT,
                    "%d sessions logged in in %.1f s (PBKDF2, 600,000 iterations each)%n",
                    sessions,
                    (System.nanoTime() - t0) / 1e9);
            Client probe = clients.get(0);
            String pmsId = JSON.readTree(probe.get("/api/pms").body()).get(0).get("id").asText();
            String runId =
                    JSON.readTree(probe.get("/api/studies").body()).get(0).get("id").asText();
            String[] paths = {
                "/api/pms",
                "/api/pms/" + pmsId,
                "/api/pms/" + pmsId + "/version",
                "/api/studies",
                "/api/runs/" + runId
            };
            String[] names = {"pms list", "dashboard", "dashboard version", "studies", "run"};
            // Pages poll the version far more often than they load: weights 1, 2, 6, 1, 1.
            int[] weights = {1, 2, 6, 1, 1};
            Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
            Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
            for (String n : names) {
                latencies.put(n, java.util.Collections.synchronizedList(new ArrayList<>()));
                errors.put(n, new AtomicInteger());
            }
            // Warm up: each endpoint once.
            for (String p : paths) probe.get(p);
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            CountDownLatch done = new CountDownLatch(sessions);
            for (int i = 0; i < sessions; i++) {
                Client c = clients.get(i);
                SplittableRandom rng = new SplittableRandom(i);
                Thread t =
                        new Thread(
                                () -> {
                                    try {
                                        while (System.nanoTime() < end) {
                                            int k = pick(rng, weights);
                                            long s = System.nanoTime();
                                            int status;
                                            try {
                                                status = c.get(paths[k]).statusCode();
                                            } catch (Exception e) {
                                                status = -1;
                                            }
                                            latencies.get(names[k]).add(System.nanoTime() - s);
                                            if (status != 200)
                                                errors.get(names[k]).incrementAndGet();
                                        }
                                    } finally {
                                        done.countDown();
                                    }
                                });
                t.start();
            }
            done.await();
            System.out.printf(
                    Locale.ROOT,
                    "%d sessions for %d s on loopback:%n%-18s %9s %7s %9s %9s %9s%n",
                    sessions,
                    seconds,
                    "endpoint",
                    "requests",
                    "errors",
                    "p50 ms",
                    "p95 ms",
                    "p99 ms");
            long all = 0;
            int allErrors = 0;
            List<Long> every = new ArrayList<>();
            for (String n : names) {
                long[] l = latencies.get(n).stream().mapToLong(Long::longValue).sorted().toArray();
                all += l.length;
                allErrors += errors.get(n).get();
                for (long x : l) every.add(x);
                row(n, l, errors.get(n).get());
            }
            long[] e = every.stream().mapToLong(Long::longValue).sorted().toArray();
            row("all", e, allErrors);
            System.out.printf(Locale.ROOT, "throughput %.0f requests/s%n", all / (double) seconds);

            // 20 simultaneous signatures of one task, each by its own session of the analyst.
            List<Client> analysts = new ArrayList<>();
            for (int i = 0; i < 20; i++) analysts.add(Client.login(base, "pms.analyst"));
            JsonNode tasks =
                    JSON.readTree(analysts.get(0).get("/api/pms/" + pmsId + "/tasks").body());
            JsonNode task = null;
            for (JsonNode t : tasks.get("tasks")) {
                if (t.get("mine").asBoolean() && t.get("key").asText().equals("Triage")) {
                    task = t;
                    break;
                }
            }
            if (task == null) throw new IllegalStateException("no triage task waits: " + tasks);
            String path = "/api/pms/" + pmsId + "/tasks/" + task.get("id").asText();
            String values = "{\"priority\": \"medium\", \"notes\": \"load test\"}";
            String sha =
                    JSON.readTree(
                                    analysts.get(0)
                                            .post(path + "/preview", "{\"values\": " + values + "}")
                                            .body())
                            .get("sha256")
                            .asText();
            String body =
                    "{\"values\": "
                            + values
                            + ", \"meaning\": \"authored\", \"password\": \""
                            + PASSWORD
                            + "\", \"sha256\": \""
                            + sha
                            + "\"}";
            Map<Integer, Integer> outcome = new TreeMap<>();
            List<Thread> threads = new ArrayList<>();
            CountDownLatch go = new CountDownLatch(1);
            for (Client a : analysts) {
                Thread t =
                        new Thread(
                                () -> {
                                    try {
                                        go.await();
                                        int s = a.post(path + "/sign", body).statusCode();
                                        synchronized (outcome) {
                                            outcome.merge(s, 1, Integer::sum);
                                        }
                                    } catch (Exception ex) {
                                        synchronized (outcome) {
                                            outcome.merge(-1, 1, Integer::sum);
                                        }
                                    }
                                });
                threads.add(t);
                t.start();
            }
            go.countDown();
            for (Thread t : threads) t.join();
            System.out.println(
                    "20 simultaneous signatures of task "
                            + task.get("investigation_id").asText()
                            + " "
                            + task.get("key").asText()
                            + ": status -> count "
                            + outcome);
        }
    }

    private static void row(String name, long[] sorted, int errors) {
        System.out.printf(
                Locale.ROOT,
                "%-18s %9d %7d %9.1f %9.1f %9.1f%n",
                name,
                sorted.length,
                errors,
                q(sorted, 0.5) / 1e6,
                q(sorted, 0.95) / 1e6,
                q(sorted, 0.99) / 1e6);
    }

    private static double q(long[] sorted, double p) {
        if (sorted.length == 0) return Double.NaN;
        return sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static int pick(SplittableRandom rng, int[] weights) {
        int total = Arrays.stream(weights).sum();
        int r = rng.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) return i;
        }
        return weights.length - 1;
    }

    /** One session: its own HTTP client, cookie and CSRF token. */
    static final class Client {
        final HttpClient http = HttpClient.newHttpClient();
        final String base;
        String cookie;
        String csrf;

        Client(String base) {
            this.base = base;
        }

        static Client login(String base, String user) throws Exception {
            Client c = new Client(base);
            HttpResponse<String> r =
                    c.http.send(
                            HttpRequest.newBuilder(URI.create(base + "/api/login"))
                                    .header("Content-Type", "application/json")
                                    .POST(
                                            HttpRequest.BodyPublishers.ofString(
                                                    "{\"user\": \""
                                                            + user
                                                            + "\", \"password\": \""
                                                            + PASSWORD
                                                            + "\"}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) throw new IllegalStateException(r.body());
            c.cookie = r.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
            c.csrf = JSON.readTree(r.body()).get("csrf").asText();
            return c;
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(
                    HttpRequest.newBuilder(URI.create(base + path))
                            .header("Cookie", cookie)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String body) throws Exception {
            return http.send(
                    HttpRequest.newBuilder(URI.create(base + path))
                            .header("Cookie", cookie)
                            .header(WebServer.CSRF_HEADER, csrf)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}

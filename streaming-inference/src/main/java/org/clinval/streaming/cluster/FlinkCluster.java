package org.clinval.streaming.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A standalone Flink session cluster on this machine: a JobManager ({@code
 * StandaloneSessionClusterEntrypoint}) and TaskManagers ({@code TaskManagerRunner}), each its own
 * process, started with this program's class path. {@code cluster.json} in the cluster's folder
 * keeps the ports and process ids, so another program can find, grow or stop the cluster.
 */
public final class FlinkCluster {

    static final String STATE = "cluster.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JOB_MANAGER =
            "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint";
    private static final String TASK_MANAGER =
            "org.apache.flink.runtime.taskexecutor.TaskManagerRunner";

    private final Path dir;
    private final int restPort;
    private final long jobManagerPid;
    private final List<Long> taskManagerPids;

    private FlinkCluster(Path dir, int restPort, long jobManagerPid, List<Long> taskManagerPids) {
        this.dir = dir;
        this.restPort = restPort;
        this.jobManagerPid = jobManagerPid;
        this.taskManagerPids = new ArrayList<>(taskManagerPids);
    }

    /**
     * Starts the JobManager and the TaskManagers and returns once every TaskManager has registered.
     *
     * @throws ClusterException if a cluster already runs from this folder, or a process does not
     *     come up within {@code timeout} (its log is named)
     */
    public static FlinkCluster start(ClusterSettings s, Duration timeout)
            throws IOException, ClusterException {
        Path dir = s.dir().toAbsolutePath();
        Optional<FlinkCluster> running = find(dir).filter(FlinkCluster::jobManagerAlive);
        if (running.isPresent()) {
            throw new ClusterException(
                    "a cluster already runs from "
                            + dir
                            + " (REST port "
                            + running.get().restPort
                            + "); stop it first");
        }
        Files.createDirectories(dir.resolve("log"));
        Files.createDirectories(dir.resolve("tmp"));
        Files.createDirectories(dir.resolve("plugins")); // where Flink looks for plugins
        int rpc = freePort();
        int rest = s.restPort() == 0 ? freePort() : s.restPort();
        Map<String, String> settings = ClusterConfig.settings(s, rpc, rest);
        ClusterConfig.write(dir.resolve("conf"), settings);
        long deadline = System.nanoTime() + timeout.toNanos();
        Process jm =
                ClusterProcess.start(
                        dir,
                        "jobmanager",
                        JOB_MANAGER,
                        ClusterProcess.jobManagerJvm(dir.resolve("conf")),
                        List.of());
        FlinkCluster c = new FlinkCluster(dir, rest, jm.pid(), List.of());
        c.save();
        c.awaitRest(deadline, jm);
        for (int i = 0; i < s.taskManagers(); i++) c.addTaskManager();
        c.awaitTaskManagers(s.taskManagers(), s.taskManagers() * s.slots(), deadline);
        return c;
    }

    /** The cluster started from {@code dir}, if its state file is there. */
    public static Optional<FlinkCluster> find(Path dir) throws IOException {
        Path state = dir.toAbsolutePath().resolve(STATE);
        if (!Files.isRegularFile(state)) return Optional.empty();
        JsonNode n = JSON.readTree(state.toFile());
        List<Long> tms = new ArrayList<>();
        n.path("taskmanager_pids").forEach(p -> tms.add(p.asLong()));
        return Optional.of(
                new FlinkCluster(
                        dir.toAbsolutePath(),
                        n.path("rest_port").asInt(),
                        n.path("jobmanager_pid").asLong(),
                        tms));
    }

    /**
     * Starts one more TaskManager (e.g. in place of a lost one) and returns its process id. Its
     * resource id, as the REST API and the web UI show it, is {@code taskmanager-N}.
     */
    public long addTaskManager() throws IOException {
        String name = "taskmanager-" + (taskManagerPids.size() + 1);
        Process tm =
                ClusterProcess.start(
                        dir,
                        name,
                        TASK_MANAGER,
                        ClusterProcess.taskManagerJvm(dir.resolve("conf")),
                        ClusterProcess.taskManagerDynamicProperties(dir.resolve("conf"), name));
        taskManagerPids.add(tm.pid());
        save();
        return tm.pid();
    }

    /** Stops every process of the cluster (TaskManagers first) and waits for them to end. */
    public void stop(Duration timeout) throws IOException {
        List<ProcessHandle> handles = new ArrayList<>();
        for (long pid : taskManagerPids) ProcessHandle.of(pid).ifPresent(handles::add);
        ProcessHandle.of(jobManagerPid).ifPresent(handles::add);
        handles.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ProcessHandle h : handles) {
            while (h.isAlive() && System.nanoTime() < deadline) sleep(50);
            if (h.isAlive()) h.destroyForcibly();
        }
        Files.deleteIfExists(dir.resolve(STATE));
    }

    /** A setting of the cluster's {@code conf/config.yaml}, as its processes read it. */
    public String setting(String key) {
        return org.apache.flink.configuration.GlobalConfiguration.loadConfiguration(
                        dir.resolve("conf").toString())
                .toMap()
                .get(key);
    }

    /** {@code localhost:PORT}, what {@code --flink} takes. */
    public String address() {
        return "localhost:" + restPort;
    }

    public int restPort() {
        return restPort;
    }

    public Path dir() {
        return dir;
    }

    public long jobManagerPid() {
        return jobManagerPid;
    }

    /** Process ids of the TaskManagers started, in order (some may have ended since). */
    public List<Long> taskManagerPids() {
        return List.copyOf(taskManagerPids);
    }

    public boolean jobManagerAlive() {
        return ProcessHandle.of(jobManagerPid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** The JobManager's {@code /overview}: TaskManagers, slots, jobs by state. */
    public JsonNode overview() throws IOException {
        return get("/overview");
    }

    /** A GET of the JobManager's REST API, e.g. {@code /jobs/overview}. */
    public JsonNode get(String path) throws IOException {
        HttpRequest r =
                HttpRequest.newBuilder(URI.create("http://localhost:" + restPort + path))
                        .timeout(Duration.ofSeconds(5))
                        .GET()
                        .build();
        try {
            HttpResponse<String> response =
                    HttpClient.newHttpClient()
                            .send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new IOException(
                        "GET "
                                + path
                                + " answered "
                                + response.statusCode()
                                + ": "
                                + response.body());
            }
            return JSON.readTree(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while asking the JobManager", e);
        }
    }

    private void awaitRest(long deadline, Process jm) throws ClusterException {
        while (true) {
            try {
                overview();
                return;
            } catch (IOException e) {
                if (!jm.isAlive()) {
                    throw new ClusterException(
                            "the JobManager ended at start-up; see "
                                    + dir.resolve("log/jobmanager.log")
                                    + " and jobmanager.out");
                }
                if (System.nanoTime() > deadline) {
                    throw new ClusterException(
                            "the JobManager's REST port "
                                    + restPort
                                    + " did not answer in time; see "
                                    + dir.resolve("log/jobmanager.log"));
                }
                sleep(200);
            }
        }
    }

    /**
     * Waits until {@code n} TaskManagers are registered with {@code slots} task slots in all (a
     * TaskManager is counted before its slots are).
     */
    public void awaitTaskManagers(int n, int slots, long deadlineNanos) throws ClusterException {
        JsonNode seen = null;
        while (System.nanoTime() < deadlineNanos) {
            try {
                seen = overview();
                if (seen.path("taskmanagers").asInt() >= n
                        && seen.path("slots-total").asInt() >= slots) {
                    return;
                }
            } catch (IOException e) {
                // the JobManager is still starting its endpoint
            }
            sleep(200);
        }
        throw new ClusterException(
                (seen == null ? 0 : seen.path("taskmanagers").asInt())
                        + " of "
                        + n
                        + " TaskManagers registered in time; see "
                        + dir.resolve("log")
                        + "/taskmanager-*.log");
    }

    private void save() throws IOException {
        ObjectNode n = JSON.createObjectNode();
        n.put("rest_port", restPort);
        n.put("address", address());
        n.put("web_ui", "http://localhost:" + restPort + "/");
        n.put("jobmanager_pid", jobManagerPid);
        ArrayNode tms = n.putArray("taskmanager_pids");
        taskManagerPids.forEach(tms::add);
        Path tmp = dir.resolve(STATE + ".tmp");
        Files.writeString(
                tmp,
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n),
                StandardCharsets.UTF_8);
        Files.move(tmp, dir.resolve(STATE), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

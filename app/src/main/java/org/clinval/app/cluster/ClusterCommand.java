package org.clinval.app.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.clinval.app.cli.Json;
import org.clinval.app.cli.Subcommands;
import org.clinval.app.cli.UserError;
import org.clinval.streaming.cluster.ClusterException;
import org.clinval.streaming.cluster.ClusterSettings;
import org.clinval.streaming.cluster.FlinkCluster;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code clinval cluster start|status|add-taskmanager|stop}: a standalone Flink session cluster on
 * this machine (one JobManager, TaskManagers as separate processes), for the study and surveillance
 * commands' {@code --flink localhost:PORT}.
 */
@Subcommands({
    ClusterCommand.Start.class,
    ClusterCommand.Status.class,
    ClusterCommand.AddTaskManager.class,
    ClusterCommand.Stop.class
})
@Command(
        name = "cluster",
        description =
                "Start, inspect, grow or stop a Flink session cluster on this machine (for --flink).")
public final class ClusterCommand implements Runnable {

    static final Path DEFAULT_DIR = Path.of("clinval-cluster");

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "a subcommand is required, e.g. 'clinval cluster start'");
    }

    /** The cluster's folder option every subcommand takes. */
    static final class Folder {
        @Option(
                names = "--dir",
                paramLabel = "DIR",
                description =
                        "The cluster's folder: configuration, logs, process ids (default:"
                                + " ./clinval-cluster).")
        Path dir = DEFAULT_DIR;

        FlinkCluster running() throws Exception {
            FlinkCluster c =
                    FlinkCluster.find(dir)
                            .orElseThrow(
                                    () ->
                                            new UserError(
                                                    "no cluster was started from "
                                                            + dir.toAbsolutePath()
                                                            + " (clinval cluster start --dir "
                                                            + dir
                                                            + ")"));
            return c;
        }
    }

    static ObjectNode describe(FlinkCluster c) throws Exception {
        ObjectNode o = Json.object();
        o.put("flink", c.address());
        o.put("web_ui", "http://" + c.address() + "/");
        o.put("dir", c.dir().toString());
        o.put("jobmanager_pid", c.jobManagerPid());
        o.put("jobmanager_running", c.jobManagerAlive());
        var pids = o.putArray("taskmanager_pids");
        c.taskManagerPids().forEach(pids::add);
        if (c.jobManagerAlive()) {
            JsonNode overview = c.overview();
            o.put("taskmanagers", overview.path("taskmanagers").asInt());
            o.put("slots_total", overview.path("slots-total").asInt());
            o.put("slots_available", overview.path("slots-available").asInt());
            o.put("jobs_running", overview.path("jobs-running").asInt());
        }
        return o;
    }

    @Command(
            name = "start",
            description =
                    "Start a JobManager and TaskManagers as separate processes, listening on"
                            + " localhost only; prints the --flink address and the web UI.")
    static final class Start implements Callable<Integer> {

        @CommandLine.Mixin Folder folder;

        @Option(
                names = "--taskmanagers",
                paramLabel = "N",
                description = "TaskManager processes (default: ${DEFAULT-VALUE}).")
        int taskManagers = 2;

        @Option(
                names = "--slots",
                paramLabel = "N",
                description = "Task slots per TaskManager (default: ${DEFAULT-VALUE}).")
        int slots = 1;

        @Option(
                names = "--port",
                paramLabel = "PORT",
                description = "REST and web UI port (default: a free port).")
        int port;

        @Option(
                names = "--taskmanager-memory",
                paramLabel = "SIZE",
                description =
                        "Each TaskManager's process memory as Flink counts it (default:"
                                + " ${DEFAULT-VALUE}; the models' native memory comes on top).")
        String memory = "2048m";

        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (taskManagers < 1 || taskManagers > 64) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "--taskmanagers is not in 1..64: " + taskManagers);
            }
            if (slots < 1 || slots > 64) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "--slots is not in 1..64: " + slots);
            }
            if (port < 0 || port > 65535) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "--port is not a port: " + port);
            }
            spec.commandLine()
                    .getErr()
                    .println(
                            "clinval cluster: starting a JobManager and "
                                    + taskManagers
                                    + " TaskManager(s) in "
                                    + folder.dir.toAbsolutePath());
            FlinkCluster c;
            try {
                c =
                        FlinkCluster.start(
                                new ClusterSettings(folder.dir, taskManagers, slots, port, memory),
                                Duration.ofMinutes(2));
            } catch (ClusterException e) {
                throw new UserError(e.getMessage());
            }
            spec.commandLine().getOut().println(Json.write(describe(c)));
            return 0;
        }
    }

    @Command(name = "status", description = "Show the cluster's processes, slots and jobs.")
    static final class Status implements Callable<Integer> {
        @CommandLine.Mixin Folder folder;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            spec.commandLine().getOut().println(Json.write(describe(folder.running())));
            return 0;
        }
    }

    @Command(
            name = "add-taskmanager",
            description = "Start one more TaskManager, e.g. in place of a lost one.")
    static final class AddTaskManager implements Callable<Integer> {
        @CommandLine.Mixin Folder folder;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            FlinkCluster c = folder.running();
            if (!c.jobManagerAlive()) {
                throw new UserError("the cluster's JobManager is not running; start the cluster");
            }
            JsonNode before = c.overview();
            c.addTaskManager();
            int slots = Integer.parseInt(c.setting("taskmanager.numberOfTaskSlots"));
            c.awaitTaskManagers(
                    before.path("taskmanagers").asInt() + 1,
                    before.path("slots-total").asInt() + slots,
                    System.nanoTime() + Duration.ofMinutes(1).toNanos());
            spec.commandLine().getOut().println(Json.write(describe(c)));
            return 0;
        }
    }

    @Command(name = "stop", description = "Stop every process of the cluster.")
    static final class Stop implements Callable<Integer> {
        @CommandLine.Mixin Folder folder;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            FlinkCluster c = folder.running();
            c.stop(Duration.ofSeconds(30));
            spec.commandLine()
                    .getErr()
                    .println("clinval cluster: stopped the cluster in " + c.dir());
            return 0;
        }
    }
}

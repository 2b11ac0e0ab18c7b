package org.clinval.app.pms;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.clinval.app.cli.Json;
import org.clinval.app.cli.UserError;
import org.clinval.surveillance.baseline.Baseline;
import org.clinval.surveillance.baseline.BaselineLoader;
import org.clinval.surveillance.job.Reconciliation;
import org.clinval.surveillance.job.Sources;
import org.clinval.surveillance.job.SurveillanceRun;
import org.clinval.surveillance.plan.MonitoringPlan;
import org.clinval.surveillance.plan.MonitoringPlanReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code clinval pms run}: the surveillance job over a folder of events or a Kafka topic. */
@Command(
        name = "run",
        description = {
            "Run the surveillance job: predictions joined with their delayed ground truth, windowed"
                    + " metrics per stratum, drift against the validated baseline, CUSUM charts"
                    + " and alarms, written under --out.",
            "Runs until stopped (Ctrl-C), or to the end of the input with --bounded."
        })
public final class PmsRunCommand implements Callable<Integer> {

    @Option(
            names = "--baseline",
            required = true,
            description = "The validated study's run folder.")
    Path baseline;

    @Option(names = "--plan", required = true, description = "The monitoring plan (YAML).")
    Path plan;

    @Option(names = "--events", description = "A folder of JSON-lines event files.")
    Path events;

    @Option(names = "--kafka", description = "A Kafka broker, host:port.")
    String kafka;

    @Option(
            names = "--topic",
            defaultValue = "clinval.events",
            description = "The events topic (default: ${DEFAULT-VALUE}).")
    String topic;

    @Option(
            names = "--out",
            defaultValue = "pms-out",
            description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--bounded", description = "Stop at the end of the input.")
    boolean bounded;

    @Option(
            names = "--parallelism",
            defaultValue = "1",
            description = "Flink parallelism (default: ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(
            names = "--flink",
            description = "A Flink cluster's JobManager, host:port (default: in process).")
    String flink;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if ((events == null) == (kafka == null)) {
            throw new UserError("give exactly one of --events DIR or --kafka HOST:PORT");
        }
        if (events != null && !Files.isDirectory(events)) {
            throw new UserError("--events " + events + " is not a folder");
        }
        if (parallelism < 1 || parallelism > 64) {
            throw new UserError("--parallelism " + parallelism + " is not between 1 and 64");
        }
        MonitoringPlan p = readPlan(plan);
        Baseline b = readBaseline(baseline);
        Sources source =
                events != null
                        ? new Sources.Folder(events.toAbsolutePath(), bounded)
                        : new Sources.Kafka(kafka, topic, "clinval-pms", bounded);
        SurveillanceRun run = new SurveillanceRun(p, b, out.toAbsolutePath());
        spec.commandLine()
                .getErr()
                .println("clinval pms: running the surveillance job into " + out);
        spec.commandLine().getErr().flush();
        Reconciliation r = run.run(source, parallelism, flink);
        ObjectNode o = summary(out, r);
        spec.commandLine().getOut().println(Json.write(o));
        spec.commandLine().getOut().flush();
        return 0;
    }

    static ObjectNode summary(Path out, Reconciliation r) throws IOException {
        ObjectNode o = Json.object();
        o.put("out", out.toString());
        o.put("events_in", r.eventsIn());
        o.put("used", r.total(org.clinval.surveillance.job.Ledger.Group.USED));
        o.put("dead_lettered", r.total(org.clinval.surveillance.job.Ledger.Group.DEAD_LETTERED));
        o.put("waiting", r.total(org.clinval.surveillance.job.Ledger.Group.WAITING));
        Path alarms = out.resolve("alarms.jsonl");
        o.put("alarms", Files.exists(alarms) ? Files.readAllLines(alarms).size() : 0);
        o.put("windows", out.resolve("windows.csv").toString());
        o.put("dead_letter", out.resolve("dead-letter.jsonl").toString());
        o.put(
                "next",
                "clinval pms investigation open --out "
                        + out
                        + " (an investigation per alarm); clinval pms report --out "
                        + out);
        return o;
    }

    static MonitoringPlan readPlan(Path plan) throws IOException {
        try {
            return MonitoringPlanReader.read(plan);
        } catch (MonitoringPlanReader.InvalidPlanException e) {
            throw new UserError(e.getMessage());
        }
    }

    static Baseline readBaseline(Path dir) throws IOException {
        try {
            return BaselineLoader.load(dir);
        } catch (BaselineLoader.BaselineException e) {
            throw new UserError(e.getMessage());
        }
    }
}

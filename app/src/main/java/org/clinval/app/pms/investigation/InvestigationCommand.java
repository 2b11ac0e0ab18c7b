package org.clinval.app.pms.investigation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.clinval.app.cli.Json;
import org.clinval.app.cli.Subcommands;
import org.clinval.app.cli.UserError;
import org.clinval.workflows.delegate.StudyStepException;
import org.clinval.workflows.investigation.AlarmInput;
import org.clinval.workflows.investigation.AlarmsFile;
import org.clinval.workflows.investigation.Investigation;
import org.clinval.workflows.investigation.InvestigationTask;
import org.clinval.workflows.investigation.PostMarketInvestigations;
import org.clinval.workflows.investigation.RevalidationRequests;
import org.clinval.workflows.signature.Meaning;
import org.clinval.workflows.signature.SignatureRefusedException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code clinval pms investigation}: the post-market investigations of a surveillance output
 * folder. Each prints JSON; the folder's records verify with {@code clinval audit verify
 * OUT/investigations}.
 */
@Subcommands({
    InvestigationCommand.Open.class,
    InvestigationCommand.ListInvestigations.class,
    InvestigationCommand.Complete.class
})
@Command(
        name = "investigation",
        description =
                "Open, list and sign the post-market investigations of a surveillance output"
                        + " folder's alarms (triage, root-cause analysis, decision).")
public final class InvestigationCommand implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(),
                "a subcommand is required, e.g. 'clinval pms investigation list --out OUT'");
    }

    /** The investigation as JSON: the investigations.json object, and its waiting tasks. */
    static ObjectNode json(Investigation i, List<InvestigationTask> tasks) {
        ObjectNode o = Json.object();
        o.put("investigation_id", i.investigationId());
        ArrayNode alarms = o.putArray("alarm_ids");
        i.alarmIds().forEach(alarms::add);
        o.put("kind", i.kind());
        o.put("stratum", i.stratum());
        o.put("metric", i.metric());
        o.put("window_start", i.windowStart());
        o.put("window_end", i.windowEnd());
        o.put("state", i.state());
        i.decision().ifPresentOrElse(d -> o.put("decision", d.key()), () -> o.putNull("decision"));
        ArrayNode waiting = o.putArray("tasks");
        for (InvestigationTask t : tasks) {
            if (!t.investigationId().equals(i.investigationId())) continue;
            ObjectNode n = waiting.addObject();
            n.put("id", t.id());
            n.put("task", t.key());
            n.put("group", t.candidateGroup());
            ArrayNode fields = n.putArray("fields");
            t.fields().forEach(fields::add);
            ArrayNode meanings = n.putArray("meanings");
            t.meanings().stream().map(Meaning::key).sorted().forEach(meanings::add);
            n.put("signs", t.signs());
        }
        return o;
    }

    static ArrayNode list(PostMarketInvestigations pms) throws IOException {
        ArrayNode list = Json.array();
        List<InvestigationTask> tasks = pms.tasks();
        for (Investigation i : pms.investigations()) {
            list.add(json(i, tasks));
        }
        return list;
    }

    /** {@code open --out OUT}: opens (or attaches) an investigation for every alarm of OUT. */
    @Command(
            name = "open",
            description =
                    "Open an investigation for each alarm of OUT/alarms.jsonl, or attach it to the"
                            + " open investigation of the same kind, stratum and metric. Alarms"
                            + " already recorded are skipped, so it can be run again.")
    public static final class Open implements Callable<Integer> {

        @Mixin InvestigationOptions options;

        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            List<AlarmInput> alarms;
            try {
                alarms = AlarmsFile.read(options.out.resolve(AlarmsFile.FILE));
            } catch (IOException e) {
                throw new UserError(e.getMessage(), e);
            }
            try (PostMarketInvestigations pms = options.open(RevalidationRequests.none())) {
                Map<String, String> opened = new LinkedHashMap<>();
                for (AlarmInput a : alarms) {
                    Optional<String> id = pms.open(a);
                    id.ifPresent(x -> opened.put(a.alarmId(), x));
                }
                ObjectNode o = Json.object();
                ObjectNode now = o.putObject("recorded_now");
                opened.forEach(now::put);
                o.put("alarms", alarms.size());
                o.set("investigations", list(pms));
                o.put("file", pms.folder().resolve(PostMarketInvestigations.FILE).toString());
                spec.commandLine().getOut().println(Json.write(o));
                return 0;
            }
        }
    }

    /** {@code list --out OUT}. */
    @Command(name = "list", description = "List the investigations and the tasks waiting.")
    public static final class ListInvestigations implements Callable<Integer> {

        @Mixin InvestigationOptions options;

        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try (PostMarketInvestigations pms = options.open(RevalidationRequests.none())) {
                spec.commandLine().getOut().println(Json.write(list(pms)));
                return 0;
            }
        }
    }

    /**
     * {@code complete TASK --out OUT --user U --meaning M --set k=v…}: records the values and
     * signs. A revalidation decision is recorded with its window; this command starts no study (the
     * application's wiring of {@link RevalidationRequests} does).
     */
    @Command(
            name = "complete",
            description =
                    "Record a task's values and sign it: Triage --set priority=low|medium|high"
                            + " --set notes=…; RootCauseAnalysis --set findings=…; Decision --set"
                            + " decision=no_action|field_safety_corrective_action|revalidation|risk_file_update"
                            + " --set rationale=…. The password is read from --password-file or"
                            + " prompted for.")
    public static final class Complete implements Callable<Integer> {

        @Parameters(paramLabel = "TASK", description = "The task id (from 'list').")
        String id;

        @Option(names = "--user", required = true, paramLabel = "U", description = "Signer.")
        String user;

        @Option(
                names = "--meaning",
                required = true,
                paramLabel = "M",
                description = "authored or reviewed (triage, root cause); approved (decision).")
        String meaning;

        @Option(
                names = "--set",
                paramLabel = "KEY=VALUE",
                description = "A value the task records; repeat for each.")
        Map<String, String> values = new LinkedHashMap<>();

        @Option(
                names = "--password-file",
                paramLabel = "F",
                description =
                        "File whose first line is the password, readable by its owner only"
                                + " (default: prompt).")
        Path passwordFile;

        @Mixin InvestigationOptions options;

        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Meaning m;
            try {
                m = Meaning.parse(meaning);
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage(), e);
            }
            try (PostMarketInvestigations pms =
                    options.open(org.clinval.app.pms.PmsHooks.revalidation(options.out))) {
                char[] password =
                        passwordFile != null
                                ? InvestigationOptions.secret(passwordFile)
                                : InvestigationOptions.prompt(
                                        "Password of " + user, "--password-file F");
                Investigation i;
                try {
                    i = pms.complete(id, user, password, m, values);
                } catch (SignatureRefusedException
                        | StudyStepException
                        | IllegalArgumentException e) {
                    throw new UserError(e.getMessage(), e);
                }
                ObjectNode o = json(i, pms.tasks());
                o.put("completed", id);
                spec.commandLine().getOut().println(Json.write(o));
                return 0;
            }
        }
    }
}

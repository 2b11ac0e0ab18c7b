package org.clinval.app.study;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.clinval.app.cli.Json;
import org.clinval.workflows.StudyStatus;
import org.clinval.workflows.StudyTask;
import org.clinval.workflows.signature.Meaning;

/** JSON of study states and tasks. */
final class StudyJson {

    private StudyJson() {}

    static ObjectNode task(StudyTask t) {
        ObjectNode o = Json.object();
        o.put("id", t.id());
        o.put("step", t.key());
        o.put("name", t.name());
        o.put("candidate_group", t.candidateGroup());
        o.put("created", t.created().toString());
        o.put("study", t.studyId());
        o.put("run", t.runDir().toString());
        o.put("signs", t.signs());
        ArrayNode m = o.putArray("meanings");
        t.meanings().stream().map(Meaning::key).sorted().forEach(m::add);
        return o;
    }

    static ObjectNode status(StudyStatus s) {
        ObjectNode o = Json.object();
        o.put("study", s.studyId());
        o.put("run", s.runDir().toString());
        o.put("state", s.state().key());
        ArrayNode a = o.putArray("at");
        s.activities().forEach(a::add);
        ArrayNode t = o.putArray("tasks");
        s.tasks().forEach(x -> t.add(task(x)));
        ArrayNode i = o.putArray("incidents");
        s.incidents().forEach(i::add);
        if (s.stopReason().isPresent()) o.put("stop_reason", s.stopReason().get());
        else o.putNull("stop_reason");
        o.put("next", next(s));
        return o;
    }

    /** What the user does next, in one sentence. */
    static String next(StudyStatus s) {
        String run = s.runDir().toString();
        return switch (s.state()) {
            case ACTIVE ->
                    s.tasks().isEmpty()
                            ? "steps are running; if the program stopped, continue with: clinval"
                                    + " study resume "
                                    + run
                            : "sign the waiting task: clinval task complete "
                                    + s.tasks().get(0).id()
                                    + " --user U --meaning "
                                    + s.tasks().get(0).meanings().iterator().next().key();
            case INCIDENT ->
                    "fix the cause named in 'incidents', then: clinval study retry "
                            + run
                            + " --reason TEXT (or end it: clinval study cancel "
                            + run
                            + " --user U --reason TEXT)";
            case STOPPED, CANCELLED ->
                    "the study has ended without a result; start a new run with clinval study run"
                            + " PROTOCOL";
            case PASSED, FAILED -> "check its records: clinval audit verify " + run;
        };
    }

    /** The exit code a study command ends with: 4 for an incident, 5 for a stopped study. */
    static int exitCode(StudyStatus s) {
        return switch (s.state()) {
            case INCIDENT -> 4;
            case STOPPED, CANCELLED -> 5;
            default -> 0;
        };
    }

    /** Prints the status and returns the command's exit code, with one line on stderr if not 0. */
    static int print(StudyStatus s, picocli.CommandLine cli) {
        cli.getOut().println(Json.write(status(s)));
        int code = exitCode(s);
        if (code != 0) {
            cli.getErr()
                    .println(
                            "clinval: the study is in state '"
                                    + s.state().key()
                                    + "'"
                                    + (s.incidents().isEmpty()
                                            ? s.stopReason().map(r -> ": " + r).orElse("")
                                            : ": " + s.incidents().get(0))
                                    + ". Next: "
                                    + next(s));
        }
        return code;
    }
}

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
        return o;
    }
}

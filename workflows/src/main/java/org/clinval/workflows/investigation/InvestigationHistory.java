package org.clinval.workflows.investigation;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.clinval.common.sitekey.PublicSiteKey;
import org.clinval.workflows.delegate.RequireSignature;
import org.clinval.workflows.signature.Signature;
import org.clinval.workflows.signature.Signer;

/** Reads the investigations back from the engine's history and the folder's signatures. */
final class InvestigationHistory {

    private final ProcessEngine engine;
    private final Path folder;
    private final PublicSiteKey site;

    InvestigationHistory(ProcessEngine engine, Path folder, PublicSiteKey site) {
        this.engine = engine;
        this.folder = folder;
        this.site = site;
    }

    /** Returns the process instances of every investigation, by investigation id. */
    List<HistoricProcessInstance> instances() {
        return engine.getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey(PostMarketInvestigation.PROCESS)
                .orderByProcessInstanceBusinessKey()
                .asc()
                .list();
    }

    /** Returns the variables of {@code processInstanceId} as they are now. */
    Map<String, Object> variables(String processInstanceId) {
        Map<String, Object> out = new HashMap<>();
        for (HistoricVariableInstance v :
                engine.getHistoryService()
                        .createHistoricVariableInstanceQuery()
                        .processInstanceId(processInstanceId)
                        .list()) {
            out.put(v.getName(), v.getValue());
        }
        return out;
    }

    /** Returns the alarms of an investigation, as recorded, in order. */
    static List<JsonNode> alarms(Map<String, Object> vars) {
        List<JsonNode> out = new ArrayList<>();
        Canonical.parse(vars.get(PostMarketInvestigation.VAR_ALARMS)).forEach(out::add);
        return out;
    }

    List<Investigation> all() throws IOException {
        List<Signature> signatures =
                Signer.signatures(folder).stream().filter(s -> s.verifies(site)).toList();
        List<Investigation> out = new ArrayList<>();
        for (HistoricProcessInstance p : instances()) {
            out.add(of(p, signatures));
        }
        return out;
    }

    private Investigation of(HistoricProcessInstance p, List<Signature> signatures) {
        Map<String, Object> v = variables(p.getId());
        List<JsonNode> alarms = alarms(v);
        LinkedHashSet<String> requirements = new LinkedHashSet<>();
        LinkedHashSet<String> controls = new LinkedHashSet<>();
        List<String> ids = new ArrayList<>();
        for (JsonNode a : alarms) {
            ids.add(a.path("alarm_id").asText());
            a.path("requirements").forEach(r -> requirements.add(r.asText()));
            a.path("risk_controls").forEach(r -> controls.add(r.asText()));
        }
        Map<String, String> contexts = new HashMap<>();
        for (HistoricTaskInstance t :
                engine.getHistoryService()
                        .createHistoricTaskInstanceQuery()
                        .processInstanceId(p.getId())
                        .list()) {
            contexts.put(
                    RequireSignature.context(t.getTaskDefinitionKey(), t.getId()),
                    t.getTaskDefinitionKey());
        }
        List<Investigation.SignatureSummary> sigs = new ArrayList<>();
        for (Signature s : signatures) {
            String task = contexts.get(s.context());
            if (task != null) {
                sigs.add(
                        new Investigation.SignatureSummary(
                                s.userId(), s.meaning().key(), s.time(), task));
            }
        }
        Map<String, String> decision = values(v, PostMarketInvestigation.DECISION);
        boolean open = p.getEndTime() == null;
        return new Investigation(
                p.getBusinessKey(),
                ids,
                text(v, PostMarketInvestigation.VAR_KIND),
                text(v, PostMarketInvestigation.VAR_STRATUM),
                text(v, PostMarketInvestigation.VAR_METRIC),
                text(v, PostMarketInvestigation.VAR_WINDOW_START),
                text(v, PostMarketInvestigation.VAR_WINDOW_END),
                List.copyOf(requirements),
                List.copyOf(controls),
                open,
                Instant.parse(text(v, PostMarketInvestigation.VAR_OPENED)),
                open
                        ? Optional.empty()
                        : Optional.ofNullable(v.get(PostMarketInvestigation.VAR_CLOSED))
                                .map(x -> Instant.parse(x.toString())),
                values(v, PostMarketInvestigation.TRIAGE),
                values(v, PostMarketInvestigation.ROOT_CAUSE_ANALYSIS),
                Optional.ofNullable(decision.get(PostMarketInvestigation.VAR_DECISION))
                        .map(Decision::parse),
                Optional.ofNullable(decision.get(PostMarketInvestigation.RATIONALE)),
                sigs);
    }

    /** Returns the values task {@code key} recorded, empty until it was completed. */
    static Map<String, String> values(Map<String, Object> vars, String key) {
        if (vars.get(PostMarketInvestigation.signerVariable(key)) == null) {
            return Map.of();
        }
        Map<String, String> out = new TreeMap<>();
        Canonical.parse(vars.get(PostMarketInvestigation.valuesVariable(key)))
                .fields()
                .forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    private static String text(Map<String, Object> vars, String name) {
        Object o = vars.get(name);
        return o == null ? "" : o.toString();
    }
}

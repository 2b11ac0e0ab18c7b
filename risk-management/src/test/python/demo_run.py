#!/usr/bin/python3
"""Writes the synthetic study run used by the risk-management tests.

    /usr/bin/python3 risk-management/src/test/python/demo_run.py

writes risk-management/src/test/resources/org/clinval/risk/run-demo/:

  cucumber.json     a Cucumber JSON report (the json plugin's layout, Cucumber-JVM 7) in which
                    every acceptance scenario of the demo risk file passed; it has backgrounds,
                    before/after hooks, scenario outlines (rows sharing a name), feature tags and
                    a scenario unrelated to the risk file
  metrics.json      two endpoints in the layout of the study workflow's metrics.json
  signatures.jsonl  one signature on that metrics.json (its SHA-256 as written here) and one on
                    an earlier version, which must not back anything

Tests derive failing or missing scenarios from this report in code; nothing here is random.
"""
import hashlib
import json
import os

OUT = os.path.join(os.path.dirname(__file__), "..", "resources", "org", "clinval", "risk", "run-demo")


def step(keyword, name, status="passed", error=None):
    s = {"keyword": keyword, "name": name, "line": 0, "match": {"location": "org.clinval.features.Steps"},
         "result": {"status": status, "duration": 1000000}}
    if error:
        s["result"]["error_message"] = error
    return s


def hook(status="passed"):
    return {"match": {"location": "org.clinval.features.Hooks.before()"},
            "result": {"status": status, "duration": 1000}}


def scenario(name, tags, line, steps=None):
    return {"id": name.lower().replace(" ", "-"), "keyword": "Scenario", "name": name, "line": line,
            "description": "", "type": "scenario", "tags": [{"name": t} for t in tags],
            "before": [hook()],
            "steps": steps or [step("Given ", "the study run of the locked test set"),
                               step("Then ", name[0].lower() + name[1:])],
            "after": [hook()]}


def background(line):
    return {"keyword": "Background", "name": "", "line": line, "description": "", "type": "background",
            "steps": [step("Given ", "a locked study run with its audit trail")]}


def feature(path, name, elements, tags=()):
    return {"uri": "file:" + path, "id": name.lower().replace(" ", "-"), "keyword": "Feature",
            "name": name, "line": 1, "description": "", "tags": [{"name": t, "line": 1} for t in tags],
            "elements": elements}


def report():
    perf = feature("features/performance.feature", "Standalone performance on the locked test set", [
        scenario("Sensitivity at the locked operating point meets the performance goal", ["@REQ-PERF-001"], 5),
        scenario("AUC meets the performance goal", ["@REQ-PERF-002"], 12),
        scenario("Specificity at the locked operating point meets the performance goal", ["@REQ-PERF-003"], 18),
        scenario("The sensitivity interval supports the residual probability of a missed cancer",
                 ["@RCM-001", "@HAZ-001"], 25),
        scenario("The specificity interval supports the residual probability of an unnecessary procedure",
                 ["@RCM-002", "@HAZ-002"], 31),
    ], tags=["@performance"])
    outline = "Sensitivity holds at every site and scanner manufacturer"
    sub = feature("features/subgroups.feature", "Performance by site and manufacturer", [
        scenario(outline, ["@REQ-SUB-001"], 14),
        scenario(outline, ["@REQ-SUB-001"], 15),
        scenario(outline, ["@REQ-SUB-001"], 16),
        scenario("Sites and scanners without informative data are listed as limitations",
                 ["@RCM-003", "@HAZ-003"], 20),
    ])
    mon = feature("features/monitoring.feature", "Post-market drift monitoring", [
        scenario("A drop in sensitivity at one site raises an alarm", ["@REQ-PMS-001"], 4),
        scenario("The drift alarm opens an investigation within five working days",
                 ["@RCM-004", "@HAZ-003"], 11),
    ])
    integ = feature("features/integrity.feature", "Integrity of the study run", [
        background(3),
        scenario("Every case result carries the UIDs of its input series", ["@REQ-TRC-001"], 6),
        background(3),
        scenario("The audit trail of the run verifies from the first entry to the last", ["@REQ-AUD-001"], 10),
        background(3),
        scenario("Every result of the run is joined to ground truth by its UIDs", ["@RCM-005", "@HAZ-004"], 14),
        background(3),
        scenario("A model whose hash differs from the approved descriptor is refused", ["@REQ-MOD-001"], 18),
        background(3),
        scenario("Every result of the run was computed by the approved model", ["@RCM-006", "@HAZ-005"], 22),
        background(3),
        scenario("A changed test case stops the study", ["@REQ-DATA-001"], 26),
        background(3),
        scenario("No test patient appears in the development data", ["@REQ-DATA-002"], 30),
        background(3),
        scenario("The dataset manifest at archive equals the manifest at lock", ["@RCM-012", "@HAZ-010"], 34),
    ])
    phi = feature("features/phi.feature", "Protected health information", [
        scenario("A study whose images hold identifying data stops at the PHI check", ["@REQ-PHI-001"], 4),
        scenario("No output of the run contains protected health information", ["@RCM-007", "@HAZ-006"], 10),
    ])
    quarantine = "A series outside the intended use is quarantined with its reason"
    inp = feature("features/input.feature", "Input validation and image quality", [
        scenario(quarantine, ["@REQ-INP-001"], 12),
        scenario(quarantine, ["@REQ-INP-001"], 13),
        scenario(quarantine, ["@REQ-INP-001"], 14),
        scenario(quarantine, ["@REQ-INP-001"], 15),
        scenario("Every case is accounted for as a result or a quarantined series", ["@RCM-010", "@HAZ-008"], 18),
        scenario("A series with incomplete lung coverage is reported as not analysable", ["@REQ-INP-002"], 24),
        scenario("No degraded series of the run is reported as negative", ["@RCM-011", "@HAZ-009"], 30),
    ])
    lab = feature("features/labelling.feature", "Labelling", [
        scenario("The instructions for use state the intended use, the reading workflow and the limits",
                 ["@REQ-LAB-001"], 4),
        scenario("The instructions for use state how marked nodules are managed", ["@REQ-LAB-002"], 12),
        scenario("Readers understand that a mark is not a diagnosis", ["@RCM-009", "@HAZ-002"], 18),
    ])
    use = feature("features/usability.feature", "Summative usability evaluation", [
        scenario("Radiologists complete the unaided read before reviewing marks",
                 ["@REQ-USE-001", "@RCM-008", "@HAZ-007"], 5),
    ])
    other = feature("features/reports.feature", "Reports", [
        scenario("The validation report is PDF/A-1b", ["@smoke"], 3),
    ])
    return [perf, sub, mon, integ, phi, inp, lab, use, other]


def metrics():
    return {
        "study": "CLV-DEMO-001",
        "verdict": "PASS",
        "provenance": {"device": "clinval demo nodule classifier 1.0.0"},
        "endpoints": [
            {"id": "EP1", "role": "primary", "name": "Sensitivity at the operating point",
             "measure": "sensitivity",
             "criterion": {"text": "estimate >= 0.85 and CI lower >= 0.80", "level": 0.95},
             "estimate": 0.9, "ci": [0.8499, 0.9372], "method": "clopper_pearson",
             "successes": 180, "trials": 200, "verdict": "PASS",
             "requirements": ["REQ-PERF-001"], "risk_controls": ["RCM-001"]},
            {"id": "EP3", "role": "secondary", "name": "Area under the ROC curve", "measure": "auc",
             "criterion": {"text": "CI lower >= 0.90", "level": 0.95},
             "estimate": 0.94, "ci": [0.915, 0.965], "method": "DeLong", "verdict": "PASS",
             "requirements": ["REQ-PERF-002"], "risk_controls": []},
        ],
    }


def main():
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "cucumber.json"), "w", encoding="utf-8") as f:
        json.dump(report(), f, indent=2)
        f.write("\n")
    text = json.dumps(metrics(), indent=2) + "\n"
    with open(os.path.join(OUT, "metrics.json"), "w", encoding="utf-8") as f:
        f.write(text)
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    old = hashlib.sha256(b"an earlier metrics.json").hexdigest()
    sigs = [
        {"user": "qa.lead", "printed_name": "Dana Reviewer", "meaning": "reviewed",
         "time": "2025-06-02T09:00:00Z", "object": "metrics.json", "object_sha256": old,
         "context": "task ReviewResults", "audit_entries": 40, "audit_sha256": "0" * 64},
        {"user": "qa.lead", "printed_name": "Dana Reviewer", "meaning": "approved",
         "time": "2025-06-03T14:30:00Z", "object": "metrics.json", "object_sha256": sha,
         "context": "task QaSignOff", "audit_entries": 57, "audit_sha256": "1" * 64},
    ]
    with open(os.path.join(OUT, "signatures.jsonl"), "w", encoding="utf-8") as f:
        for s in sigs:
            f.write(json.dumps(s) + "\n")


if __name__ == "__main__":
    main()

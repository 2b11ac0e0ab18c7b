# Writes workflows/src/main/resources/org/clinval/workflows/validation-study.bpmn with its diagram
# coordinates, so that the process opens laid out in the Camunda Modeler. Run from the repository root:
#   python3 workflows/tools/generate_validation_study_bpmn.py workflows/src/main/resources/org/clinval/workflows/validation-study.bpmn
nodes = {}  # id -> (kind, x, y, w, h, name, extra_xml)
flows = []  # (id, src, dst, waypoints, condition, name)
def task(i, kind, x, y, name, attrs="", body=""):
    nodes[i] = (kind, x, y, 100, 80, name, attrs, body)
def event(i, kind, x, y, name, attrs="", body=""):
    nodes[i] = (kind, x, y, 36, 36, name, attrs, body)
Y = 160; Y2 = 300
event("StudyRequested", "startEvent", 152, Y + 22, "Study requested")
task("RegisterProtocol", "serviceTask", 230, Y, "Register protocol", 'camunda:delegateExpression="${registerProtocol}"')
sig = '<bpmn:extensionElements><camunda:taskListener delegateExpression="${requireSignature}" event="create" /><camunda:taskListener delegateExpression="${requireSignature}" event="complete" /></bpmn:extensionElements>'
task("ApproveProtocol", "userTask", 380, Y, "Approve protocol", 'camunda:candidateGroups="qa-lead"', sig)
task("LockDataset", "serviceTask", 530, Y, "Lock dataset", 'camunda:delegateExpression="${lockDataset}"')
task("CheckPhi", "serviceTask", 680, Y, "Check PHI",
     'camunda:asyncBefore="true" camunda:delegateExpression="${checkPhi}"',
     '<bpmn:extensionElements><camunda:failedJobRetryTimeCycle>R1/PT1M</camunda:failedJobRetryTimeCycle></bpmn:extensionElements>')
task("RunInference", "serviceTask", 830, Y, "Run inference", 'camunda:asyncBefore="true" camunda:delegateExpression="${runInference}"')
task("Analyse", "serviceTask", 980, Y, "Analyse", 'camunda:delegateExpression="${analyse}"')
task("VerifyAcceptanceCriteria", "serviceTask", 1130, Y, "Verify acceptance criteria", 'camunda:delegateExpression="${verifyAcceptanceCriteria}"')
task("GenerateReports", "serviceTask", 1280, Y, "Generate reports", 'camunda:delegateExpression="${generateReports}"')
nodes["AcceptanceCriteriaMet"] = ("exclusiveGateway", 1435, Y + 15, 50, 50, "Acceptance criteria met?", "", "")
task("QaSignOff", "userTask", 1540, Y, "QA sign-off", 'camunda:candidateGroups="qa-reviewer"', sig)
task("Archive", "serviceTask", 1690, Y, "Archive", 'camunda:delegateExpression="${archive}"')
end = '<bpmn:extensionElements><camunda:executionListener delegateExpression="${recordOutcome}" event="end" /></bpmn:extensionElements>'
event("StudyPassed", "endEvent", 1842, Y + 22, "Study passed", "", end)
task("RecordDeviation", "userTask", 1540, Y2, "Record deviation", 'camunda:candidateGroups="qa-reviewer"', sig)
task("ArchiveFailedStudy", "serviceTask", 1690, Y2, "Archive failed study", 'camunda:delegateExpression="${archive}"')
event("StudyFailed", "endEvent", 1842, Y2 + 22, "Study failed", "", end)
event("StudyStopped", "endEvent", 692, Y2 + 22, "Study stopped", "", end)
boundary = ("DatasetChanged", "LockDataset", 562, Y + 62)

def c(i):
    k, x, y, w, h = nodes[i][:5]
    return x + w // 2, y + h // 2
def right(i):
    k, x, y, w, h = nodes[i][:5]; return x + w, y + h // 2
def left(i):
    k, x, y, w, h = nodes[i][:5]; return x, y + h // 2
def flow(i, s, d, wp=None, cond=None, name=None):
    flows.append((i, s, d, wp or [right(s), left(d)], cond, name))
flow("ToRegisterProtocol", "StudyRequested", "RegisterProtocol")
flow("ToApproveProtocol", "RegisterProtocol", "ApproveProtocol")
flow("ToLockDataset", "ApproveProtocol", "LockDataset")
flow("ToCheckPhi", "LockDataset", "CheckPhi")
flow("ToRunInference", "CheckPhi", "RunInference")
flow("ToAnalyse", "RunInference", "Analyse")
flow("ToVerifyAcceptanceCriteria", "Analyse", "VerifyAcceptanceCriteria")
flow("ToGenerateReports", "VerifyAcceptanceCriteria", "GenerateReports")
flow("ToAcceptanceCriteriaMet", "GenerateReports", "AcceptanceCriteriaMet")
# Met: every primary endpoint passed (Analyse) and every acceptance scenario passed (VerifyAcceptanceCriteria).
flow("CriteriaMet", "AcceptanceCriteriaMet", "QaSignOff", None, "${criteriaMet &amp;&amp; scenariosPassed}", "yes")
gx, gy = c("AcceptanceCriteriaMet")
flow("CriteriaNotMet", "AcceptanceCriteriaMet", "RecordDeviation", [(gx, gy + 25), (gx, Y2 + 40), left("RecordDeviation")], "${!(criteriaMet &amp;&amp; scenariosPassed)}", "no")
flow("ToArchive", "QaSignOff", "Archive")
flow("ToStudyPassed", "Archive", "StudyPassed")
flow("ToArchiveFailedStudy", "RecordDeviation", "ArchiveFailedStudy")
flow("ToStudyFailed", "ArchiveFailedStudy", "StudyFailed")
bx, by = boundary[2] + 18, boundary[3] + 36
flow("DatasetChangedToStudyStopped", "DatasetChanged", "StudyStopped", [(bx, by), (bx, Y2 + 40), left("StudyStopped")])

out = []
w = out.append
w('<?xml version="1.0" encoding="UTF-8"?>')
w('<!-- The validation study. Written by workflows/tools/generate_validation_study_bpmn.py; ids read as words and match')
w('     org.clinval.workflows.ValidationStudy. Delegates are beans of the engine (see StudyDelegates). -->')
w('<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="ValidationStudyDefinitions" targetNamespace="https://clinval.org/bpmn" exporter="clinval" exporterVersion="1">')
w('  <bpmn:error id="DatasetChangedError" name="Dataset changed" errorCode="DATASET_CHANGED" />')
w('  <bpmn:process id="validation-study" name="Validation study" isExecutable="true" camunda:historyTimeToLive="P3650D">')
w('    <bpmn:documentation>Register protocol, approve it (signed), lock the dataset, check PHI, run inference (asynchronous), analyse, verify the acceptance criteria (Gherkin scenarios), report, then QA sign-off (signed) and archive when every primary endpoint and every acceptance scenario passes, or record the deviation (signed) and archive when one fails. A dataset changed after registration stops the study; identifying data without requested de-identification raises an incident at CheckPhi (no automatic retry: R1 means one attempt).</bpmn:documentation>')
incoming = {}; outgoing = {}
for f in flows:
    outgoing.setdefault(f[1], []).append(f[0]); incoming.setdefault(f[2], []).append(f[0])
for i, (k, x, y, ww, h, name, attrs, body) in nodes.items():
    inner = body + "".join(f'<bpmn:incoming>{f}</bpmn:incoming>' for f in incoming.get(i, [])) + "".join(f'<bpmn:outgoing>{f}</bpmn:outgoing>' for f in outgoing.get(i, []))
    w(f'    <bpmn:{k} id="{i}" name="{name}"{(" " + attrs) if attrs else ""}>{inner}</bpmn:{k}>')
b = boundary
w(f'    <bpmn:boundaryEvent id="{b[0]}" name="Dataset changed" attachedToRef="{b[1]}" cancelActivity="true"><bpmn:outgoing>DatasetChangedToStudyStopped</bpmn:outgoing><bpmn:errorEventDefinition errorRef="DatasetChangedError" camunda:errorMessageVariable="stopReason" /></bpmn:boundaryEvent>')
for (i, s, d, wp, cond, name) in flows:
    nm = f' name="{name}"' if name else ""
    if cond:
        w(f'    <bpmn:sequenceFlow id="{i}"{nm} sourceRef="{s}" targetRef="{d}"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">{cond}</bpmn:conditionExpression></bpmn:sequenceFlow>')
    else:
        w(f'    <bpmn:sequenceFlow id="{i}" sourceRef="{s}" targetRef="{d}" />')
w('  </bpmn:process>')
w('  <bpmndi:BPMNDiagram id="ValidationStudyDiagram"><bpmndi:BPMNPlane id="ValidationStudyPlane" bpmnElement="validation-study">')
for i, (k, x, y, ww, h, *_ ) in nodes.items():
    extra = ' isMarkerVisible="true"' if k == "exclusiveGateway" else ""
    w(f'    <bpmndi:BPMNShape id="{i}_di" bpmnElement="{i}"{extra}><dc:Bounds x="{x}" y="{y}" width="{ww}" height="{h}" /></bpmndi:BPMNShape>')
w(f'    <bpmndi:BPMNShape id="{b[0]}_di" bpmnElement="{b[0]}"><dc:Bounds x="{b[2]}" y="{b[3]}" width="36" height="36" /></bpmndi:BPMNShape>')
for (i, s, d, wp, cond, name) in flows:
    pts = "".join(f'<di:waypoint x="{px}" y="{py}" />' for px, py in wp)
    w(f'    <bpmndi:BPMNEdge id="{i}_di" bpmnElement="{i}">{pts}</bpmndi:BPMNEdge>')
w('  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>')
w('</bpmn:definitions>')
import sys
open(sys.argv[1], "w").write("\n".join(out) + "\n")

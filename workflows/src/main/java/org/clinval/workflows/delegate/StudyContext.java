package org.clinval.workflows.delegate;

import java.io.IOException;
import java.nio.file.Path;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.clinval.workflows.ValidationStudy;
import org.clinval.workflows.audit.AuditTrail;
import org.clinval.workflows.ledger.LedgerAction;
import org.clinval.workflows.ledger.LedgerEntry;
import org.clinval.workflows.local.FileDatasetService;
import org.clinval.workflows.protocol.InvalidProtocolException;
import org.clinval.workflows.protocol.ProtocolReader;
import org.clinval.workflows.protocol.StudyProtocol;

/** What every step reads from the process: the run folder, the approved protocol, the trail. */
final class StudyContext {

    private final Path runDir;
    private final Path protocolBase;
    private final StudyRecords records;

    private StudyContext(Path runDir, Path protocolBase, StudyRecords records) {
        this.runDir = runDir;
        this.protocolBase = protocolBase;
        this.records = records;
    }

    static StudyContext of(VariableScope scope, StudyRecords records) {
        return new StudyContext(
                Path.of(text(scope, ValidationStudy.VAR_RUN_DIR)),
                Path.of(text(scope, ValidationStudy.VAR_PROTOCOL_BASE)),
                records);
    }

    static String text(VariableScope scope, String name) {
        Object v = scope.getVariable(name);
        if (!(v instanceof String s) || s.isBlank()) {
            throw new StudyStepException("the study has no '" + name + "' variable: " + v);
        }
        return s;
    }

    Path runDir() {
        return runDir;
    }

    Path file(String name) {
        return runDir.resolve(name);
    }

    AuditTrail audit() {
        return records.trail(runDir);
    }

    /**
     * Records {@code action} on the run's locked dataset in the site's dataset ledger, in the name
     * of the users who approved the protocol (who authorised the look at the test set).
     *
     * @throws StudyStepException if the ledger cannot be written: an access that is not recorded
     *     does not happen
     */
    LedgerEntry recordUse(String step, LedgerAction action, StudyProtocol protocol) {
        try {
            java.util.Set<String> approvers =
                    SignerDuties.approvers(runDir, records.siteKey().publicKey());
            String user = approvers.isEmpty() ? AuditTrail.SYSTEM : String.join(",", approvers);
            return records.datasetLedger().recordStudy(action, protocol, runDir, user);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new StudyStepException(
                    step
                            + ": cannot record the "
                            + action.key()
                            + " in the dataset ledger "
                            + records.ledger()
                            + ": "
                            + e.getMessage(),
                    e);
        }
    }

    StudyRecords records() {
        return records;
    }

    Path protocolBase() {
        return protocolBase;
    }

    /** Reads the approved copy of the protocol in the run folder. */
    StudyProtocol protocol() {
        return read(runDir.resolve(FileDatasetService.PROTOCOL), protocolBase);
    }

    static StudyProtocol read(Path file, Path base) {
        try {
            return ProtocolReader.read(file, base, false);
        } catch (InvalidProtocolException e) {
            throw new StudyStepException(e.getMessage(), e);
        } catch (IOException e) {
            throw new StudyStepException(
                    "cannot read the protocol " + file + ": " + e.getMessage(), e);
        }
    }
}

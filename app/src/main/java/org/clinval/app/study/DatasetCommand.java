package org.clinval.app.study;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.clinval.app.cli.Json;
import org.clinval.app.cli.Subcommands;
import org.clinval.app.cli.UserError;
import org.clinval.common.Sha256;
import org.clinval.common.sitekey.PublicSiteKey;
import org.clinval.workflows.audit.AuditVerification;
import org.clinval.workflows.ledger.DatasetLedger;
import org.clinval.workflows.ledger.LedgerEntry;
import org.clinval.workflows.ledger.LedgerSummary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code clinval dataset}: the site's records of its locked test sets. */
@Subcommands({DatasetCommand.Ledger.class})
@Command(name = "dataset", description = "The site's records of its locked test sets.")
public final class DatasetCommand implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "a subcommand is required, e.g. 'clinval dataset ledger HASH'");
    }

    /** {@code clinval dataset ledger [HASH] [--ledger DIR] [--public-key F]}. */
    @Command(
            name = "ledger",
            description =
                    "Print every recorded use of a locked test set (lock, inference, export,"
                            + " compare: who, study, run, model version, purpose) with a summary"
                            + " {uses, runs, by_action, by_model_version, first, last}, after"
                            + " verifying the ledger's chain and every signature with the site's"
                            + " public key; exit 1 naming the first line that was edited, deleted,"
                            + " inserted or reordered. Without HASH, list the datasets of the"
                            + " ledger.")
    public static final class Ledger implements Callable<Integer> {

        @Parameters(
                paramLabel = "HASH",
                arity = "0..1",
                description =
                        "The dataset's identity (64 hex digits; the LockDataset entry of a run's"
                                + " audit trail names it).")
        String dataset;

        @Option(
                names = "--ledger",
                paramLabel = "DIR",
                description =
                        "The ledger folder (default: $CLINVAL_LEDGER, else"
                                + " $XDG_CONFIG_HOME/clinval/ledger, else ~/.config/clinval/ledger).")
        Path ledger;

        @Option(
                names = "--public-key",
                paramLabel = "F",
                description =
                        "The site's public key (from 'clinval keys export-public'); default: the"
                                + " public key of the keystore.")
        Path publicKey;

        @Mixin StudyOptions options;

        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (dataset != null && !Sha256.isHex(dataset)) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(),
                        "HASH is not 64 lower-case hexadecimal digits: '" + dataset + "'");
            }
            Path dir = ledger != null ? ledger : DatasetLedger.defaultLocation();
            if (!Files.isDirectory(dir)) {
                throw new UserError("no dataset ledger at " + dir + ": give --ledger DIR");
            }
            if (dataset == null) {
                return list(dir);
            }
            Path file = DatasetLedger.file(dir, dataset);
            if (!Files.exists(file)) {
                throw new UserError("no ledger of dataset " + dataset + " in " + dir);
            }
            PublicSiteKey key = options.publicKey(publicKey);
            AuditVerification v = DatasetLedger.verify(dir, dataset, key);
            ObjectNode o = Json.object();
            o.put("dataset", dataset);
            o.put("ledger", file.toString());
            o.put("ok", v.ok());
            o.put("key_id", key.keyId());
            if (v.firstBad().isPresent()) {
                AuditVerification.Finding f = v.firstBad().get();
                ObjectNode b = o.putObject("first_bad");
                b.put("where", where(file, f));
                b.put("problem", f.problem());
                spec.commandLine().getOut().println(Json.write(o));
                spec.commandLine()
                        .getErr()
                        .println(
                                "clinval: the dataset ledger does not verify: "
                                        + where(file, f)
                                        + ": "
                                        + f.problem());
                return 1;
            }
            o.putNull("first_bad");
            List<LedgerEntry> entries = DatasetLedger.entries(dir, dataset);
            ArrayNode a = o.putArray("entries");
            entries.forEach(e -> a.add(entry(e)));
            o.set("summary", summary(LedgerSummary.of(entries)));
            spec.commandLine().getOut().println(Json.write(o));
            return 0;
        }

        /** Names the line of a finding, or the head file when it is what differs. */
        private static String where(Path file, AuditVerification.Finding f) {
            return f.what().startsWith("entry ")
                    ? file + " line " + f.sequence()
                    : file.resolveSibling(f.what()).toString();
        }

        private int list(Path dir) throws Exception {
            ObjectNode o = Json.object();
            o.put("ledger", dir.toString());
            ArrayNode a = o.putArray("datasets");
            for (String d : DatasetLedger.datasets(dir)) {
                a.add(d);
            }
            spec.commandLine().getOut().println(Json.write(o));
            return 0;
        }

        private static ObjectNode entry(LedgerEntry e) {
            LedgerEntry.Access x = e.access();
            ObjectNode n = Json.object();
            n.put("line", e.sequence());
            n.put("time", e.time().toString());
            n.put("action", x.action());
            n.put("user", x.user());
            n.put("study_id", x.studyId());
            n.put("run", x.run());
            ObjectNode m = n.putObject("model");
            m.put("name", x.model());
            m.put("version", x.modelVersion());
            m.put("sha256", x.modelSha256());
            n.put("purpose", x.purpose());
            n.put("sha256", e.sha256());
            return n;
        }

        private static ObjectNode summary(LedgerSummary s) {
            ObjectNode n = Json.object();
            n.put("uses", s.uses());
            n.put("runs", s.runs());
            ObjectNode actions = n.putObject("by_action");
            s.byAction().forEach(actions::put);
            ArrayNode models = n.putArray("by_model_version");
            for (LedgerSummary.ModelUse m : s.byModelVersion()) {
                ObjectNode u = models.addObject();
                u.put("model", m.model());
                u.put("version", m.version());
                u.put("sha256", m.sha256());
                u.put("uses", m.uses());
                u.put("first", m.first().toString());
                u.put("last", m.last().toString());
            }
            if (s.first().isPresent()) n.put("first", s.first().get().toString());
            else n.putNull("first");
            if (s.last().isPresent()) n.put("last", s.last().get().toString());
            else n.putNull("last");
            return n;
        }
    }
}

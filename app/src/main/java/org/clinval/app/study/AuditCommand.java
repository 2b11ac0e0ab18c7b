package org.clinval.app.study;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.clinval.app.cli.Json;
import org.clinval.app.cli.UserError;
import org.clinval.workflows.audit.AuditTrail;
import org.clinval.workflows.audit.AuditVerification;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code clinval audit}: the audit trail of a run folder. */
@Command(
        name = "audit",
        description = "Check audit trails.",
        subcommands = {AuditCommand.Verify.class})
public final class AuditCommand implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "a subcommand is required, e.g. 'clinval audit verify DIR'");
    }

    /** {@code clinval audit verify DIR}: exit 1 when the trail was changed. */
    @Command(
            name = "verify",
            description =
                    "Verify the hash chain of DIR/audit-trail.jsonl against its head record and"
                            + " checkpoints; names the first entry edited, deleted, inserted or reordered.")
    public static final class Verify implements Callable<Integer> {

        @Parameters(paramLabel = "DIR", description = "The run folder.")
        Path dir;

        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (!Files.isDirectory(dir)) {
                throw new UserError("not a folder: " + dir);
            }
            if (!Files.exists(dir.resolve(AuditTrail.FILE))) {
                throw new UserError("no audit trail in " + dir + " (" + AuditTrail.FILE + ")");
            }
            AuditVerification v = AuditTrail.verify(dir);
            ObjectNode o = Json.object();
            o.put("ok", v.ok());
            o.put("entries", v.entries());
            if (v.firstBad().isPresent()) {
                ObjectNode b = o.putObject("first_bad");
                b.put("sequence", v.firstBad().get().sequence());
                b.put("problem", v.firstBad().get().problem());
            } else {
                o.putNull("first_bad");
            }
            spec.commandLine().getOut().println(Json.write(o));
            if (!v.ok()) {
                spec.commandLine()
                        .getErr()
                        .println(
                                "clinval: audit trail changed at entry "
                                        + v.firstBad().get().sequence()
                                        + ": "
                                        + v.firstBad().get().problem());
                return 1;
            }
            return 0;
        }
    }
}

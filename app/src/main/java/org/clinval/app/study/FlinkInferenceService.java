package org.clinval.app.study;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clinval.app.cli.Progress;
import org.clinval.imaging.model.ModelDescriptor;
import org.clinval.imaging.model.ModelLoadException;
import org.clinval.streaming.InferenceRun;
import org.clinval.streaming.JobSettings;
import org.clinval.streaming.RunSummary;
import org.clinval.streaming.study.CasePlan;
import org.clinval.streaming.study.StudyInference;
import org.clinval.workflows.delegate.CheckPhi;
import org.clinval.workflows.service.InferenceRequest;
import org.clinval.workflows.service.InferenceResult;
import org.clinval.workflows.service.InferenceService;

/**
 * The study's inference step over streaming-inference's {@link StudyInference}, on an in-process
 * MiniCluster (or a Flink cluster when an address is configured), with progress on stderr.
 */
final class FlinkInferenceService implements InferenceService {

    private final int parallelism;
    private final String cluster;
    private final PrintWriter err;

    FlinkInferenceService(int parallelism, String cluster, PrintWriter err) {
        this.parallelism = parallelism;
        this.cluster = cluster;
        this.err = err;
    }

    @Override
    public InferenceResult run(InferenceRequest r) throws IOException {
        Path runDir = r.caseResults().toAbsolutePath().getParent();
        String modelSha;
        try {
            modelSha =
                    ModelDescriptor.read(r.model())
                            .sha256()
                            .orElseThrow(
                                    () ->
                                            new IOException(
                                                    "device.model: the descriptor has no sha256 of"
                                                            + " its weights"));
        } catch (ModelLoadException e) {
            throw new IOException(e.getMessage(), e);
        }
        StudyInference.Request request = request(r, runDir, modelSha);
        CasePlan plan = StudyInference.plan(request.inputs());
        RunSummary s;
        try (Progress progress = new Progress("inference: cases", plan.cases().size(), err);
                AutoCloseable watch = progress.watch(() -> InferenceRun.progress(runDir))) {
            s = StudyInference.run(request, plan);
            // The job's staging folder is gone now, so the watcher would count 0: stop it first.
            watch.close();
            progress.update(s.results() + s.quarantined());
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("the inference job failed: " + e.getMessage(), e);
        }
        return new InferenceResult(
                r.caseResults(),
                r.quarantine(),
                (int) s.casesIn(),
                (int) s.results(),
                (int) s.quarantined());
    }

    private StudyInference.Request request(InferenceRequest r, Path runDir, String modelSha)
            throws IOException {
        Map<String, String> phi = new HashMap<>();
        r.phiQuarantined().forEach(c -> phi.put(c.caseId(), c.reason()));
        Path deid = runDir.resolve(CheckPhi.DEIDENTIFIED);
        Optional<Path> deidentified =
                r.images().toAbsolutePath().normalize().equals(deid.toAbsolutePath().normalize())
                        ? Optional.of(deid)
                        : Optional.empty();
        JobSettings settings =
                new JobSettings(
                        parallelism,
                        r.threshold(),
                        r.rule(),
                        modelSha,
                        // the test set's identity, the same in every run on it (two model
                        // versions compared under a PCCP must show one test set)
                        org.clinval.workflows.ledger.DatasetIdentity.of(r.protocol(), runDir),
                        Duration.ofSeconds(2));
        return new StudyInference.Request(
                StudyInputAdapter.inputs(r.protocol()),
                deidentified,
                phi,
                runDir,
                r.caseResults(),
                r.quarantine(),
                settings,
                cluster,
                cluster == null ? List.of() : jobJars(),
                StudyInputAdapter.explanations(r.protocol()));
    }

    /**
     * The jars shipped with the job: none. A cluster that runs clinval's jobs has clinval's jars on
     * its own class path ({@code clinval cluster start} does that; on another cluster they go into
     * Flink's {@code lib/}), because DJL must load libtorch once per process, from the parent class
     * loader. Shipping them would also copy about 330 MB to the cluster for every study.
     */
    static List<String> jobJars() {
        return List.of();
    }
}

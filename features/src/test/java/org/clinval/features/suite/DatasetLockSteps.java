package org.clinval.features.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clinval.common.Sha256;
import org.clinval.imaging.dataset.CheckOptions;
import org.clinval.streaming.study.CasePlan;
import org.clinval.streaming.study.StudyInputs;
import org.clinval.workflows.files.ChecksumManifest;
import org.clinval.workflows.local.FileDatasetService;
import org.clinval.workflows.protocol.ProtocolReader;
import org.clinval.workflows.protocol.StudyProtocol;
import org.clinval.workflows.service.DatasetException;
import org.clinval.workflows.service.DatasetManifest;
import org.clinval.workflows.service.InputCheckService;

/** SRS-001 over the workflow's dataset service: register, change, lock. */
public final class DatasetLockSteps {

    private final SuiteWorld world;
    private Path data;
    private Path run;
    private StudyProtocol protocol;
    private Throwable refusal;
    private DatasetManifest lock;

    public DatasetLockSteps(SuiteWorld world) {
        this.world = world;
    }

    @Given("a study whose {int} images, ground truth and model are registered")
    public void registered(int images) throws Exception {
        data = Files.createDirectories(world.dir().resolve("study/data/dicom"));
        StringBuilder truth = new StringBuilder("case_id,site,manufacturer,sex,age_band,label\n");
        for (int i = 1; i <= images; i++) {
            Files.writeString(data.resolve(String.format("case-%03d.dcm", i)), "image " + i + "\n");
            truth.append(String.format("case-%03d,A,GE,F,40-59,%d%n", i, i % 2));
        }
        Path study = world.dir().resolve("study");
        Files.writeString(study.resolve("data/ground-truth.csv"), truth, StandardCharsets.UTF_8);
        Path model = Files.writeString(study.resolve("model.json"), "{\"name\": \"m\"}\n");
        Path file = study.resolve("protocol.yaml");
        Files.writeString(
                file,
                """
                id: SRS-LOCK
                title: Lock test
                intended_use: Testing the lock
                device: {name: m, version: "1", model: model.json, sha256: %s}
                dataset: {dicom: data/dicom, ground_truth: data/ground-truth.csv, deidentify: false}
                operating_point: {threshold: 0.5, rule: ">=", positive_class: "1", direction: higher}
                endpoints:
                  - id: EP1
                    role: primary
                    name: Sensitivity
                    criterion: {measure: sensitivity, estimate_min: 0.5, ci_method: wilson, level: 0.95}
                    verifies: {requirements: [REQ-1]}
                subgroups: {attributes: [site], min_n_per_class: 1}
                statistics: {ci_method: wilson, level: 0.95, bootstrap: {replicates: 100, seed: 1}}
                """
                        .formatted(Sha256.of(model)),
                StandardCharsets.UTF_8);
        protocol = ProtocolReader.read(file);
        run = world.dir().resolve("run");
        Files.createDirectories(run);
        // The images by their inventory, as the study's registration writes it.
        CasePlan plan =
                StudyInputs.plan(
                        data,
                        study.resolve("data/ground-truth.csv"),
                        "1",
                        CheckOptions.of(List.of("CT")),
                        n -> {});
        StudyInputs.writeInventory(plan, run.resolve(InputCheckService.INVENTORY));
        StudyInputs.writeKey(plan, InputCheckService.caseKey(run));
        new FileDatasetService().register(protocol, run);
    }

    @Given("the image {string} is edited")
    public void edited(String name) throws Exception {
        Files.writeString(data.resolve(name), "edited\n", java.nio.file.StandardOpenOption.APPEND);
    }

    @Given("the image {string} is removed")
    public void removed(String name) throws Exception {
        Files.delete(data.resolve(name));
    }

    @Given("an image {string} is added")
    public void added(String name) throws Exception {
        Files.writeString(data.resolve(name), "added\n");
    }

    @Given("the ground truth is edited")
    public void truthEdited() throws Exception {
        Path f = data.getParent().resolve("ground-truth.csv");
        Files.writeString(f, Files.readString(f).replace(",1\n", ",0\n"));
    }

    @When("the dataset is locked")
    public void lock() {
        refusal = catchThrowable(() -> lock = new FileDatasetService().lock(protocol, run));
    }

    @Then("the lock manifest lists all {int} inputs with their SHA-256")
    public void lockedAll(int n) throws Exception {
        assertThat(refusal).isNull();
        ChecksumManifest m = ChecksumManifest.read(lock.file());
        assertThat(m.entries()).hasSize(n);
        for (var e : m.entries().entrySet()) {
            assertThat(Sha256.of(Path.of(e.getKey()))).as(e.getKey()).isEqualTo(e.getValue());
        }
    }

    @Then("no image is named in it")
    public void noImageNamed() throws Exception {
        assertThat(Files.readString(lock.file())).doesNotContain("case-");
    }

    @Then("the lock is refused naming {string}")
    public void refused(String difference) {
        assertThat(refusal)
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("the inputs changed since registration (1 change)")
                .hasMessageContaining(difference);
    }

    @Then("no lock manifest is written")
    public void noLock() {
        assertThat(run.resolve(FileDatasetService.MANIFEST)).doesNotExist();
    }
}

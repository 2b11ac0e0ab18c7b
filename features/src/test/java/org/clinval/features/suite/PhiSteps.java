package org.clinval.features.suite;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.clinval.imaging.deid.DeidOption;
import org.clinval.imaging.deid.Deidentifier;
import org.clinval.imaging.deid.PhiFinding;
import org.clinval.imaging.deid.PhiScan;
import org.clinval.imaging.deid.PhiScanner;
import org.clinval.imaging.deid.Pseudonym;

/** SRS-003 over the imaging module's PHI scanner and de-identifier, on phantom studies. */
public final class PhiSteps {

    private final PhantomWorld world;
    private final List<PhiScan> scans = new ArrayList<>();

    public PhiSteps(PhantomWorld world) {
        this.world = world;
    }

    @Given("a phantom CT study of {int} cases whose images carry identifying data")
    public void phantom(int n) throws Exception {
        world.write(n);
        assertThat(world.study.canaries()).isNotEmpty();
    }

    @When("every image is scanned for PHI")
    public void scan() throws Exception {
        scans.clear();
        for (Path f : PhantomWorld.files(world.images)) {
            scans.add(PhiScanner.scan(f));
        }
    }

    @Then("every image has identifying attributes, among them {word} and {word}")
    public void everyImageHasPhi(String a, String b) {
        assertThat(scans).isNotEmpty();
        for (PhiScan s : scans) {
            assertThat(s.hasPhi()).as(s.file().toString()).isTrue();
            assertThat(s.phi().stream().map(PhiFinding::keyword)).contains(a, b);
        }
    }

    @When("the images are de-identified with the case ids as pseudonyms")
    public void deidentify() throws Exception {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Deidentifier d =
                Deidentifier.builder()
                        .setUidKey(key)
                        .optOption(DeidOption.RETAIN_PATIENT_CHARACTERISTICS)
                        .optOption(DeidOption.RETAIN_DEVICE_IDENTITY)
                        .build();
        Path out = world.suite.dir().resolve("deidentified");
        for (Path f : PhantomWorld.files(world.images)) {
            Path relative = world.images.relativize(f);
            Path target = out.resolve(relative.toString());
            Files.createDirectories(target.getParent());
            d.deidentify(f, target, Pseudonym.of(relative.getName(0).toString()));
        }
        world.images = out;
    }

    @Then("the PHI scan finds no identifying attribute in any copy")
    public void copiesAreClean() throws Exception {
        List<Path> files = PhantomWorld.files(world.images);
        assertThat(files).hasSize(world.study.cases() * filesPerCase());
        for (Path f : files) {
            assertThat(PhiScanner.scan(f).phi()).as(f.toString()).isEmpty();
        }
    }

    @Then("no identifying value of the inputs appears in any byte of the copies")
    public void noCanaryInCopies() throws Exception {
        for (Path f : PhantomWorld.files(world.images)) {
            assertThat(world.canariesIn(f)).as(f.toString()).isEmpty();
        }
    }

    @Then("the originals do carry those values")
    public void originalsCarryThem() throws Exception {
        List<String> found = new ArrayList<>();
        for (Path f : PhantomWorld.files(world.study.dicom())) {
            found.addAll(world.canariesIn(f));
        }
        assertThat(found).isNotEmpty();
    }

    private int filesPerCase() throws Exception {
        return PhantomWorld.files(world.study.dicom()).size() / world.study.cases();
    }
}

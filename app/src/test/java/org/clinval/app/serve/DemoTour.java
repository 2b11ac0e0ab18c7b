package org.clinval.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The pages of a demo's folder, looked at the way a QA lead and a surveillance analyst use them, in
 * a real headless Chromium: log in, the studies list, a run, the surveillance dashboard of site B,
 * log out; and the refusals: a wrong password, a user outside the study groups, a change without
 * the CSRF token. Saves a screenshot of each page under {@code shots}.
 */
public final class DemoTour {

    private DemoTour() {}

    /**
     * Tours the server started on {@code home} with the demo's registry and key.
     *
     * @return the screenshots written
     */
    public static List<Path> tour(
            Path home,
            Path users,
            Path keystore,
            String lead,
            String analyst,
            String password,
            String keyPassphrase,
            Path shots)
            throws Exception {
        List<Path> written = new ArrayList<>();
        java.util.Optional<org.clinval.common.sitekey.SiteKey> signing =
                java.util.Optional.of(
                        org.clinval.common.sitekey.SiteKeyStore.open(
                                keystore, keyPassphrase.toCharArray()));
        try (WebServer server =
                        WebServer.start(
                                new WebServer.Settings(
                                        home,
                                        users,
                                        signing.get().publicKey(),
                                        signing,
                                        "127.0.0.1",
                                        0,
                                        Duration.ofMinutes(15),
                                        Duration.ofMinutes(15),
                                        () ->
                                                org.clinval.app.study.Studies.services(
                                                        new java.io.PrintWriter(System.err, true),
                                                        java.time.Clock.systemUTC()),
                                        Optional.empty()));
                BrowserTour b = new BrowserTour("http://127.0.0.1:" + server.port(), shots)) {
            // A wrong password is refused with a message, and the pages stay closed.
            b.login(lead, password + "-wrong");
            assertThat(b.loginError()).isEqualTo("wrong user or password");
            written.add(b.screenshot("01-login-refused"));

            // The QA lead: studies, then the run.
            b.login(lead, password);
            b.waitFor(By.cssSelector("a[data-run]"));
            assertThat(b.text()).contains("CLV-DEMO-001", "PASS");
            written.add(b.screenshot("02-studies"));
            b.click(By.cssSelector("a[data-run]"));
            b.waitFor(By.cssSelector("#roc canvas"));
            String run = b.text();
            assertThat(run)
                    .contains("verified", "Endpoints against the acceptance criteria", "Signatures")
                    .contains("Sensitivity at the operating point")
                    .doesNotContain("undefined", "/tmp", "NaN");
            written.add(b.screenshot("03-run"));

            // The surveillance dashboard, site B: metrics with bands, CUSUM charts, alarms.
            b.open("#/pms");
            b.waitFor(By.cssSelector("a[data-pms]"));
            written.add(b.screenshot("04-surveillance-list"));
            b.click(By.cssSelector("a[data-pms]"));
            b.waitFor(By.cssSelector("button[data-stratum='site=B']"));
            b.click(By.cssSelector("button[data-stratum='site=B']"));
            b.wait.until(
                    ExpectedConditions.attributeContains(
                            By.cssSelector("button[data-stratum='site=B']"), "class", "on"));
            b.waitFor(By.cssSelector("#cusum-specificity canvas"));
            String dash = b.text();
            assertThat(dash)
                    .contains(
                            "CUSUM of daily specificity",
                            "site=B",
                            "INV-",
                            "Drift in the latest window")
                    .doesNotContain("NaN", "/tmp");
            List<WebElement> canvases = b.driver.findElements(By.cssSelector("#view canvas"));
            assertThat(canvases.size()).isGreaterThanOrEqualTo(3);
            written.add(b.screenshot("05-dashboard-site-B"));

            // A change without the CSRF token is refused, with the session cookie sent.
            Object refused =
                    b.script(
                            "const done = arguments[arguments.length - 1];"
                                    + " fetch('/api/logout', {method: 'POST', credentials:"
                                    + " 'same-origin'}).then(r => r.json().then(j => done(r.status"
                                    + " + ' ' + j.error)));");
            assertThat(refused).isEqualTo("403 missing or wrong CSRF token (X-CSRF-Token)");

            // Log out, then the analyst: surveillance yes, studies no.
            b.click(By.id("logout"));
            b.waitFor(By.id("login-error"));
            b.login(analyst, password);
            b.waitFor(By.cssSelector("a[data-pms]"));
            assertThat(b.driver.findElement(By.id("nav-studies")).isDisplayed()).isFalse();
            Object forbidden =
                    b.script(
                            "const done = arguments[arguments.length - 1];"
                                    + " fetch('/api/studies').then(r => r.json().then(j =>"
                                    + " done(r.status + ' ' + j.error)));");
            assertThat(forbidden.toString()).startsWith("403 " + analyst + " is not in a group");
            written.add(b.screenshot("06-analyst"));

            // The analyst signs a task: the dialog shows the record and its SHA-256, refuses a
            // wrong password, and signs with the right one.
            b.click(By.cssSelector("a[data-pms]"));
            try {
                b.waitFor(By.cssSelector("form[data-task]"));
            } catch (RuntimeException e) {
                b.screenshot("07-no-task-form");
                throw new AssertionError("no task to sign: " + b.text(), e);
            }
            b.click(By.cssSelector("details[data-task-box] summary"));
            WebElement form = b.driver.findElement(By.cssSelector("form[data-task]"));
            for (WebElement sel : form.findElements(By.tagName("select"))) {
                new org.openqa.selenium.support.ui.Select(sel).selectByIndex(1);
            }
            for (WebElement area : form.findElements(By.tagName("textarea"))) {
                area.sendKeys("Reviewed from the dashboard.");
            }
            form.findElement(By.cssSelector("button[data-sign]")).click();
            b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-dialog")));
            String sha = b.driver.findElement(By.id("sign-sha")).getText();
            assertThat(sha).matches("[0-9a-f]{64}");
            assertThat(b.driver.findElement(By.id("sign-file")).getText())
                    .startsWith("investigations/INV-");
            b.driver.findElement(By.id("sign-password")).sendKeys(password + "-wrong");
            b.click(By.id("sign-button"));
            b.wait.until(d -> !d.findElement(By.id("sign-error")).getText().isBlank());
            written.add(b.screenshot("07-signature-refused"));
            b.driver.findElement(By.id("sign-password")).sendKeys(password);
            b.click(By.id("sign-button"));
            b.waitFor(By.id("signed"));
            assertThat(b.driver.findElement(By.id("signed")).getText())
                    .startsWith("Signed INV-")
                    .contains(sha.substring(0, 16));
            written.add(b.screenshot("08-signed"));
        }
        return written;
    }
}

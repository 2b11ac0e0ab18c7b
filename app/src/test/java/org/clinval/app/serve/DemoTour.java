package org.clinval.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
            Path shots)
            throws Exception {
        List<Path> written = new ArrayList<>();
        try (WebServer server =
                        WebServer.start(
                                new WebServer.Settings(
                                        home,
                                        users,
                                        org.clinval.common.sitekey.SiteKeyStore.publicKey(keystore),
                                        "127.0.0.1",
                                        0,
                                        Duration.ofMinutes(15),
                                        Duration.ofMinutes(15)));
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
            b.driver.findElement(By.cssSelector("a[data-run]")).click();
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
            b.driver.findElement(By.cssSelector("a[data-pms]")).click();
            b.waitFor(By.cssSelector("button[data-stratum='site=B']"));
            b.driver.findElement(By.cssSelector("button[data-stratum='site=B']")).click();
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
            b.driver.findElement(By.id("logout")).click();
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
        }
        return written;
    }
}

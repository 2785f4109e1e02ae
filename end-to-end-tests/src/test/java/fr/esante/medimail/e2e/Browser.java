package fr.esante.medimail.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium driven headless by Debian's chromedriver (no tool downloads a browser here), used the way a person
 * uses the pages: fields found by their visible label, buttons and links by their text. Every page visited is
 * screenshot into {@code target/screenshots/}, checked with axe-core (no serious or critical violation), and its
 * compressed weight and time to interactive are measured and printed.
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** HTML + CSS + JS of a page's first load, compressed (fonts apart, counted separately). */
    static final long MAX_PAGE_BYTES = 300 * 1024;
    static final long MAX_INTERACTIVE_MILLIS = 1000;
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    /** What was measured on one page. */
    record PageFigures(String page, long htmlCssJsBytes, long fontBytes, long firstByteMillis, long interactiveMillis) {
        @Override
        public String toString() {
            return String.format("%-30s %6.1f KB html+css+js, %6.1f KB fonts, first byte %4d ms, interactive in %4d ms", page,
                    htmlCssJsBytes / 1024.0, fontBytes / 1024.0, firstByteMillis, interactiveMillis);
        }
    }

    static final List<PageFigures> FIGURES = new ArrayList<>();

    private final List<PageFigures> visited = new ArrayList<>();
    private final ChromeDriver driver;
    private final Path profile;
    private final String baseUrl;
    private final String who;
    private int shots;

    Browser(String baseUrl, String who) {
        this.baseUrl = baseUrl;
        this.who = who;
        try {
            this.profile = Files.createTempDirectory("medimail-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=fr-FR", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(PATIENCE);
        // The browser's own start (renderer process, network stack) is not the pages' speed: a tiny text file first,
        // so that the first page measured still loads every style, script and font from the server.
        driver.get(baseUrl + "/dsfr/VERSION");
    }

    static void assertInstalled() {
        assertThat(Path.of(CHROMIUM)).as("Debian package chromium (.ci/run installs it)").isExecutable();
        assertThat(Path.of(CHROMEDRIVER)).as("Debian package chromium-driver (.ci/run installs it)").isExecutable();
    }

    /** Opens a page of registration-service by its path, or any absolute URL (an e-mailed link). */
    void open(String pathOrUrl) {
        driver.get(pathOrUrl.startsWith("http") ? pathOrUrl : baseUrl + pathOrUrl);
    }

    /** Waits for the page whose main heading is {@code heading}, then checks, measures and screenshots it. */
    void onPage(String heading, String name) {
        awaitHeading(heading);
        // The page's own scripts have run and its data arrived: nothing left in flight.
        waiting().until(d -> Boolean.TRUE.equals(js("return document.readyState === 'complete'"
                + " && performance.getEntriesByType('resource').every(r => r.responseEnd > 0)")));
        measure(name);
        checkAccessibility(name);
        screenshot(name);
    }

    /**
     * Waits as a person looks again: an element replaced meanwhile (a page reloading) is simply looked up again.
     * Chromium reports an element whose page was replaced between finding it and reading it either as stale or, when
     * the navigation lands in between, as an inspector error about a node outside the document: both mean "look again".
     */
    private WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(driver, PATIENCE) {
            @Override
            public <V> V until(Function<? super WebDriver, ? extends V> condition) {
                return super.until(d -> {
                    try {
                        return condition.apply(d);
                    } catch (WebDriverException e) {
                        if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                            return null;
                        }
                        throw e;
                    }
                });
            }
        };
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    void awaitHeading(String heading) {
        waiting().withMessage(() -> "heading \"" + heading + "\" on " + driver.getCurrentUrl()
                        + ", page says: " + text("main"))
                .until(d -> d.findElements(By.tagName("h1")).stream().anyMatch(h -> h.getText().trim().equals(heading)));
    }

    /**
     * Reloads "Ma demande" until its status reads {@code status}, as a person waiting for a decision would; returns the
     * MSSanté address shown, if any.
     */
    String awaitRequestStatus(String status) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
            open("/ma-demande");
            awaitHeading("Ma demande de compte");
            return awaitText("État de ma demande").contains(status);
        });
        return text("#address");
    }

    /** The field whose visible label (hints and the required-field star aside) is exactly {@code label}. */
    WebElement field(String label) {
        WebElement element = waiting().withMessage(() -> "field labelled \"" + label + "\"")
                .until(d -> (WebElement) js("""
                        for (const l of document.querySelectorAll('label')) {
                          const c = l.cloneNode(true);
                          c.querySelectorAll('.fr-hint-text').forEach(h => h.remove());
                          const text = c.textContent.replace(/\\s+/g, ' ').trim().replace(/\\s*\\*$/, '');
                          const target = l.htmlFor && document.getElementById(l.htmlFor);
                          if (text === arguments[0] && target && target.getClientRects().length) { return target; }
                        }
                        return null;""", label));
        assertThat(element.getAttribute("id")).isNotBlank();
        return element;
    }

    void type(String label, String value) {
        WebElement element = field(label);
        waiting().until(d -> element.isEnabled());
        element.clear();
        element.sendKeys(value);
    }

    void choose(String label, String option) {
        WebElement element = field(label);
        waiting().withMessage(() -> "option \"" + option + "\" in \"" + label + "\"")
                .until(d -> element.isEnabled() && new Select(element).getOptions().stream().anyMatch(o -> o.getText().equals(option)));
        new Select(element).selectByVisibleText(option);
    }

    /** Ticks or unticks a checkbox, or picks a radio button, by clicking its label as a person does. */
    void tick(String label, boolean ticked) {
        WebElement box = field(label);
        if (box.isSelected() != ticked) {
            driver.findElement(By.cssSelector("label[for='" + box.getAttribute("id") + "']")).click();
        }
        assertThat(box.isSelected()).as(label).isEqualTo(ticked);
    }

    void press(String buttonText) {
        WebElement button = waiting().withMessage(() -> "button \"" + buttonText + "\"")
                .until(d -> d.findElements(By.xpath("//button[normalize-space()=" + literal(buttonText) + "]")).stream()
                        .filter(b -> b.isDisplayed() && b.isEnabled()).findFirst().orElse(null));
        button.click();
    }

    /** Presses a button that asks first (a staff decision: window.confirm), and answers yes as the person would. */
    void pressAndConfirm(String buttonText) {
        press(buttonText);
        waiting().until(org.openqa.selenium.support.ui.ExpectedConditions.alertIsPresent()).accept();
    }

    void follow(String linkText) {
        WebElement link = waiting().withMessage(() -> "link \"" + linkText + "\"")
                .until(d -> d.findElements(By.xpath("//a[normalize-space()=" + literal(linkText) + "]")).stream()
                        .filter(WebElement::isDisplayed).findFirst().orElse(null));
        link.click();
    }

    /** The error or help messages tied to a field (its aria-describedby), as a screen reader would read them. */
    String messagesOf(String label) {
        WebElement element = field(label);
        StringBuilder text = new StringBuilder();
        for (String id : element.getAttribute("aria-describedby").split("\\s+")) {
            for (WebElement described : driver.findElements(By.id(id))) {
                text.append(described.getText()).append('\n');
            }
        }
        return text.toString();
    }

    String awaitMessageOf(String label, String expected) {
        return waiting().withMessage(() -> "message \"" + expected + "\" for \"" + label + "\"")
                .until(d -> {
                    String messages = messagesOf(label);
                    return messages.contains(expected) ? messages : null;
                });
    }

    String awaitText(String expected) {
        return waiting().withMessage(() -> "text \"" + expected + "\" on " + driver.getCurrentUrl()
                        + ": " + text("main"))
                .until(d -> {
                    String main = text("main");
                    return main.contains(expected) ? main : null;
                });
    }

    String text(String css) {
        List<WebElement> elements = driver.findElements(By.cssSelector(css));
        return elements.isEmpty() ? "" : elements.get(0).getText();
    }

    String value(String label) {
        return field(label).getAttribute("value");
    }

    String path() {
        return (String) js("return window.location.pathname");
    }

    String sessionItem(String key) {
        return (String) js("return sessionStorage.getItem(arguments[0])", key);
    }

    Object js(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    private void measure(String name) {
        @SuppressWarnings("unchecked")
        Map<String, Object> figures = (Map<String, Object>) js("""
                const nav = performance.getEntriesByType('navigation')[0];
                let assets = nav.encodedBodySize, fonts = 0;
                for (const r of performance.getEntriesByType('resource')) {
                  if (r.initiatorType === 'fetch' || r.initiatorType === 'xmlhttprequest') { continue; }
                  if (/\\.woff2?$/.test(r.name)) { fonts += r.encodedBodySize; } else { assets += r.encodedBodySize; }
                }
                return {assets: assets, fonts: fonts, firstByte: Math.round(nav.responseStart - nav.startTime),
                        interactive: Math.round(nav.domContentLoadedEventEnd - nav.startTime)};""");
        PageFigures page = new PageFigures(name, ((Number) figures.get("assets")).longValue(),
                ((Number) figures.get("fonts")).longValue(), ((Number) figures.get("firstByte")).longValue(),
                ((Number) figures.get("interactive")).longValue());
        FIGURES.add(page);
        System.out.println("[page] " + page);
        assertThat(page.htmlCssJsBytes()).as(name + ": compressed HTML + CSS + JS").isPositive().isLessThanOrEqualTo(MAX_PAGE_BYTES);
        visited.add(page);
    }

    /**
     * Time to interactive of the pages this browser visited: their median under one second. A median rather than each
     * page, because a test machine shared by parallel builds has pauses that are not the pages' doing; every page's
     * figure is printed.
     */
    void assertInteractiveInUnderASecond() {
        assertThat(visited).isNotEmpty();
        long[] times = visited.stream().mapToLong(PageFigures::interactiveMillis).sorted().toArray();
        long median = times[times.length / 2];
        System.out.println("[pages] " + who + ": median time to interactive " + median + " ms over " + times.length + " pages");
        assertThat(median).as("median time to interactive (ms) of " + visited).isLessThan(MAX_INTERACTIVE_MILLIS);
    }

    private void checkAccessibility(String name) {
        if (!Boolean.TRUE.equals(js("return typeof window.axe !== 'undefined'"))) {
            js(AXE_SOURCE);
        }
        String violations = (String) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']}).then(result => done(JSON.stringify(
                  result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' '))})))));""");
        assertThat(violations).as(name + ": serious or critical accessibility violations (axe-core)").isEqualTo("[]");
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(String.format("%s-%02d-%s.png", who, ++shots, name));
            Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String literal(String text) {
        return text.contains("'") ? "concat('" + text.replace("'", "',\"'\",'") + "')" : "'" + text + "'";
    }

    private static final String AXE_SOURCE = readAxe();

    private static String readAxe() {
        try (InputStream in = Browser.class.getResourceAsStream("/axe/axe.min.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary profile is harmless
        }
    }
}

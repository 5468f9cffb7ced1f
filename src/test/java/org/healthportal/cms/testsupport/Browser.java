package org.healthportal.cms.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A browser for the journeys: Debian's headless Chromium when it is installed, HtmlUnit otherwise, so the tests
 * run on a machine with only JDK and Maven. {@code CMS_BROWSER=chromium} (set by CI) makes Chromium required.
 * Waits are on the page's state (the PrimeFaces ajax queue, an element), never on the clock.
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final WebDriver driver;
    private final boolean chromium;
    private final String base;

    private Browser(WebDriver driver, boolean chromium, java.net.URI server) {
        this.driver = driver;
        this.chromium = chromium;
        String url = server.toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        driver.manage().timeouts().scriptTimeout(TIMEOUT);
    }

    public static Browser open() {
        return open(CmsServer.get());
    }

    /** A browser on another server than the shared one. */
    public static Browser open(CmsServer server) {
        // CMS_BROWSER=htmlunit runs the fallback even where Chromium is installed, to check what a machine with
        // only JDK and Maven runs.
        boolean available = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)
                && !"htmlunit".equals(System.getenv("CMS_BROWSER"));
        if ("chromium".equals(System.getenv("CMS_BROWSER")) && !available) {
            throw new IllegalStateException("CMS_BROWSER=chromium but /usr/bin/chromium or /usr/bin/chromedriver is missing");
        }
        if (available) {
            try {
                ChromeOptions options = new ChromeOptions();
                options.setBinary(CHROMIUM.toFile());
                options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                        "--no-first-run", "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--disable-dev-shm-usage", "--lang=zh-CN", "--window-size=1366,900",
                        "--user-data-dir=" + Files.createTempDirectory("cms-chromium"));
                ChromeDriverService service = new ChromeDriverService.Builder()
                        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
                return new Browser(new ChromeDriver(service, options), true, server.base());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return new Browser(new HtmlUnitBrowser(), false, server.base());
    }

    public boolean isChromium() {
        return chromium;
    }

    public WebDriver driver() {
        return driver;
    }

    public void go(String path) {
        driver.get(base + path);
        waitForPage();
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    public WebElement find(By by) {
        return new WebDriverWait(driver, TIMEOUT).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    public List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    public boolean exists(By by) {
        return !driver.findElements(by).isEmpty();
    }

    public String text(By by) {
        return find(by).getText();
    }

    public void type(By by, String value) {
        WebElement field = find(by);
        field.clear();
        field.sendKeys(value);
    }

    /** Clicks something once it can be clicked (shown, not moving under an overlay's opening). */
    public void click(By by) {
        new WebDriverWait(driver, TIMEOUT).until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    /**
     * Chooses an option of a PrimeFaces select menu by opening it and clicking the option, as a person does, until
     * the menu holds it: a click that lands while the panel is still opening is tried again. The option's label is
     * the text, or ends with " › " and the text (a category's path). Waits for any ajax the choice sends.
     */
    public void pick(String menuId, String text) {
        String escaped = "'" + text + "'";
        By option = By.xpath("//*[@id='" + menuId + "_panel']//*[(self::tr or self::li) and (@data-label = " + escaped
                + " or substring(@data-label, string-length(@data-label) - string-length(" + escaped + ") - 2) = concat(' › ', "
                + escaped + "))]");
        new WebDriverWait(driver, TIMEOUT).ignoring(WebDriverException.class).until(d -> {
            if (!chosen(menuId, text)) {
                if (d.findElement(By.id(menuId + "_panel")).isDisplayed()) {
                    d.findElement(option).click();
                } else {
                    d.findElement(By.cssSelector("[id='" + menuId + "'] .ui-selectonemenu-trigger")).click();
                }
            }
            return chosen(menuId, text);
        });
        waitForAjax();
    }

    private boolean chosen(String menuId, String text) {
        String label = String.valueOf(script("var s = document.getElementById(arguments[0]);"
                + "return s.selectedIndex < 0 ? '' : s.options[s.selectedIndex].text;", menuId + "_input"));
        return label.equals(text) || label.endsWith(" › " + text);
    }

    /** Clicks something that sends an ajax request, and waits until the response is applied. */
    public void clickAjax(By by) {
        new WebDriverWait(driver, TIMEOUT).until(ExpectedConditions.elementToBeClickable(by)).click();
        waitForAjax();
    }

    /** Clicks something that loads a new page, and waits for the new page. */
    public void clickAndWaitForPage(By by) {
        WebElement element = find(by);
        WebElement html = driver.findElement(By.tagName("html"));
        element.click();
        new WebDriverWait(driver, TIMEOUT).until(d -> isGone(html));
        waitForPage();
    }

    /**
     * True once the element's document was replaced. Chromium sometimes answers a query about a node of the old
     * document with "does not belong to the document" instead of a stale reference: the same fact.
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    public void waitForPage() {
        new WebDriverWait(driver, TIMEOUT).until(d -> "complete".equals(script("return document.readyState")));
        // jQuery runs ready handlers (where PrimeFaces starts its widgets and shows messages) one task each, in the
        // order they were added, and HtmlUnit may report the document complete before they ran: a handler added
        // now runs after all of them.
        ((JavascriptExecutor) driver).executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "if (window.jQuery) { jQuery(function () { setTimeout(done, 0); }); } else { done(); }");
        waitForAjax();
    }

    /** Waits for PrimeFaces' ajax queue and jQuery to be idle (the OmniFaces tests' guard, in Selenium terms). */
    public void waitForAjax() {
        new WebDriverWait(driver, TIMEOUT).until(d -> Boolean.TRUE.equals(script(
                "return !window.PrimeFaces || !PrimeFaces.ajax || (PrimeFaces.ajax.Queue.isEmpty()"
                        + " && (!window.jQuery || jQuery.active === 0));")));
    }

    /**
     * Waits until no CSS transition or finite animation runs: a button PrimeFaces disabled during an ajax request
     * fades back in after it, and a page checked meanwhile shows colours that are on their way.
     */
    public void waitForTransitions() {
        new WebDriverWait(driver, TIMEOUT).until(d -> Boolean.TRUE.equals(script(
                "return !document.getAnimations || document.getAnimations().every(a => a.playState !== 'running'"
                        + " || !a.effect || a.effect.getTiming().iterations === Infinity);")));
    }

    public void waitUntil(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, TIMEOUT).until(condition::apply);
    }

    public void resize(int width, int height) {
        if (chromium) {
            driver.manage().window().setSize(new Dimension(width, height));
        }
    }

    /** Saves a screenshot under target/screenshots (Chromium only: HtmlUnit draws nothing). */
    public void screenshot(String name) {
        if (!(driver instanceof TakesScreenshot camera) || !chromium) {
            return;
        }
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), camera.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public void clearCookies() {
        driver.manage().deleteAllCookies();
    }

    @Override
    public void close() {
        driver.quit();
    }
}

package org.cartpath.testing;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Route;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium driven by Playwright, one browser per test JVM (never a downloaded browser). Each test
 * gets a fresh context (its own cookies) from {@link #newPage()}, which also collects console errors so
 * that a test can assert the page ran without script or content-security-policy errors.
 */
public final class Browser {

    private static Playwright playwright;
    private static com.microsoft.playwright.Browser browser;

    private Browser() {
    }

    private static synchronized com.microsoft.playwright.Browser browser() {
        if (browser == null) {
            playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            String executable = System.getProperty("cartpath.chromium", "/usr/bin/chromium");
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(Path.of(executable))
                    .setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync", "--no-first-run")));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                browser.close();
                playwright.close();
            }, "playwright-stop"));
        }
        return browser;
    }

    /** A page in a new browser context, and the console errors it will collect. */
    public record Tab(Page page, BrowserContext context, List<String> consoleErrors) implements AutoCloseable {
        @Override
        public void close() {
            try {
                context.unrouteAll(); // no font request may be answered while the context closes
            } catch (PlaywrightException alreadyClosing) {
                // nothing left to unroute
            }
            context.close();
        }
    }

    public static synchronized Tab newPage() {
        BrowserContext context = browser().newContext();
        // The NHS.UK stylesheet loads the licensed Frutiger font from assets.nhs.uk, which this closed test
        // network cannot reach: answer those requests with an empty font so the page falls back to Arial
        // without a network error. Every other request must stay on localhost.
        context.route(url -> url.startsWith("https://assets.nhs.uk/fonts/"),
                route -> {
                    try {
                        route.fulfill(new Route.FulfillOptions().setStatus(200).setContentType("font/woff2").setBody(""));
                    } catch (PlaywrightException contextClosed) {
                        // the test finished while the font was still loading
                    }
                });
        Page page = context.newPage();
        page.setDefaultTimeout(15_000);
        List<String> errors = new ArrayList<>();
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                errors.add(message.text());
            }
        });
        page.onPageError(errors::add);
        return new Tab(page, context, errors);
    }
}

package org.healthportal.cms.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.htmlunit.BrowserVersion;
import org.htmlunit.ScriptException;
import org.htmlunit.WebClient;
import org.htmlunit.WebConsole;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.WebResponseData;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.javascript.SilentJavaScriptErrorListener;
import org.htmlunit.util.NameValuePair;
import org.htmlunit.util.WebConnectionWrapper;
import org.openqa.selenium.htmlunit.HtmlUnitDriver;

/**
 * The fallback browser: HtmlUnit, with what its engine lacks for PrimeFaces 15 said here rather than worked around
 * in the journeys. Script errors are printed, so a page that half-initialises shows why.
 */
final class HtmlUnitBrowser extends HtmlUnitDriver {

    /**
     * HtmlUnit has no ResizeObserver; PrimeFaces' dialogs (the confirm dialog among them) watch their size with one
     * and their widget fails to start without it. Observing nothing is what a dialog needs in a window that never
     * resizes.
     */
    private static final String RESIZE_OBSERVER = "if (!window.ResizeObserver) { window.ResizeObserver = function () {};"
            + " window.ResizeObserver.prototype.observe = function () {};"
            + " window.ResizeObserver.prototype.unobserve = function () {};"
            + " window.ResizeObserver.prototype.disconnect = function () {}; }\n";

    HtmlUnitBrowser() {
        super(BrowserVersion.CHROME, true);
    }

    @Override
    protected WebClient modifyWebClient(WebClient client) {
        // Quill 2 (the rich-text editor) uses class syntax, which HtmlUnit's engine cannot parse: the editor stays a
        // plain field, which the page objects fill directly, and the error must not abort the page.
        client.getOptions().setThrowExceptionOnScriptError(false);
        client.setJavaScriptErrorListener(new SilentJavaScriptErrorListener() {
            @Override
            public void scriptException(HtmlPage page, ScriptException e) {
                if (!String.valueOf(e.getMessage()).contains("texteditor.js")) {
                    System.err.println("HtmlUnit script error on " + page.getUrl() + ": " + e.getMessage());
                }
            }
        });
        client.getWebConsole().setLogger(new ConsoleToStderr());
        // PrimeFaces' CSS hacks for old browsers and its script content type are fine; HtmlUnit's remarks are noise.
        client.setCssErrorHandler(new org.htmlunit.SilentCssErrorHandler());
        client.setIncorrectnessListener((message, origin) -> { });
        new WebConnectionWrapper(client) {
            @Override
            public WebResponse getResponse(WebRequest request) throws IOException {
                WebResponse response = super.getResponse(request);
                if (!isPrimeFacesCore(request) || response.getStatusCode() != 200) {
                    return response;
                }
                byte[] body = (RESIZE_OBSERVER + response.getContentAsString(StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8);
                List<NameValuePair> headers = response.getResponseHeaders().stream()
                        .filter(h -> !h.getName().equalsIgnoreCase("Content-Length")
                                && !h.getName().equalsIgnoreCase("Content-Encoding"))
                        .collect(Collectors.toList());
                return new WebResponse(new WebResponseData(body, 200, response.getStatusMessage(), headers),
                        request, response.getLoadTime());
            }
        };
        return client;
    }

    private static boolean isPrimeFacesCore(WebRequest request) {
        return request.getUrl().getPath().endsWith("/core.js.xhtml")
                && String.valueOf(request.getUrl().getQuery()).contains("ln=primefaces");
    }

    /** Warnings and errors from the pages' console, where PrimeFaces reports a widget that failed to start. */
    private static final class ConsoleToStderr implements WebConsole.Logger {
        @Override public boolean isTraceEnabled() { return false; }
        @Override public void trace(Object message) { }
        @Override public boolean isDebugEnabled() { return false; }
        @Override public void debug(Object message) { }
        @Override public boolean isInfoEnabled() { return false; }
        @Override public void info(Object message) { }
        @Override public boolean isWarnEnabled() { return true; }
        @Override public void warn(Object message) { System.err.println("HtmlUnit console warning: " + message); }
        @Override public boolean isErrorEnabled() { return true; }
        @Override public void error(Object message) { System.err.println("HtmlUnit console error: " + message); }
    }
}

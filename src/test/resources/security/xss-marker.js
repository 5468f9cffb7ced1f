/*
 * Installed by XssCorpusBrowserIT into every document (and frame) before any of the page's scripts run: a marker
 * that payloads call when they run (alert, confirm and prompt are replaced by it), and a listener that keeps every
 * Content-Security-Policy violation the page reports.
 */
(function () {
    if (window.__xssInstalled) {
        return;
    }
    window.__xssInstalled = true;
    window.__xssRan = [];
    window.__cspViolations = [];
    window.__jsErrors = [];
    window.addEventListener('error', function (e) {
        window.__jsErrors.push(String(e.message));
    });
    var consoleError = console.error;
    console.error = function () {
        window.__jsErrors.push(Array.prototype.map.call(arguments, String).join(' '));
        return consoleError.apply(console, arguments);
    };
    var mark = function (what) {
        var text = String(what);
        window.__xssRan.push(text);
        if (window.top !== window) {
            try {
                window.top.__xssRan.push('in a frame: ' + text);
            } catch (crossOrigin) {
                window.top.postMessage({__xss: text}, '*');
            }
        }
    };
    window.__xssMark = mark;
    window.alert = mark;
    window.confirm = mark;
    window.prompt = mark;
    window.addEventListener('message', function (event) {
        if (event.data && event.data.__xss) {
            window.__xssRan.push('from a frame: ' + event.data.__xss);
        }
    });
    document.addEventListener('securitypolicyviolation', function (e) {
        window.__cspViolations.push({directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample,
            source: e.sourceFile, line: e.lineNumber, disposition: e.disposition});
    }, true);
})();

/*
 * Run by XssCorpusBrowserIT after each page: did a payload run (the marker), or did one get into the page as markup
 * that could run (its element, an event handler that calls a dialog, a script URL, a frame or object, a style with
 * script, a script element that calls a dialog, JSON-LD that no longer parses), or was JSF EL evaluated?
 * Answers JSON: {ran: [...], found: [...], csp: [...], url, serverError}.
 */
var out = {ran: [], found: [], csp: [], url: location.href, serverError: false};
var LITERALS = /'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g;
var COMMENTS = /\/\*[\s\S]*?\*\/|\/\/[^\n]*/g;
var CALLS = /(^|[^.\w$])(alert|prompt|confirm)\b|__xss|(^|[^.\w$])eval\s*\(/;
var URL_ATTRIBUTES = /^(href|src|action|formaction|data|xlink:href|background|poster|lowsrc|dynsrc|values|to|from|by|codebase)$/;
var SAFE_SCRIPT_URL = /^javascript:(void\(0\);?|;)?$/;

function code(text) {
    return text.replace(LITERALS, '0').replace(COMMENTS, ' ');
}

function describe(el) {
    return el.outerHTML.length > 300 ? el.outerHTML.substring(0, 300) + '…' : el.outerHTML;
}

function scan(doc, where) {
    var elements = doc.querySelectorAll('*');
    for (var i = 0; i < elements.length; i++) {
        var el = elements[i];
        var tag = el.tagName.toLowerCase();
        if (el.id === 'xss-ran' || el.hasAttribute('data-xss') || tag === 'xss') {
            out.found.push(where + 'a payload\'s element: ' + describe(el));
        }
        if (tag === 'object' || tag === 'embed' || tag === 'base'
                || (tag === 'meta' && /refresh/i.test(el.getAttribute('http-equiv') || ''))) {
            out.found.push(where + 'an element no page of the CMS has: ' + describe(el));
        }
        for (var j = 0; j < el.attributes.length; j++) {
            var name = el.attributes[j].name.toLowerCase();
            var value = el.attributes[j].value;
            if (name.indexOf('on') === 0 && CALLS.test(code(value))) {
                out.found.push(where + 'an event handler that calls a dialog: ' + describe(el));
            } else if (name === 'srcdoc') {
                out.found.push(where + 'a frame with its own document: ' + describe(el));
            } else if (URL_ATTRIBUTES.test(name)) {
                var url = value.replace(/[\u0000-\u0020\u007f-\u00a0]+/g, '').toLowerCase();
                if ((/^(javascript|vbscript|livescript):/.test(url) && !SAFE_SCRIPT_URL.test(url))
                        || /^data:(text\/html|text\/javascript|application\/|image\/svg)/.test(url)) {
                    out.found.push(where + 'a script URL in ' + name + ': ' + describe(el));
                }
            } else if (name === 'style' && /expression\s*\(|javascript:|vbscript:|alert|xss/i.test(value)) {
                out.found.push(where + 'a style with script: ' + describe(el));
            }
        }
        if (tag === 'script') {
            var type = (el.getAttribute('type') || '').toLowerCase();
            if (type === 'application/ld+json') {
                try {
                    JSON.parse(el.textContent);
                } catch (broken) {
                    out.found.push(where + 'JSON-LD that no longer parses (' + broken.message + '): ' + describe(el));
                }
            } else if (CALLS.test(code(el.textContent))) {
                out.found.push(where + 'a script element that calls a dialog: ' + describe(el));
            }
        }
        if (tag === 'iframe' || tag === 'frame') {
            try {
                var frame = el.contentDocument;
                if (frame) {
                    scan(frame, where + 'frame ' + (el.getAttribute('src') || '') + ' > ');
                }
            } catch (crossOrigin) {
                // Its own origin: what runs there reports through postMessage.
            }
        }
    }
}

scan(document, '');
out.ran = (window.__xssRan || []).slice();
out.csp = (window.__cspViolations || []).slice();
var html = document.documentElement.outerHTML;
if (html.indexOf('xssEL-EVALUATED') >= 0 || html.indexOf('99980001') >= 0) {
    out.found.push('JSF EL of user text was evaluated (xssEL-EVALUATED or 99980001 in the page)');
}
if (location.href.indexOf('xss-ran') >= 0) {
    out.found.push('a payload navigated the page: ' + location.href);
}
var errorTitle = document.querySelector('.error-page h1');
out.serverError = !!errorTitle && /服务暂时不可用|unavailable/i.test(errorTitle.textContent);
return JSON.stringify(out);

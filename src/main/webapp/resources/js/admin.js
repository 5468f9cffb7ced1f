/* Back-office helpers: inserting media into the rich-text editor, and a warning before unsaved changes are left. */
window.cms = window.cms || {};

/** Inserts an image from the media library at the cursor of the PrimeFaces text editor with the given widgetVar. */
cms.insertImage = function (widgetVar, src, alt) {
    var editor = PF(widgetVar).editor;
    var range = editor.getSelection(true);
    var img = document.createElement('img');
    img.setAttribute('src', src);
    img.setAttribute('alt', alt);
    editor.clipboard.dangerouslyPasteHTML(range ? range.index : editor.getLength(), img.outerHTML, 'user');
};

/**
 * Warns before the article editor is left with changes no save has stored (autosave runs every 15 s, and a new
 * article has none until its first save). The fields as last stored are kept as a snapshot and compared when the
 * page is left. After each request the server says whether what it holds is stored: then the snapshot becomes
 * what that request sent (anything typed while it was on its way still counts), or the fields as re-rendered.
 */
cms.unsaved = (function () {
    var stored = null, sent = null, sentFrom = null, leaving = false;

    function fields() {
        return document.getElementById('editor:fields');
    }

    function state() {
        var f = fields();
        return f ? $(f).find(':input').not(':disabled, :button, [type=file]').serialize() : '';
    }

    function sending() {
        sent = state();
        sentFrom = fields();
    }

    function answered(args) {
        if (args && args.stored) {
            stored = fields() === sentFrom ? sent : state();
        }
        show();
    }

    function isDirty() {
        return !leaving && stored !== null && state() !== stored;
    }

    function show() {
        var note = document.getElementById('unsavedNote');
        if (note) {
            note.hidden = !isDirty();
        }
    }

    $(function () {
        if (!fields()) {
            return;
        }
        // After every other ready handler, the widgets (the rich-text editor among them) included.
        setTimeout(function () { stored = state(); }, 0);
        // Later, so the rich-text editor has copied its text into its field first.
        $(document).on('input change', '[id="editor"]', function () { setTimeout(show, 0); });
        $(document).on('pfAjaxSend', sending);
        $(document).on('pfAjaxComplete', function (event, xhr, settings, args) { answered(args); });
        // A new article moves to its own address once saved: known before the page follows the redirect.
        $(document).on('pfAjaxSuccess', function (event, xhr) {
            if (/<redirect\b/.test(xhr.responseText || '')) {
                leaving = true;
            }
        });
        window.addEventListener('beforeunload', function (event) {
            if (isDirty()) {
                event.preventDefault();
                event.returnValue = '';
            }
        });
    });

    return {sending: sending, answered: answered, isDirty: isDirty};
})();

/**
 * Copies the text of a read-only field (a preview link) with the Clipboard API, and says so in a live region; where
 * the browser refuses, the field's text is selected and the region asks to copy it by hand.
 */
cms.copyLink = function (inputId, statusId) {
    var input = document.getElementById(inputId);
    var status = document.getElementById(statusId);
    function say(attribute) {
        status.textContent = status.getAttribute(attribute);
    }
    function byHand() {
        input.focus();
        input.select();
        try {
            if (document.execCommand && document.execCommand('copy')) {
                say('data-copied');
                return;
            }
        } catch (refused) {
            // Not allowed here: the text stays selected.
        }
        say('data-manual');
    }
    status.textContent = '';
    if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(input.value).then(function () { say('data-copied'); }, byHand);
    } else {
        byHand();
    }
};

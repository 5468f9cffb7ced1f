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

/**
 * What PrimeFaces and the rich-text editor draw without a name or with too much of one, mended as it appears
 * (the first drawing and every ajax update): icon glyphs hidden from screen readers, so a button is named by its
 * text alone; the file field shown to screen readers too; the editor's heading picker and link field named; an alert role moved from a message's list item
 * (not allowed inside a list) to the list's box, which PrimeFaces makes a live region anyway.
 */
cms.a11y = (function () {
    function mend(root) {
        $(root).find('.ui-icon, .pi, .ui-button-icon-left, .ui-button-icon-right').not('[aria-hidden]').attr('aria-hidden', 'true');
        // The image upload's file field is the visible control (no skin), yet PrimeFaces hides it from screen readers.
        $(root).find('input[type=file][aria-hidden]').removeAttr('aria-hidden');
        $(root).find('.ql-picker-label').not('[aria-label]').each(function () {
            var select = $(this).closest('.ql-picker').siblings('select');
            var name = select.attr('aria-label');
            if (name) {
                $(this).attr('aria-label', name);
            }
        });
        $(root).find('.ql-tooltip input[type=text]').not('[aria-label]').each(function () {
            var name = $(this).closest('.ui-texteditor, .ql-container').parent().find('.ql-link').attr('data-field-label');
            if (name) {
                $(this).attr('aria-label', name);
            }
        });
        // A refused field (the server marks it invalid) is described by the messages that say why.
        $(root).find('[aria-invalid=true]').each(function () {
            var described = (this.getAttribute('aria-describedby') || '').split(' ');
            if (document.getElementById('messages') && described.indexOf('messages') < 0) {
                this.setAttribute('aria-describedby', described.concat('messages').join(' ').trim());
            }
        });
        $(root).find('.ui-messages ul > li[role=alert]').each(function () {
            $(this).removeAttr('role aria-atomic').closest('.ui-messages > div').attr('role', 'alert');
        });
    }

    $(function () {
        mend(document.body);
        new MutationObserver(function (changes) {
            var roots = new Set();
            changes.forEach(function (change) {
                if (change.addedNodes.length) {
                    roots.add(change.target);
                }
            });
            roots.forEach(mend);
        }).observe(document.body, {childList: true, subtree: true});
        // After a refused action, the keyboard is put on the first field at fault.
        $(document).on('pfAjaxComplete', function () {
            var invalid = $('[aria-invalid=true]:visible').first();
            if (invalid.length && !$(document.activeElement).is(':input:not(:button)')) {
                invalid.trigger('focus');
            }
        });
    });

    return {mend: mend};
})();

/** Says "working" politely while a request the indicator shows is on its way, and clears it after. */
cms.busy = function (working) {
    var region = document.getElementById('ajaxAnnouncer');
    if (region) {
        region.textContent = working ? region.getAttribute('data-working') : '';
    }
};

/**
 * A dialog opened takes the keyboard: PrimeFaces puts it on the dialog's first text field, and a dialog without
 * one (the preview, the image picker) kept it behind the mask. Then the first focusable thing inside gets it, else
 * the close button. PrimeFaces keeps Tab inside a modal dialog and, on close (Escape too: closeOnEscape on every
 * dialog), gives focus back to what had it when the dialog opened.
 */
(function () {
    if (!window.PrimeFaces || !PrimeFaces.widget || !PrimeFaces.widget.Dialog) {
        return;
    }
    // A button that opens a dialog through ajax is disabled while the request runs, which drops its focus onto
    // the body; PrimeFaces would then give the focus back to the body. Remember the last element that had it.
    var lastFocused = null;
    document.addEventListener('focusin', function (e) {
        if (e.target !== document.body) {
            lastFocused = e.target;
        }
    });
    // An element an ajax update has replaced since is found again by its id.
    function present(element) {
        if (element && element !== document.body && !element.isConnected && element.id) {
            element = document.getElementById(element.id);
        }
        return element && element !== document.body && element.isConnected ? element : null;
    }
    var show = PrimeFaces.widget.Dialog.prototype.show;
    PrimeFaces.widget.Dialog.prototype.show = function () {
        var wasVisible = this.isVisible();
        var opener = present(lastFocused);
        var result = show.apply(this, arguments);
        if (!wasVisible) {
            var before = present(this.focusedElementBeforeDialogOpened);
            if (!before && opener && !$.contains(this.jq[0], opener)) {
                before = opener;
            }
            if (before) {
                this.focusedElementBeforeDialogOpened = before;
            }
            this.openerId = before ? before.id : null;
        }
        return result;
    };
    // PrimeFaces gives the focus back 100 ms after closing, in a queued task; give it at once, and again should
    // anything (a redraw, the modal mask going away) drop it onto the body within the next two seconds: on a busy
    // machine that came later than the 150 ms once waited here. Watching stops once the focus is anywhere else.
    var returnFocus = PrimeFaces.widget.Dialog.prototype.returnFocus;
    PrimeFaces.widget.Dialog.prototype.returnFocus = function () {
        var openerId = this.openerId;
        var opener = present(this.focusedElementBeforeDialogOpened)
            || (openerId ? document.getElementById(openerId) : null);
        if (!opener || $('.ui-dialog:visible').length) {
            return returnFocus.apply(this, arguments);
        }
        opener.focus({preventScroll: true});
        var until = Date.now() + 2000;
        var watch = setInterval(function () {
            var active = document.activeElement;
            var again = present(opener) || (openerId ? document.getElementById(openerId) : null);
            if (!active || active === document.body) {
                if (again) {
                    again.focus({preventScroll: true});
                }
            } else if (active !== again) {
                clearInterval(watch);
                return;
            }
            if (Date.now() > until) {
                clearInterval(watch);
            }
        }, 50);
    };
    var applyFocus = PrimeFaces.widget.Dialog.prototype.applyFocus;
    PrimeFaces.widget.Dialog.prototype.applyFocus = function () {
        applyFocus.apply(this, arguments);
        var dialog = this.jq;
        if (!$.contains(dialog[0], document.activeElement)) {
            var first = this.content.find('a[href], button, input, select, textarea, [tabindex]')
                .not('[tabindex="-1"], :disabled').filter(':visible').first();
            (first.length ? first : dialog.find('.ui-dialog-titlebar-close')).trigger('focus');
        }
    };
})();

/** The import form: while the file goes up (it can take a while), the button says so and cannot be pressed twice. */
(function () {
    document.addEventListener('submit', function (event) {
        var form = event.target;
        if (form.id !== 'importUpload') {
            return;
        }
        var button = document.getElementById('startImport');
        var status = document.getElementById('uploadStatus');
        button.disabled = true;
        button.setAttribute('aria-busy', 'true');
        status.textContent = button.getAttribute('data-working');
    });
})();

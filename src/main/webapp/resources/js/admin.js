/* Back-office helpers: inserting media into the rich-text editor, and marking the editor dirty. */
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

package org.healthportal.cms.content.boundary.web;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import org.healthportal.cms.content.control.HtmlSanitizer;
import org.primefaces.component.texteditor.TextEditor;
import org.primefaces.component.texteditor.TextEditorRenderer;
import org.primefaces.util.ComponentUtils;

/**
 * {@code p:textEditor secure="true"} with the site's own policy. PrimeFaces' renderer sanitizes what is posted and
 * what it writes into the page, which is what we want, but with a fixed policy of its own that removes images
 * from the media library (their {@code src} is a relative {@code /media/…}, and {@code alt} is not allowed), tables,
 * figure captions and rules: opening an article in the editor and saving it would lose them. This renderer keeps
 * both sanitizing steps and applies {@link HtmlSanitizer}, the policy every save and the public pages use.
 * Without {@code secure="true"} it behaves exactly as PrimeFaces'.
 */
public class SanitizingTextEditorRenderer extends TextEditorRenderer {

    @Override
    public void decode(FacesContext context, UIComponent component) {
        TextEditor editor = (TextEditor) component;
        if (!editor.isSecure()) {
            super.decode(context, component);
            return;
        }
        if (!shouldDecode(editor)) {
            return;
        }
        decodeBehaviors(context, editor);
        String posted = context.getExternalContext().getRequestParameterMap().get(editor.getClientId(context) + "_input");
        if (posted == null) {
            // Absent stays absent: the model is not updated.
            editor.setSubmittedValue(null);
            return;
        }
        String clean = HtmlSanitizer.sanitize(posted);
        // As PrimeFaces does: an emptied editor leaves a lone line break, which means empty.
        editor.setSubmittedValue(clean.equals("<br />") ? "" : clean);
    }

    @Override
    protected void encodeMarkup(FacesContext context, TextEditor editor) throws IOException {
        if (!editor.isSecure()) {
            super.encodeMarkup(context, editor);
            return;
        }
        // PrimeFaces writes the value to render raw into the editor; hand it ours, sanitized, for this rendering only.
        Object submitted = editor.getSubmittedValue();
        editor.setSubmittedValue(HtmlSanitizer.sanitize(ComponentUtils.getValueToRender(context, editor)));
        editor.setSecure(false);
        try {
            super.encodeMarkup(context, editor);
        } finally {
            editor.setSecure(true);
            editor.setSubmittedValue(submitted);
        }
    }
}

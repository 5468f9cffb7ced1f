package org.healthportal.cms.platform.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIInput;
import jakarta.faces.component.visit.VisitContext;
import jakarta.faces.component.visit.VisitHint;
import jakarta.faces.component.visit.VisitResult;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.healthportal.cms.platform.CmsException;

/** Success and error messages for the back office, in the user's language. */
public final class Feedback {

    private Feedback() {
    }

    public static void info(String key, Object... args) {
        add(FacesMessage.SEVERITY_INFO, text(key, args));
    }

    public static void warn(String key, Object... args) {
        add(FacesMessage.SEVERITY_WARN, text(key, args));
    }

    /**
     * Runs a back-office action: on success says so with {@code successKey}, on a refusal shows it.
     *
     * @return true when the action succeeded
     */
    public static boolean attempt(Runnable action, String successKey) {
        try {
            action.run();
            info(successKey);
            return true;
        } catch (CmsException refused) {
            error(refused);
            return false;
        }
    }

    /** A refusal: its own translated text where it names one, else a translated summary of its kind. */
    public static void error(CmsException refused) {
        String detail = refused.key() != null ? text(refused.key(), refused.arguments()) : refused.getMessage();
        if (refused.key() == null && !isEnglish()) {
            detail = text("error.status." + refused.status()) + "（" + refused.getMessage() + "）";
        }
        add(FacesMessage.SEVERITY_ERROR, detail);
        if (refused.field() != null) {
            markInvalid(refused.field(), detail);
        }
    }

    /**
     * Marks the view's input of that id invalid (PrimeFaces then draws it so and sets {@code aria-invalid}; the
     * back office's script ties it to the message) and gives it the message too. Decoding the next postback makes
     * it valid again.
     */
    private static void markInvalid(String inputId, String detail) {
        FacesContext faces = FacesContext.getCurrentInstance();
        UIInput[] found = new UIInput[1];
        faces.getViewRoot().visitTree(VisitContext.createVisitContext(faces, null, java.util.Set.of(VisitHint.SKIP_UNRENDERED)),
                (context, target) -> {
                    if (target instanceof UIInput input && inputId.equals(input.getId())) {
                        found[0] = input;
                        return VisitResult.COMPLETE;
                    }
                    return VisitResult.ACCEPT;
                });
        if (found[0] != null) {
            found[0].setValid(false);
            faces.addMessage(found[0].getClientId(faces), new FacesMessage(FacesMessage.SEVERITY_ERROR, detail, null));
        }
    }

    public static String text(String key, Object... args) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "msg");
        try {
            String pattern = bundle.getString(key);
            return args.length == 0 ? pattern : new MessageFormat(pattern, faces.getViewRoot().getLocale()).format(args);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    private static boolean isEnglish() {
        return "en".equals(FacesContext.getCurrentInstance().getViewRoot().getLocale().getLanguage());
    }

    private static void add(FacesMessage.Severity severity, String text) {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage(null, new FacesMessage(severity, text, null));
    }

    /** Keeps this request's messages for the page a redirect is about to show. */
    public static void keepForRedirect() {
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    }
}

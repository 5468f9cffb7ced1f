package org.healthportal.cms.notifications.boundary.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.healthportal.cms.accounts.entity.Account;
import org.healthportal.cms.notifications.control.Inbox;
import org.healthportal.cms.notifications.entity.Delivery;
import org.healthportal.cms.notifications.entity.NotificationKind;
import org.healthportal.cms.platform.web.Feedback;

/** The person's own choices: per kind e-mail at once, daily digest or in-app only, and the language of e-mail. */
@Named
@ViewScoped
public class NotificationSettingsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Inbox inbox;

    private String language;
    private String email;
    private final Map<NotificationKind, Delivery> choices = new EnumMap<>(NotificationKind.class);

    @PostConstruct
    void load() {
        Account me = inbox.me();
        language = me.getLanguage();
        email = me.getEmail();
        choices.putAll(inbox.preferences());
    }

    public void save() {
        Feedback.attempt(() -> inbox.choose(language, choices), "notifications.saved");
    }

    public List<NotificationKind> getKinds() {
        return Arrays.asList(NotificationKind.values());
    }

    public List<Delivery> getDeliveries() {
        return Arrays.asList(Delivery.values());
    }

    public List<String> getLanguages() {
        return Account.LANGUAGES;
    }

    public Map<NotificationKind, Delivery> getChoices() {
        return choices;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public String getEmail() {
        return email;
    }
}

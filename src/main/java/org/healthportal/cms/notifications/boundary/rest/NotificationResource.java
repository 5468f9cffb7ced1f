package org.healthportal.cms.notifications.boundary.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.healthportal.cms.notifications.control.Inbox;
import org.healthportal.cms.notifications.control.NotificationTexts;
import org.healthportal.cms.notifications.entity.Delivery;
import org.healthportal.cms.notifications.entity.Notification;
import org.healthportal.cms.notifications.entity.NotificationKind;
import org.healthportal.cms.platform.CmsException;
import org.healthportal.cms.platform.Page;

/**
 * The caller's own notifications: {@code GET /api/notifications} (newest first, paged, {@code unread=true} for the
 * unread only), {@code POST /api/notifications/{id}/read}, {@code POST /api/notifications/read-all}, and the
 * caller's choices: {@code GET} / {@code PUT /api/notifications/preferences}.
 */
@Path("notifications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NotificationResource {

    @Inject
    Inbox inbox;

    @Inject
    @ConfigProperty(name = "cms.base-url", defaultValue = "http://127.0.0.1:8080/")
    String baseUrl;

    @GET
    public PageJson list(@QueryParam("unread") String unread, @QueryParam("page") String page,
                         @QueryParam("size") String size) {
        boolean unreadOnly = switch (unread == null ? "" : unread.strip()) {
            case "", "false" -> false;
            case "true" -> true;
            default -> throw new CmsException.InvalidInput("unread is true or false, not '" + unread + "'");
        };
        Page<Notification> found = inbox.page(unreadOnly, Page.parameter("page", page, 0),
                Page.parameter("size", size, 20));
        Locale locale = inbox.me().getLocale();
        return new PageJson(found.items().stream().map(n -> json(n, locale)).toList(), found.total(),
                inbox.unreadCount(), found.page(), found.size());
    }

    @POST
    @Path("{id}/read")
    public NotificationJson read(@PathParam("id") Long id) {
        return json(inbox.markRead(id), inbox.me().getLocale());
    }

    @POST
    @Path("read-all")
    public Map<String, Integer> readAll() {
        return Map.of("marked", inbox.markAllRead());
    }

    @GET
    @Path("preferences")
    public PreferencesJson preferences() {
        var me = inbox.me();
        Locale locale = me.getLocale();
        List<KindJson> kinds = inbox.preferences().entrySet().stream()
                .map(e -> new KindJson(e.getKey().wireName(), NotificationTexts.kindName(e.getKey(), locale),
                        e.getValue().wireName()))
                .toList();
        return new PreferencesJson(me.getLanguage(), me.getEmail(), kinds);
    }

    /** {@code {"language": "en", "kinds": {"submitted": "digest", "published": "in-app"}}}; both optional. */
    @PUT
    @Path("preferences")
    public PreferencesJson choose(PreferencesInput input) {
        if (input == null) {
            throw new CmsException.InvalidInput("Send {\"language\": …, \"kinds\": {kind: email | digest | in-app}}");
        }
        Map<NotificationKind, Delivery> choices = new EnumMap<>(NotificationKind.class);
        if (input.kinds() != null) {
            input.kinds().forEach((kind, delivery) -> choices.put(
                    NotificationKind.fromWireName(kind).orElseThrow(() -> new CmsException.InvalidInput(
                            "Unknown notification kind '" + kind + "'")),
                    Delivery.fromWireName(delivery == null ? "" : delivery).orElseThrow(() ->
                            new CmsException.InvalidInput("Delivery for " + kind
                                    + " is email, digest or in-app, not '" + delivery + "'"))));
        }
        inbox.choose(input.language(), choices);
        return preferences();
    }

    private NotificationJson json(Notification n, Locale locale) {
        return new NotificationJson(n.getId(), n.getKind().wireName(), NotificationTexts.sentence(n, locale),
                NotificationTexts.comment(n), n.getSubject(), n.getArticleId(), n.getActor(),
                NotificationTexts.actorName(n, locale), absolute(n.getLink()), n.getCreatedAt(), n.getReadAt() != null,
                n.getDelivery().wireName());
    }

    private String absolute(String path) {
        return (baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl) + path;
    }

    public record PageJson(List<NotificationJson> items, long total, long unread, int page, int size) {
    }

    public record NotificationJson(Long id, String kind, String text, String comment, String subject, Long articleId,
                                   String actor, String actorName, String link, Instant createdAt, boolean read,
                                   String delivery) {
    }

    public record PreferencesJson(String language, String email, List<KindJson> kinds) {
    }

    public record KindJson(String kind, String name, String delivery) {
    }

    public record PreferencesInput(String language, Map<String, String> kinds) {
    }
}

package org.healthportal.cms.site.control;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The schema.org {@code MedicalWebPage} description of an article page, as JSON-LD. Built with a JSON library, so
 * titles with quotes or markup cannot break out; {@code </} is escaped so the text cannot close its script element.
 */
public final class JsonLd {

    /** One factory: {@code Json.createObjectBuilder()} looks the provider up on every call, which showed in profiles. */
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    private JsonLd() {
    }

    public static String medicalWebPage(ArticleView a, String url, String siteName, Instant datePublished,
                                        List<CategoryNode> path, String siteUrl, ZoneId zone) {
        JsonObjectBuilder page = JSON.createObjectBuilder()
                .add("@context", "https://schema.org")
                .add("@type", "MedicalWebPage")
                .add("@id", url)
                .add("url", url)
                .add("name", a.title())
                .add("headline", a.title())
                .add("description", Excerpts.cut(a.summary(), Excerpts.META_LENGTH))
                .add("inLanguage", "zh-CN")
                .add("datePublished", iso(datePublished, zone))
                .add("dateModified", iso(a.publishedAt(), zone))
                .add("publisher", JSON.createObjectBuilder().add("@type", "Organization").add("name", siteName)
                        .add("url", siteUrl));
        if (a.isReviewed()) {
            JsonObjectBuilder reviewer = JSON.createObjectBuilder().add("@type", "Person").add("name", a.reviewerName());
            if (a.reviewerTitle() != null) {
                reviewer.add("jobTitle", a.reviewerTitle());
            }
            if (a.reviewerInstitution() != null) {
                reviewer.add("affiliation", JSON.createObjectBuilder().add("@type", "MedicalOrganization")
                        .add("name", a.reviewerInstitution()));
            }
            page.add("reviewedBy", reviewer);
            // A re-review without changes moves the review date on; the approval is the first one.
            page.add("lastReviewed", LocalDate.ofInstant(a.lastReviewedAt() != null ? a.lastReviewedAt()
                    : a.approvedAt(), zone).toString());
        }
        JsonArrayBuilder crumbs = JSON.createArrayBuilder();
        int position = 1;
        crumbs.add(crumb(position++, "首页", siteUrl));
        for (CategoryNode c : path) {
            crumbs.add(crumb(position++, c.getNameZh(), siteUrl + "categories/" + c.getSlug()));
        }
        if (a.audience() != null) {
            page.add("audience", JSON.createObjectBuilder().add("@type", "PeopleAudience").add("audienceType", a.audience()));
        }
        if (a.references() != null && !a.references().isEmpty()) {
            var citations = JSON.createArrayBuilder();
            for (var r : a.references()) {
                var c = JSON.createObjectBuilder().add("@type", "CreativeWork").add("name", r.getTitle())
                        .add("publisher", r.getPublisher());
                if (r.getYear() != null) {
                    c.add("datePublished", String.valueOf(r.getYear()));
                }
                if (r.url() != null) {
                    c.add("url", r.url());
                }
                citations.add(c);
            }
            page.add("citation", citations);
        }
        page.add("breadcrumb", JSON.createObjectBuilder().add("@type", "BreadcrumbList").add("itemListElement", crumbs));
        return scriptSafe(page.build().toString());
    }

    private static JsonObjectBuilder crumb(int position, String name, String url) {
        return JSON.createObjectBuilder().add("@type", "ListItem").add("position", position).add("name", name)
                .add("item", url);
    }

    static String iso(Instant instant, ZoneId zone) {
        return instant == null ? "" : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone).withNano(0));
    }

    /** JSON inside an HTML script element: nothing may read as a closing tag or comment. */
    static String scriptSafe(String json) {
        return json.replace("</", "<\\/").replace("<!--", "\\u003c!--");
    }
}

package org.healthportal.cms.content.boundary.web;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.healthportal.cms.content.control.ArticleDraft;
import org.healthportal.cms.content.control.Sources;
import org.healthportal.cms.content.entity.Article;
import org.healthportal.cms.content.entity.Revision;

/** What the editor types into the article form, saved or not: loose text until a save turns it into a draft. */
public class ArticleForm implements Serializable {

    private static final long serialVersionUID = 1L;
    private String title;
    private String slug;
    private String summary;
    private String body;
    private Long categoryId;
    private String source;
    private String byline;
    private String audience;
    private List<ReferenceRow> references = new ArrayList<>();

    /** An empty form, with one reference row to fill in. */
    static ArticleForm blank() {
        ArticleForm form = new ArticleForm();
        form.references.add(new ReferenceRow());
        return form;
    }

    /** The stored article's latest text. */
    static ArticleForm of(Article article) {
        Revision latest = article.getLatestRevision();
        ArticleForm form = new ArticleForm();
        form.title = latest.getTitle();
        form.slug = article.getSlug();
        form.summary = latest.getSummary();
        form.body = latest.getBody();
        form.categoryId = latest.getCategory().getId();
        form.source = latest.getSource();
        form.byline = latest.getByline();
        form.audience = latest.getAudience();
        form.references = new ArrayList<>(latest.references().stream().map(ReferenceRow::of).toList());
        return form;
    }

    /** The form as the change path takes it; rows left blank are dropped, a blank slug means "from the title". */
    ArticleDraft draft() {
        Sources sources = new Sources(source, byline, audience, references.stream().filter(r -> !r.isBlank())
                .map(ReferenceRow::toReference).toList());
        return new ArticleDraft(title, summary, body, categoryId,
                slug == null || slug.isBlank() ? null : slug.strip(), sources);
    }

    /** True when everything a draft requires is there: only then does an autosave try. */
    boolean isComplete() {
        return title != null && !title.isBlank() && summary != null && !summary.isBlank() && body != null
                && !body.isBlank() && categoryId != null;
    }

    /** Everything typed, as one value: equal values mean nothing changed. */
    String fingerprint() {
        return String.join("\u0000", String.valueOf(title), String.valueOf(summary), String.valueOf(body),
                String.valueOf(categoryId), String.valueOf(slug), String.valueOf(source), String.valueOf(byline),
                String.valueOf(audience), references.toString());
    }

    public void addReference() {
        references.add(new ReferenceRow());
    }

    public void removeReference(ReferenceRow row) {
        references.remove(row);
    }

    public List<ReferenceRow> getReferences() {
        return references;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public Long getCategoryId() {
        return categoryId;
    }

    public void setCategoryId(Long categoryId) {
        this.categoryId = categoryId;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public String getByline() {
        return byline;
    }

    public void setByline(String byline) {
        this.byline = byline;
    }

    public String getAudience() {
        return audience;
    }

    public void setAudience(String audience) {
        this.audience = audience;
    }
}

package org.healthportal.cms.content.boundary.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.healthportal.cms.content.control.ArticleService;
import org.healthportal.cms.content.entity.Article;
import org.healthportal.cms.content.entity.Revision;
import org.healthportal.cms.platform.TextDiff;
import org.healthportal.cms.platform.web.Feedback;

/**
 * A save that lost a race: keeps the editor's text and shows the other version beside it, so nothing is lost
 * either way. The editor then keeps their text over the other, or continues from the other with theirs on screen.
 */
@Named
@ViewScoped
public class ArticleConflictBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    EditArticleBacking editor;

    @Inject
    ArticleService articles;

    private Snapshot theirs;
    private Snapshot mine;

    /** Holds the form's text aside with the version stored now; called when a save found the article changed. */
    public void open() {
        ArticleForm form = editor.getForm();
        mine = new Snapshot(form.getTitle(), form.getSummary(), form.getBody(), editor.getVersion());
        Article current = articles.get(editor.getId());
        Revision latest = current.getLatestRevision();
        theirs = new Snapshot(latest.getTitle(), latest.getSummary(), latest.getBody(), current.getVersion());
        Feedback.warn("edit.conflict");
    }

    /** True while a conflict waits for the editor's decision: nothing saves on its own meanwhile. */
    public boolean isOpen() {
        return theirs != null;
    }

    /** After a conflict: save my text over theirs, knowingly. */
    public void keepMine() {
        editor.overwrite(theirs.version());
        theirs = null;
        mine = null;
        editor.save();
    }

    /** After a conflict: continue from their text; mine stays on screen to copy from. */
    public void takeTheirs() {
        Snapshot kept = mine;
        editor.reloadStored();
        theirs = null;
        mine = kept;
    }

    public void dismissMine() {
        mine = null;
    }

    public String getTitleDiff() {
        return theirs == null ? "" : TextDiff.inline(theirs.title(), mine.title());
    }

    public String getSummaryDiff() {
        return theirs == null ? "" : TextDiff.inline(theirs.summary(), mine.summary());
    }

    public String getBodyDiff() {
        return theirs == null ? "" : TextDiff.html(theirs.body(), mine.body(), Feedback.text("diff.tooLarge"));
    }

    public Snapshot getTheirs() {
        return theirs;
    }

    public Snapshot getMine() {
        return mine;
    }

    /** A version of the text held aside during a conflict. */
    public record Snapshot(String title, String summary, String body, long version) implements Serializable {
    }
}

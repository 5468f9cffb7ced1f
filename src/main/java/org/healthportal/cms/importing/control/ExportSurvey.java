package org.healthportal.cms.importing.control;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.healthportal.cms.platform.CmsException;

/**
 * The first of an import's two passes over the file, made before anything is written: it proves the whole file
 * sound (a malformed or cut-off export is refused here, with the line and column, and nothing is imported) and
 * keeps what the second pass needs at hand: the site, the authors, the categories and the attachments, which
 * WordPress may list after the posts that use them.
 */
public record ExportSurvey(Wxr.Site site, List<Wxr.Author> authors, List<Wxr.Term> categories,
                           Map<Long, Attachment> attachments, int items, int posts, int pages) {

    /** An attachment: its file's URL, WordPress's alt text (blank when none) and its title. */
    public record Attachment(long id, String url, String alt, String title) {
    }

    /** The site's identity in the import records: its base URL, else its link, without a trailing slash. */
    public String siteKey() {
        String url = site.baseSiteUrl() == null || site.baseSiteUrl().isBlank() ? site.link() : site.baseSiteUrl();
        url = url == null ? "" : url.strip();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        return url.length() > 255 ? url.substring(0, 255) : url;
    }

    public static ExportSurvey of(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return of(in);
        } catch (IOException e) {
            throw new CmsException.InvalidInput("The export could not be read: " + e.getMessage());
        }
    }

    public static ExportSurvey of(InputStream in) {
        Wxr.Site[] site = {null};
        List<Wxr.Author> authors = new ArrayList<>();
        List<Wxr.Term> categories = new ArrayList<>();
        Map<Long, Attachment> attachments = new LinkedHashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        WxrReader.read(in, new Wxr.Handler() {
            @Override
            public void site(Wxr.Site s) {
                site[0] = s;
            }

            @Override
            public void author(Wxr.Author author) {
                authors.add(author);
            }

            @Override
            public void category(Wxr.Term category) {
                categories.add(category);
            }

            @Override
            public void item(Wxr.Item item) {
                if ("attachment".equals(item.postType())) {
                    attachments.put(item.postId(), new Attachment(item.postId(),
                            item.attachmentUrl() == null ? "" : item.attachmentUrl().strip(), item.altText(),
                            item.title() == null ? "" : item.title().strip()));
                } else {
                    counts.merge("items", 1, Integer::sum);
                    counts.merge(item.postType(), 1, Integer::sum);
                }
            }
        });
        if (site[0] == null) {
            throw new WxrException("This file is not a WordPress export (WXR): it has no channel", 0, 0);
        }
        return new ExportSurvey(site[0], List.copyOf(authors), List.copyOf(categories), attachments,
                counts.getOrDefault("items", 0), counts.getOrDefault("post", 0), counts.getOrDefault("page", 0));
    }
}

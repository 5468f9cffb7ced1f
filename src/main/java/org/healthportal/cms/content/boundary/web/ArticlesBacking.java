package org.healthportal.cms.content.boundary.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.healthportal.cms.content.control.ArticleQuery;
import org.healthportal.cms.content.control.ArticleService;
import org.healthportal.cms.platform.Page;
import org.healthportal.cms.content.entity.Article;
import org.healthportal.cms.content.entity.RevisionState;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * The article list: filtered, sorted and paged in the database, so it stays quick with 100,000 articles.
 */
@Named
@ViewScoped
public class ArticlesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ArticleService articles;


    private RevisionState state;
    private Long categoryId;
    private String author;
    private String text;

    private final LazyDataModel<Article> model = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) articles.count(query(ArticleQuery.Sort.UPDATED, false));
        }

        @Override
        public List<Article> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            ArticleQuery.Sort sort = ArticleQuery.Sort.UPDATED;
            boolean ascending = false;
            for (SortMeta meta : sortBy.values()) {
                sort = switch (meta.getField()) {
                    case "title" -> ArticleQuery.Sort.TITLE;
                    case "state" -> ArticleQuery.Sort.STATE;
                    case "author" -> ArticleQuery.Sort.AUTHOR;
                    default -> ArticleQuery.Sort.UPDATED;
                };
                ascending = meta.getOrder() == SortOrder.ASCENDING;
            }
            int size = Math.min(pageSize, Page.MAX_SIZE);
            // count() above already set the row count for this request; only the page is read here.
            return articles.items(query(sort, ascending), first / size, size);
        }

        @Override
        public String getRowKey(Article article) {
            return String.valueOf(article.getId());
        }

        @Override
        public Article getRowData(String rowKey) {
            return articles.find(Long.valueOf(rowKey)).orElse(null);
        }
    };

    private ArticleQuery query(ArticleQuery.Sort sort, boolean ascending) {
        return ArticleQuery.all().withState(state).withCategory(categoryId).withAuthor(author).withText(text)
                .sortedBy(sort, ascending);
    }

    public LazyDataModel<Article> getModel() {
        return model;
    }

    public RevisionState[] getStates() {
        return RevisionState.values();
    }

    public RevisionState getState() {
        return state;
    }

    public void setState(RevisionState state) {
        this.state = state;
    }

    public Long getCategoryId() {
        return categoryId;
    }

    public void setCategoryId(Long categoryId) {
        this.categoryId = categoryId;
    }

    public String getAuthor() {
        return author;
    }

    public void setAuthor(String author) {
        this.author = author;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }
}

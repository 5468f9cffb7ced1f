import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Benchmark data only: inserts N published articles straight into the embedded H2 database of a stopped
 * benchmark server (bench/run.sh), with explicit ids and plain JDBC batches. Never part of the application.
 *
 * <p>Usage: java -cp h2.jar bench/BulkLoad.java JDBC_URL USER PASSWORD N
 */
public class BulkLoad {

    private static final String[] HEADINGS = {"常见原因", "主要表现", "日常护理", "饮食建议", "康复训练", "何时就医", "预防要点", "注意事项"};
    private static final String[] SENTENCES = {
        "保持规律作息有助于身体恢复。", "症状持续不缓解时应及时到医院就诊。", "适度运动可以改善局部血液循环。",
        "饮食宜清淡，多吃新鲜蔬菜和水果。", "不要自行加大药物剂量或延长疗程。", "老年人和慢性病患者更需要定期复查。",
        "热敷可以缓解部分肌肉紧张引起的不适。", "针灸治疗应在正规医疗机构由医生操作。", "康复训练要循序渐进，避免过度疲劳。",
        "情绪紧张也可能加重身体的不适感。", "戒烟限酒对多种慢性病都有好处。", "出现麻木无力等情况需要警惕神经系统问题。",
        "推拿按摩前应先排除骨折等器质性损伤。", "家属应协助患者坚持完成训练计划。", "睡眠不足会影响身体的修复能力。",
        "中药使用需要辨证，不宜照搬他人方子。", "久坐人群应每隔一小时起身活动。", "运动前后充分热身和放松可以减少损伤。"};

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int n = Integer.parseInt(args[3]);
        Random random = new Random(42);
        try (Connection c = DriverManager.getConnection(url, args[1], args[2])) {
            c.setAutoCommit(false);
            long editor = single(c, "SELECT id FROM account WHERE username = 'editor'");
            long reviewer = single(c, "SELECT id FROM account WHERE username = 'reviewer'");
            long disclaimer = single(c, "SELECT MAX(id) FROM disclaimer");
            long articleId = single(c, "SELECT COALESCE(MAX(id), 0) FROM article") + 1;
            long revisionId = single(c, "SELECT COALESCE(MAX(id), 0) FROM revision") + 1;
            List<Long> leaves = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM category c WHERE NOT EXISTS"
                    + " (SELECT 1 FROM category k WHERE k.parent_id = c.id) ORDER BY id")) {
                while (rs.next()) {
                    leaves.add(rs.getLong(1));
                }
            }
            Instant now = Instant.now().minusSeconds(3600);
            try (PreparedStatement article = c.prepareStatement("INSERT INTO article (id, slug, was_published, created_at,"
                    + " modified_at, version, state, title, summary, category_id, author_id, published_at, live_category_id)"
                    + " VALUES (?, ?, TRUE, ?, ?, 1, 'PUBLISHED', ?, ?, ?, ?, ?, ?)");
                 PreparedStatement revision = c.prepareStatement("INSERT INTO revision (id, article_id, number, state, title,"
                         + " summary, body, category_id, author_id, contributors, created_at, updated_at, content_hash,"
                         + " submitted_at, approved_by_id, approved_at, approved_hash, published_at, disclaimer_id, version)"
                         + " VALUES (?, ?, 1, 'PUBLISHED', ?, ?, ?, ?, ?, 'editor', ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)");
                 PreparedStatement link = c.prepareStatement(
                         "UPDATE article SET live_revision_id = ?, latest_revision_id = ? WHERE id = ?")) {
                for (int i = 0; i < n; i++) {
                    long a = articleId + i;
                    long r = revisionId + i;
                    Timestamp at = Timestamp.from(now.minusSeconds((long) (n - i) * 30));
                    String topic = SENTENCES[random.nextInt(SENTENCES.length)].substring(0, 6);
                    String title = "健康知识第" + (i + 1) + "篇：" + topic;
                    StringBuilder body = new StringBuilder();
                    for (int h = 0; h < 6; h++) {
                        body.append("<h2>").append(h + 1).append("、").append(HEADINGS[(h + i) % HEADINGS.length]).append("</h2><p>");
                        for (int k = 0; k < 8; k++) {
                            body.append(SENTENCES[random.nextInt(SENTENCES.length)]);
                        }
                        body.append("</p>");
                    }
                    String summary = "本文介绍" + topic + "相关的健康常识。" + SENTENCES[random.nextInt(SENTENCES.length)]
                            + SENTENCES[random.nextInt(SENTENCES.length)];
                    article.setLong(1, a);
                    article.setString(2, "bench-" + (i + 1));
                    article.setTimestamp(3, at);
                    article.setTimestamp(4, at);
                    long category = leaves.get(random.nextInt(leaves.size()));
                    article.setString(5, title);
                    article.setString(6, summary);
                    article.setLong(7, category);
                    article.setLong(8, editor);
                    article.setTimestamp(9, at);
                    article.setLong(10, category);
                    article.addBatch();
                    String hash = String.format("%064x", r);
                    revision.setLong(1, r);
                    revision.setLong(2, a);
                    revision.setString(3, title);
                    revision.setString(4, summary);
                    revision.setString(5, body.toString());
                    revision.setLong(6, category);
                    revision.setLong(7, editor);
                    revision.setTimestamp(8, at);
                    revision.setTimestamp(9, at);
                    revision.setString(10, hash);
                    revision.setTimestamp(11, at);
                    revision.setLong(12, reviewer);
                    revision.setTimestamp(13, at);
                    revision.setString(14, hash);
                    revision.setTimestamp(15, at);
                    revision.setLong(16, disclaimer);
                    revision.addBatch();
                    link.setLong(1, r);
                    link.setLong(2, r);
                    link.setLong(3, a);
                    link.addBatch();
                    if ((i + 1) % 1000 == 0 || i == n - 1) {
                        article.executeBatch();
                        revision.executeBatch();
                        link.executeBatch();
                        c.commit();
                    }
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE article ALTER COLUMN id RESTART WITH " + (articleId + n));
                s.execute("ALTER TABLE revision ALTER COLUMN id RESTART WITH " + (revisionId + n));
            }
            c.commit();
            System.out.println("loaded " + n + " published articles");
        }
    }

    private static long single(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

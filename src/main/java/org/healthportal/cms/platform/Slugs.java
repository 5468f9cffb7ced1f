package org.healthportal.cms.platform;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.py.Pinyin;
import com.hankcs.hanlp.seg.common.Term;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Slugs are the readable part of public URLs: lowercase ASCII letters, digits and single hyphens. */
public final class Slugs {

    public static final int MAX = 120;
    private static final Pattern VALID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private Slugs() {
    }

    /**
     * A title as a slug: Chinese words in toneless pinyin, a hyphen between words (针刺疗法与康复 →
     * zhenci-liaofa-yu-kangfu), Latin letters and digits as they are; empty when nothing readable is left.
     * HanLP segments the words and reads each as a word, so that 银行 is yinhang and 重庆 chongqing.
     */
    public static String fromTitle(String title) {
        String text = title == null ? "" : title;
        String ascii = Normalizer.normalize(hasHan(text) ? pinyin(text) : text, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        if (ascii.length() > 80) {
            ascii = ascii.substring(0, 80).replaceAll("-+$", "");
        }
        return ascii;
    }

    private static boolean hasHan(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    /** Each Chinese word as its pinyin between spaces; everything else as it was. */
    private static String pinyin(String text) {
        StringBuilder out = new StringBuilder();
        for (Term term : HanLP.segment(text)) {
            String word = term.word;
            if (!hasHan(word)) {
                out.append(word);
                continue;
            }
            List<Pinyin> readings = HanLP.convertToPinyinList(word);
            out.append(' ');
            for (int i = 0; i < word.length(); i++) {
                char c = word.charAt(i);
                boolean han = Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
                Pinyin reading = i < readings.size() ? readings.get(i) : Pinyin.none5;
                out.append(han && reading != Pinyin.none5 ? reading.getPinyinWithoutTone() : String.valueOf(c));
            }
            out.append(' ');
        }
        return out.toString();
    }

    /** Checks a slug an editor typed. */
    public static String requireValid(String slug) {
        String s = slug == null ? "" : slug.strip();
        if (s.length() > MAX || !VALID.matcher(s).matches()) {
            throw new CmsException.InvalidInput("slug must be lowercase letters, digits and single hyphens, at most "
                    + MAX + " characters: " + slug).withKey("error.slugInvalid").withField("slug");
        }
        return s;
    }
}

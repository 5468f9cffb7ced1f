package org.healthportal.cms.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Addresses made from titles: readable pinyin for Chinese, Latin kept, never anything a URL would escape. */
class SlugsTest {

    @Test
    void chineseTitlesReadAsPinyinWordByWord() {
        assertEquals("zhenci-liaofa-yu-kangfu", Slugs.fromTitle("针刺疗法与康复"));
        assertEquals("jingzhuibing-de-tuina-yu-zhenjiu", Slugs.fromTitle("颈椎病的推拿与针灸"));
        assertEquals("zhongfeng-hou-de-kangfu-xunlian", Slugs.fromTitle("中风后的康复训练"));
    }

    @Test
    void aWordIsReadAsAWordNotCharacterByCharacter() {
        // 行 and 重 have two readings each; the word decides.
        assertEquals("yinhang", Slugs.fromTitle("银行"));
        assertEquals("chongqing-de-zhongyao-yiyuan", Slugs.fromTitle("重庆的重要医院"));
        assertEquals("nvxing-lvse-shipin", Slugs.fromTitle("女性绿色食品"));
    }

    @Test
    void mixedTitlesKeepTheirLatinLettersAndDigits() {
        assertEquals("zhenjiu-covid-19-kangfu", Slugs.fromTitle("针灸 COVID-19 康复"));
        assertEquals("2-xing-tangniaobing-huanzhe-de-yinshi-10-ge-yaodian", Slugs.fromTitle("2型糖尿病患者的饮食：10个要点"));
        assertEquals("aijiu-moxibustion-rumen", Slugs.fromTitle("艾灸（Moxibustion）入门"));
    }

    @Test
    void latinTitlesAsBefore() {
        assertEquals("acupuncture-and-nerves", Slugs.fromTitle("Acupuncture and Nerves!"));
        assertEquals("cafe", Slugs.fromTitle("Café"));
        assertEquals("", Slugs.fromTitle("！？……"));
        assertEquals("", Slugs.fromTitle(null));
    }

    @Test
    void aLongTitleIsCutAtAWordAndStaysValid() {
        String slug = Slugs.fromTitle("针灸治疗神经受损的临床研究进展与中西医结合康复训练方案以及长期随访观察结果的系统综述".repeat(2));
        assertTrue(slug.length() <= 80, slug);
        assertEquals(slug, Slugs.requireValid(slug));
    }

    @Test
    void anEditorsSlugIsCheckedNotRewritten() {
        assertEquals("ok-slug-2", Slugs.requireValid(" ok-slug-2 "));
        assertThrows(CmsException.InvalidInput.class, () -> Slugs.requireValid("Bad Slug"));
        assertThrows(CmsException.InvalidInput.class, () -> Slugs.requireValid("a--b"));
        assertThrows(CmsException.InvalidInput.class, () -> Slugs.requireValid("针灸"));
        assertThrows(CmsException.InvalidInput.class, () -> Slugs.requireValid(""));
        assertEquals("slug", assertThrows(CmsException.InvalidInput.class, () -> Slugs.requireValid("x y")).field());
    }
}

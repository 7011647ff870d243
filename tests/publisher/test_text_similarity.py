"""Text similarity on real notes: a lightly reworded repost scores high, other notes low, and
topics, emoji, mentions and punctuation do not count."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from publisher.domain.text_similarity import (
    estimated_similarity,
    normalise,
    signature,
    similarity,
    text_shingles,
)
from publisher.services.keywords import words

COFFEE = """上海静安寺附近新开的一家咖啡店☕️，环境超级好，落地窗采光绝了，随手一拍都是大片📷！
招牌的燕麦拿铁很香，奶味不会太重，咖啡豆是他们自己烘的，带一点坚果和焦糖的味道。
甜品推荐巴斯克芝士蛋糕，口感绵密，甜度刚刚好。人均六十左右，周末人比较多，建议工作日下午去。
#上海咖啡[话题]# #静安寺探店[话题]# #咖啡店推荐[话题]#"""

COFFEE_REPOST = """静安寺附近新开了一家咖啡店！环境特别好，落地窗采光绝了，随手拍都是大片～
招牌燕麦拿铁很香，奶味不会太重，咖啡豆是店里自己烘的，有一点坚果和焦糖的味道[赞R]
甜品推荐巴斯克芝士蛋糕，口感绵密，甜度刚刚好。人均六十左右，周末人比较多，建议工作日的下午去哦
#咖啡探店 #上海周末去哪儿 @小红薯咖啡"""

OTHER_COFFEE = """周末去了武康路的一家小众咖啡馆，店面不大但是很有氛围感，
老洋房改造的，院子里有一棵大树🌳。
点了手冲耶加雪菲，花香和柑橘的酸味很明显，老板很耐心地讲了豆子的产地。
另外可颂是现烤的，外皮酥脆。价格稍微有点贵，一杯手冲要五十八，但是环境值得。
#武康路[话题]# #咖啡馆[话题]#"""

OUTFIT = """秋冬通勤穿搭分享｜一周不重样👗
周一：米色针织开衫搭配白色阔腿裤，温柔又干练；周二：黑色西装外套配牛仔裤和乐福鞋，简单利落。
小个子姐妹可以选短款外套，拉长比例。颜色尽量控制在三种以内，整体会更高级。
#通勤穿搭[话题]# #小个子穿搭[话题]#"""

RECIPE = """十分钟搞定的番茄牛腩面🍅，打工人的快手晚餐！
牛腩提前用高压锅压二十分钟，番茄切块炒出沙，加入牛腩和汤汁煮五分钟，最后下面条。
一定要多放番茄，汤才会浓郁。出锅前撒点葱花，香到邻居来敲门😂
#快手晚餐[话题]# #番茄牛腩[话题]#"""

DIFFERENT = {"other coffee": OTHER_COFFEE, "outfit": OUTFIT, "recipe": RECIPE}


def test_normalising_drops_topics_emoji_mentions_and_punctuation():
    text = "ＯＯＴＤ｜秋天的第一杯奶茶🧋！！#秋天[话题]# #奶茶 @阿花 [笑哭R] 真的好喝～"
    assert normalise(text) == "ootd 秋天的第一杯奶茶 真的好喝"


def test_a_lightly_reworded_repost_scores_high():
    assert similarity(COFFEE, COFFEE_REPOST, words) >= 0.5


def test_only_topics_emoji_and_punctuation_changed_is_the_same_text():
    decorated = COFFEE.replace("，", "。").replace("☕️", "✨✨").replace("上海咖啡", "探店日记")
    assert similarity(COFFEE, decorated + "\n#新话题 @朋友", words) == 1.0


@pytest.mark.parametrize("name", DIFFERENT)
def test_different_notes_score_low(name):
    assert similarity(COFFEE, DIFFERENT[name], words) < 0.1
    assert similarity(COFFEE_REPOST, DIFFERENT[name], words) < 0.1


def test_notes_of_other_subjects_share_nothing():
    for a, b in itertools.combinations(DIFFERENT.values(), 2):
        assert similarity(a, b, words) < 0.05


def test_signatures_estimate_the_score_for_many_notes_at_once():
    texts = [COFFEE_REPOST, *DIFFERENT.values(), COFFEE]
    many = np.stack([signature(text_shingles(text, words)) for text in texts])
    estimates = estimated_similarity(signature(text_shingles(COFFEE, words)), many)
    exact = [similarity(COFFEE, text, words) for text in texts]
    assert np.allclose(estimates, exact, atol=0.1)
    assert estimates[-1] == 1.0


def test_an_empty_text_has_no_signature_and_no_likeness():
    assert text_shingles("🎉🎉 #话题 ！！", words) == frozenset()
    assert similarity("", "", words) == 0.0
    with pytest.raises(ValueError):
        signature(frozenset())

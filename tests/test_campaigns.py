"""Figures linked to the campaign coding of their paragraph (articles written for the tests)."""

from __future__ import annotations

import pandas as pd

from helpers.campaigns import campaign_contrast, campaign_figures
from helpers.coding import code_segments
from helpers.metrics import extract_metrics


def _articles() -> pd.DataFrame:
    text = ("全县开展“清河行动”百日攻坚，清理河道垃圾320吨，河长巡河率达到100%。\n"
            "今年以来，全县新建村级卫生室12个，群众满意率为93.7%。")
    return pd.DataFrame({"article_id": ["c-01"], "headline": [None], "text": [text]})


def test_campaign_figures_flags_the_campaign_paragraph_only():
    articles = _articles()
    figures = campaign_figures(code_segments(articles), extract_metrics(articles))
    by_para = figures.groupby("para_no")["campaign_paragraph"].all().to_dict()
    assert by_para == {1: True, 2: False}
    assert figures["campaign_article"].all()
    assert figures.loc[figures["para_no"] == 1, "campaign_name"].notna().all()
    assert figures.loc[figures["para_no"] == 2, "campaign_name"].isna().all()


def test_campaign_contrast_counts_groups_and_round_rates():
    articles = _articles()
    contrast = campaign_contrast(campaign_figures(code_segments(articles),
                                                  extract_metrics(articles)))
    camp, other = contrast["campaign paragraphs"], contrast["other paragraphs"]
    assert (camp["figures"], other["figures"]) == (2, 2)  # 320吨, 100% | 12个, 93.7%
    assert (camp["share at 100%"], other["share at 100%"]) == (1.0, 0.0)
    assert (camp["share round"], other["share round"]) == (1.0, 0.0)

"""Text in the script the gazetteer is written in: simplified characters, no pinyin glosses.

jionlp's names are simplified (县, 镇, 纪委).  Crawled copies of local news are often mirrors
converted to traditional characters, some with pinyin glossed after characters (鎮(zhèn)); the
parser refuses such pages (``helpers.text.check_simplified``), but ``locate_article`` is also
handed texts from tables and scrapers.  It reads them through ``to_simplified``: the glosses
removed, and the text converted character by character with jionlp's ``tra2sim`` when it is
traditional by the parser's own measure (``TRADITIONAL_SHARE`` of its ideographs outside
GB2312).  Simplified text is never converted: a character-level map would also touch the few
characters that are simplified forms in one word and traditional in another (乾县).
"""

from __future__ import annotations

import contextlib
import io
import re

from helpers.text.decoding import TRADITIONAL_SHARE, traditional_share

__all__ = ["to_simplified"]

#: A pinyin gloss in brackets directly after an ideograph: (zhèn), (guò), (lǜ).  The letters
#: are Latin with tone marks; at least one tone-marked vowel is required, so an ordinary bracket
#: of Latin text (（GDP）, (PPP)) is kept.
_TONE_MARKED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü"
PINYIN_GLOSS = re.compile(
    rf"(?<=[\u3400-\u9fff])[(（](?=[a-z{_TONE_MARKED}]*[{_TONE_MARKED}])[a-z{_TONE_MARKED}]{{1,7}}[)）]"
)


def _tra2sim(text: str) -> str:
    """jionlp's character-level traditional -> simplified map (its import banner swallowed)."""
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        import jionlp

        return jionlp.tra2sim(text, mode="char")


def to_simplified(*texts: str) -> tuple[str, ...]:
    """The texts without pinyin glosses, in simplified characters if together they are
    traditional (one decision for headline, body and source: an article is in one script)."""
    texts = tuple(PINYIN_GLOSS.sub("", t) for t in texts)
    if traditional_share("".join(texts)) <= TRADITIONAL_SHARE:
        return texts
    return tuple(_tra2sim(t) if t else t for t in texts)

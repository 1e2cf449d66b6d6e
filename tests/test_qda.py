"""REFI-QDA exchange (helpers/qda.py): the schema rules the export relies on, written as our own
assertions (the REFI schema files are not in the repository; benchmarks/validate_qdpx.py checks a
file against them), the round trip, determinism, import of codings made elsewhere, bad input."""

from __future__ import annotations

import datetime as dt
import pickle
import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from helpers import code_segments, load_corpus
from helpers.codebook import default_codebook
from helpers.errors import InputError, QDAError
from helpers.qda import (
    IMPORT_COLUMNS,
    SEGMENT_COLUMNS,
    export_qdc,
    export_qdpx,
    guid,
    import_qdpx,
    paragraph_starts,
)

SEED_DIR = Path(__file__).parent / "fixtures" / "seed"  # the tests' copy of the seed page
P = "{urn:QDA-XML:project:1.0}"
C = "{urn:QDA-XML:codebook:1.0}"
# GUIDType of Project-mrt2019.xsd / Codebook-mrt2019.xsd
GUID = re.compile(r"([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})"
                  r"|(\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
                  r"[0-9a-fA-F]{12}\})")
RGB = re.compile(r"#([A-Fa-f0-9]{6}|[A-Fa-f0-9]{3})")
DATETIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")
# Required attributes of the elements we write (Project-mrt2019.xsd, use="required").
REQUIRED = {
    "Project": {"name"}, "User": {"guid"}, "Code": {"guid", "name", "isCodable"},
    "Variable": {"guid", "name", "typeOfVariable"}, "Case": {"guid"}, "TextSource": {"guid"},
    "PlainTextSelection": {"guid", "startPosition", "endPosition"}, "Coding": {"guid"},
    "CodeRef": {"targetGUID"}, "SourceRef": {"targetGUID"}, "VariableRef": {"targetGUID"},
}
GUID_ATTRIBUTES = {"guid", "targetGUID", "creatingUser", "creatingUserGUID", "modifyingUser"}
# Element order of the schema's xsd:sequence for the types we write.
SEQUENCE = {
    "Project": ["Users", "CodeBook", "Variables", "Cases", "Sources"],
    "Code": ["Description", "Code"],
    "Case": ["Description", "CodeRef", "VariableValue", "SourceRef", "SelectionRef"],
    "TextSource": ["Description", "PlainTextContent", "PlainTextSelection", "Coding", "NoteRef",
                   "VariableValue"],
    "PlainTextSelection": ["Description", "Coding", "NoteRef"],
    "Coding": ["CodeRef", "NoteRef"],
}
VALUE_ELEMENTS = {"TextValue", "BooleanValue", "IntegerValue", "FloatValue", "DateValue",
                  "DateTimeValue"}


def local(el: ET.Element) -> str:
    return el.tag.rpartition("}")[2]


@pytest.fixture(scope="module")
def seed():
    articles = load_corpus(SEED_DIR)
    return articles, code_segments(articles)


@pytest.fixture(scope="module")
def seed_qdpx(seed, tmp_path_factory):
    path = tmp_path_factory.mktemp("qda") / "seed.qdpx"
    export_qdpx(path, *seed, default_codebook())
    return path


def read_project(path: Path) -> tuple[ET.Element, dict[str, bytes], list[zipfile.ZipInfo]]:
    with zipfile.ZipFile(path) as zf:
        infos = zf.infolist()
        files = {i.filename: zf.read(i) for i in infos}
    return ET.fromstring(files["project.qde"]), files, infos


def small_articles() -> pd.DataFrame:
    """Articles written for these tests: paragraphs with an empty line between two of them,
    a character outside the BMP (offsets count code points), metadata with a date."""
    return pd.DataFrame({
        "article_id": ["t-01", "t-02", "t-03"],
        "source": ["t", "t", "t"],
        "headline": ["县里开展禁毒宣传", None, "河长巡河"],
        "text": ["县公安局开展禁毒宣传活动。\n\n𠀀村召开群众会议，推进乡村振兴。",
                 "全县重点项目建设提速，固定资产投资同比增长12%。",
                 ""],
        "locality": ["洞口县", None, "汉寿县"],
        "level": ["county", None, "county"],
        "province": ["湖南省", None, "湖南省"],
        "published": [dt.date(2021, 10, 1), None, dt.date(2021, 11, 2)],
    })


# --- paragraphs and offsets ------------------------------------------------------------------

def test_paragraph_starts_number_paragraphs_as_the_corpus_does(seed):
    articles, _ = seed
    from helpers import paragraphs

    table = paragraphs(articles)
    for aid, text in zip(articles["article_id"], articles["text"], strict=True):
        spans = paragraph_starts(text)
        assert [text[s:e] for s, e in spans] == table.loc[table.article_id == aid, "text"].tolist()
    assert paragraph_starts("a\n\nbc\n") == [(0, 1), (3, 5)]
    assert paragraph_starts("") == []


# --- the schema rules the export relies on ------------------------------------------------------

def test_archive_holds_project_and_one_text_per_article(seed, seed_qdpx):
    articles, _ = seed
    root, files, infos = read_project(seed_qdpx)
    names = [i.filename for i in infos]
    assert names == sorted(names)
    assert set(names) == {"project.qde"} | {
        f"Sources/{guid('source', a)}.txt" for a in articles["article_id"]}
    assert all(i.date_time == (1980, 1, 1, 0, 0, 0) for i in infos)
    sources = root.findall(f"{P}Sources/{P}TextSource")
    assert [s.get("name") for s in sources] == articles["article_id"].tolist()
    for source, text in zip(sources, articles["text"], strict=True):
        path = source.get("plainTextPath")
        assert path == f"internal://{source.get('guid')}.txt"
        assert files["Sources/" + path.removeprefix("internal://")].decode("utf-8") == text
        assert source.find(f"{P}PlainTextContent") is None  # one of the two, not both


def test_namespace_required_attributes_guids_and_element_order(seed_qdpx):
    root, files, _ = read_project(seed_qdpx)
    assert files["project.qde"].startswith(b'<?xml version="1.0" encoding="utf-8"?>')
    assert root.tag == P + "Project"
    assert "urn:QDA-XML:project:1.0" in root.get(
        "{http://www.w3.org/2001/XMLSchema-instance}schemaLocation")
    seen: set[str] = set()
    for el in root.iter():
        assert el.tag.startswith(P), el.tag  # every element in the project namespace
        name = local(el)
        assert REQUIRED.get(name, set()) <= set(el.attrib), (name, el.attrib)
        for attr in GUID_ATTRIBUTES & set(el.attrib):
            assert GUID.fullmatch(el.get(attr)), (name, attr, el.get(attr))
        if "guid" in el.attrib:
            assert el.get("guid") not in seen, el.get("guid")
            seen.add(el.get("guid"))
        if name in SEQUENCE:
            order = [SEQUENCE[name].index(local(c)) for c in el]
            assert order == sorted(order), (name, [local(c) for c in el])
        if name == "Code":
            assert el.get("isCodable") in ("true", "false")
            assert RGB.fullmatch(el.get("color"))
        if name == "Variable":
            assert el.get("typeOfVariable") in {"Text", "Boolean", "Integer", "Float", "Date",
                                                "DateTime"}
        if name == "VariableValue":
            kids = [local(c) for c in el]
            assert kids[0] == "VariableRef" and len(kids) == 2 and kids[1] in VALUE_ELEMENTS
        if name == "PlainTextSelection":
            assert int(el.get("startPosition")) <= int(el.get("endPosition"))
    assert [local(c) for c in root] == ["Users", "CodeBook", "Variables", "Cases", "Sources"]


def test_selections_point_at_their_terms_and_references_resolve(seed, seed_qdpx):
    _articles, segments = seed
    root, files, _ = read_project(seed_qdpx)
    codes = {c.get("guid"): c for c in root.iter(P + "Code")}
    users = {u.get("guid") for u in root.iter(P + "User")}
    variables = {v.get("guid"): v.get("typeOfVariable") for v in root.iter(P + "Variable")}
    sources = {s.get("guid"): s for s in root.iter(P + "TextSource")}
    n = 0
    for source in sources.values():
        text = files["Sources/" + source.get("guid") + ".txt"].decode("utf-8")
        for sel in source.findall(P + "PlainTextSelection"):
            start, end = int(sel.get("startPosition")), int(sel.get("endPosition"))
            assert 0 <= start <= end <= len(text)
            assert text[start:end] == sel.get("name")  # the term, at its source offsets
            assert "\n" not in text[start:end]
            assert sel.get("creatingUser") in users
            codings = sel.findall(P + "Coding")
            assert len(codings) == 1
            target = codings[0].find(P + "CodeRef").get("targetGUID")
            assert codes[target].get("isCodable") == "true"
            n += 1
        for value in source.findall(P + "VariableValue"):
            ref = value.find(P + "VariableRef").get("targetGUID")
            assert ref in variables
            assert local(value[1]) == variables[ref] + "Value"
    assert n == len(segments)
    for case in root.iter(P + "Case"):
        assert [r.get("targetGUID") in sources for r in case.findall(P + "SourceRef")] == [True]
    assert root.get("creatingUserGUID") in users


def test_codebook_as_codes_under_their_dimension(seed_qdpx):
    root, _, _ = read_project(seed_qdpx)
    book = default_codebook()
    top = root.findall(f"{P}CodeBook/{P}Codes/{P}Code")
    assert [t.get("name") for t in top] == ["domain", "mode"]
    assert all(t.get("isCodable") == "false" for t in top)
    for parent in top:
        dimension = parent.get("name")
        children = parent.findall(P + "Code")
        assert [c.get("name") for c in children] == [
            c.id for c in book.codes if c.dimension == dimension]
        for el, code in zip(children, (c for c in book.codes if c.dimension == dimension),
                            strict=True):
            assert el.get("guid") == guid("code", code.id)
            description = el.find(P + "Description").text
            assert code.definition in description and code.label_zh in description


def test_metadata_as_variables_of_sources_and_cases(tmp_path):
    articles = small_articles()
    path = export_qdpx(tmp_path / "small.qdpx", articles, code_segments(articles))
    root, _, _ = read_project(path)
    variables = {v.get("name"): v for v in root.iter(P + "Variable")}
    assert list(variables) == ["locality", "level", "province", "published", "headline",
                               "source"]
    assert variables["published"].get("typeOfVariable") == "Date"

    def values(el):
        names = {v.get("guid"): n for n, v in variables.items()}
        return {names[v.find(P + "VariableRef").get("targetGUID")]: v[1].text
                for v in el.findall(P + "VariableValue")}

    sources = root.findall(f"{P}Sources/{P}TextSource")
    cases = root.findall(f"{P}Cases/{P}Case")
    assert values(sources[0]) == values(cases[0]) == {
        "locality": "洞口县", "level": "county", "province": "湖南省",
        "published": "2021-10-01", "headline": "县里开展禁毒宣传", "source": "t"}
    assert values(sources[1]) == {"source": "t"}  # missing values are left out, not "None"
    assert [c.get("name") for c in cases] == ["t-01", "t-02", "t-03"]


def test_qdc_is_the_codebook_alone(tmp_path, seed_qdpx):
    path = export_qdc(tmp_path / "codebook.qdc")
    root = ET.fromstring(path.read_bytes())
    assert root.tag == C + "CodeBook" and root.get("origin")
    assert all(el.tag.startswith(C) for el in root.iter())
    assert [local(c) for c in root] == ["Codes"]
    project, _, _ = read_project(seed_qdpx)
    project_codes = [(c.get("guid"), c.get("name")) for c in project.iter(P + "Code")]
    assert [(c.get("guid"), c.get("name")) for c in root.iter(C + "Code")] == project_codes
    for el in root.iter(C + "Code"):
        assert REQUIRED["Code"] <= set(el.attrib) and GUID.fullmatch(el.get("guid"))
    assert export_qdc(tmp_path / "again.qdc").read_bytes() == path.read_bytes()


# --- determinism and round trip -------------------------------------------------------------------

def test_same_input_same_bytes(seed, seed_qdpx, tmp_path):
    articles, segments = seed
    again = export_qdpx(tmp_path / "again.qdpx", articles.copy(), segments.copy())
    assert again.read_bytes() == seed_qdpx.read_bytes()
    when = dt.datetime(2024, 5, 1, 8, 30, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    a = export_qdpx(tmp_path / "a.qdpx", articles, segments, created=when).read_bytes()
    b = export_qdpx(tmp_path / "b.qdpx", articles, segments, created=when).read_bytes()
    assert a == b
    root = ET.fromstring(zipfile.ZipFile(tmp_path / "a.qdpx").read("project.qde"))
    stamps = {el.get("creationDateTime") for el in root.iter() if el.get("creationDateTime")}
    assert stamps == {"2024-05-01T00:30:00Z"} and all(DATETIME.fullmatch(s) for s in stamps)


def test_round_trip_gives_back_the_exported_segments(seed, seed_qdpx):
    articles, segments = seed
    back = import_qdpx(seed_qdpx)
    assert list(back.columns) == IMPORT_COLUMNS
    pd.testing.assert_frame_equal(back[SEGMENT_COLUMNS], segments)
    assert set(back["coder"]) == {"dictionary"}
    assert back["known_code"].all() and not back["split"].any()
    with_articles = import_qdpx(seed_qdpx, articles=articles)
    pd.testing.assert_frame_equal(with_articles[SEGMENT_COLUMNS], segments)


def test_round_trip_of_articles_written_here(tmp_path):
    articles = small_articles()
    segments = code_segments(articles)
    assert (segments.article_id == "t-01").any() and (segments.para_no == 2).any()
    path = export_qdpx(tmp_path / "small.qdpx", articles, segments)
    pd.testing.assert_frame_equal(import_qdpx(path)[SEGMENT_COLUMNS], segments)
    # an astral character counts as one position (code points), as in Python
    root, files, _ = read_project(path)
    source = root.find(f"{P}Sources/{P}TextSource")
    text = files[f"Sources/{source.get('guid')}.txt"].decode("utf-8")
    for sel in source.findall(P + "PlainTextSelection"):
        assert text[int(sel.get("startPosition")):int(sel.get("endPosition"))] == sel.get("name")


def test_no_segments_still_a_project(tmp_path):
    articles = small_articles()
    empty = code_segments(articles).iloc[0:0]
    path = export_qdpx(tmp_path / "empty.qdpx", articles, empty)
    root, _, _ = read_project(path)
    assert len(root.findall(f"{P}Sources/{P}TextSource")) == 3
    assert import_qdpx(path).empty


# --- codings made by people in other programs ----------------------------------------------------

ALICE = "{A1B2C3D4-0000-4000-8000-00000000000A}"
BOB = "b0b0b0b0-0000-4000-8000-00000000000b"
SRC = "5C0E0000-0000-4000-8000-000000000001"
LAW = "C0DE0000-0000-4000-8000-000000000002"


def foreign_project(tmp_path: Path, text: str, selections: str, *, name: str = "访谈一",
                    codes: str = "", sources_dir: str = "sources", extra: str = "",
                    qde: str | None = None, files: dict[str, bytes] | None = None) -> Path:
    """A .qdpx as another program writes one: upper-case GUIDs with braces, a lower-case
    sources folder, nested codes, two coders."""
    qde = qde if qde is not None else f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="coded elsewhere" origin="Some QDA 1.0">
 <Users><User guid="{ALICE}" name="alice"/><User guid="{BOB}" id="B"/></Users>
 <CodeBook><Codes>
  <Code guid="C0DE0000-0000-4000-8000-000000000001" name="主题" isCodable="false">
   <Code guid="C0DE0000-0000-4000-8000-000000000002" name="执法与治安" isCodable="true"/>
   <Code guid="C0DE0000-0000-4000-8000-000000000003" name="river_cleanup" isCodable="true"/>
  </Code>
  <Code guid="{guid('code', 'mass_line').upper()}" name="renamed in the program" isCodable="true"/>
  <Code guid="C0DE0000-0000-4000-8000-000000000004" name="campaign" isCodable="true"/>
  {codes}
 </Codes></CodeBook>
 <Cases><Case guid="CA5E0000-0000-4000-8000-000000000001" name="case one"/></Cases>
 <Sources>
  <TextSource guid="{SRC}" name="{name}" plainTextPath="internal://{SRC}.txt">
   {selections}
  </TextSource>
  {extra}
 </Sources>
</Project>"""
    path = tmp_path / "foreign.qdpx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("project.qde", qde.encode("utf-8"))
        zf.writestr(f"{sources_dir}/{SRC}.txt", "\ufeff".encode() + text.encode("utf-8"))
        for member, data in (files or {}).items():
            zf.writestr(member, data)
    return path


def selection(start: int, end: int, code: str, user: str = ALICE, n: int = 1) -> str:
    return (f'<PlainTextSelection guid="5E1E0000-0000-4000-8000-{n:012d}" startPosition="{start}" '
            f'endPosition="{end}" creatingUser="{user}"><Coding guid="C0D10000-0000-4000-8000-'
            f'{n:012d}"><CodeRef targetGUID="{code}"/></Coding></PlainTextSelection>')


TEXT = "县公安局开展禁毒宣传。\n河长巡河清网行动。\n\n群众参与。"


def test_import_codings_of_two_coders_split_and_unknown_codes(tmp_path):
    law = "C0DE0000-0000-4000-8000-000000000002"
    river = "C0DE0000-0000-4000-8000-000000000003"
    mass = guid("code", "mass_line").upper()
    campaign = "C0DE0000-0000-4000-8000-000000000004"
    sels = "".join([
        selection(0, 8, law, ALICE, 1),             # 县公安局开展禁毒 (para 1)
        selection(12, 16, river, BOB, 2),           # 河长巡河 (para 2): a code not in the codebook
        selection(8, 16, campaign, ALICE, 3),       # 宣传。\n河长巡河: across paragraphs 1-2
        selection(23, 25, mass, BOB, 4),            # 群众 (para 3), by our GUID, renamed
        selection(11, 12, law, ALICE, 5),           # only the line break
        ('<PlainTextSelection guid="5E1E0000-0000-4000-8000-000000000099" startPosition="0" '
        'endPosition="3"><Description>a memo, not a coding</Description></PlainTextSelection>'),
        selection(0, 3, "CA5E0000-0000-4000-8000-000000000001", ALICE, 6),  # case assignment
    ])
    rows = import_qdpx(foreign_project(tmp_path, TEXT, sels))
    assert list(rows.columns) == IMPORT_COLUMNS
    got = rows[["para_no", "code", "dimension", "term", "start", "end", "coder", "known_code",
                "split"]].astype(object)
    got = got.where(got.notna(), None).values.tolist()
    assert got == [
        [1, "law_enforcement", "domain", "县公安局开展禁毒", 0, 8, "alice", True, False],
        [1, "campaign", "mode", "宣传。", 8, 11, "alice", True, True],
        [1, "law_enforcement", "domain", "", 11, 11, "alice", True, False],
        [2, "campaign", "mode", "河长巡河", 0, 4, "alice", True, True],
        [2, "主题/river_cleanup", None, "河长巡河", 0, 4, "B", False, False],
        [3, "mass_line", "mode", "群众", 0, 2, "B", True, False],
    ]
    assert set(rows["article_id"]) == {"访谈一"} and set(rows["source"]) == {"访谈一"}


def test_import_maps_sources_to_articles_by_text(tmp_path):
    articles = pd.DataFrame({"article_id": ["x-01", "x-02"], "text": ["别的文章。", TEXT]})
    law = "C0DE0000-0000-4000-8000-000000000002"
    path = foreign_project(tmp_path, TEXT, selection(1, 3, law))
    rows = import_qdpx(path, articles=articles)
    assert rows[["article_id", "para_no", "term"]].values.tolist() == [["x-02", 1, "公安"]]
    other = pd.DataFrame({"article_id": ["x-01"], "text": ["别的文章。"]})
    assert import_qdpx(path, articles=other)["article_id"].isna().all()  # reported, not dropped


def test_import_refuses_a_source_whose_text_was_edited(tmp_path):
    articles = small_articles()
    path = export_qdpx(tmp_path / "p.qdpx", articles, code_segments(articles))
    edited = articles.assign(text=articles["text"].str.replace("县公安局", "市公安局"))
    with pytest.raises(QDAError, match="text differs"):
        import_qdpx(path, articles=edited)
    # a final line break added by the program shifts nothing and is accepted
    import_qdpx(path, articles=articles.assign(text=articles["text"] + "\n"))


def test_import_of_a_bare_project_qde_with_sources_beside_it(tmp_path):
    law = "C0DE0000-0000-4000-8000-000000000002"
    zipped = foreign_project(tmp_path, TEXT, selection(0, 3, law))
    folder = tmp_path / "unzipped"
    with zipfile.ZipFile(zipped) as zf:
        zf.extractall(folder)
    rows = import_qdpx(folder / "project.qde")
    assert rows[["code", "term"]].values.tolist() == [["law_enforcement", "县公安"]]


def test_codings_of_pictures_are_counted_in_a_warning_not_read(tmp_path):
    picture = ('<PictureSource guid="91C00000-0000-4000-8000-000000000001" path="internal://p.png">'
               '<PictureSelection guid="91C00000-0000-4000-8000-000000000002" firstX="0" '
               'firstY="0" secondX="5" secondY="5"><Coding guid="91C00000-0000-4000-8000-'
               f'000000000003"><CodeRef targetGUID="{LAW}"/></Coding></PictureSelection>'
               '</PictureSource>')
    path = foreign_project(tmp_path, TEXT, selection(0, 3, LAW), extra=picture)
    with pytest.warns(UserWarning, match="1 codings of pictures"):
        rows = import_qdpx(path)
    assert len(rows) == 1


# --- bad input: a QDAError naming the file, the member and the element ---------------------------

def test_bad_files(tmp_path):
    text = tmp_path / "notes.qdpx"
    text.write_text("just some notes", encoding="utf-8")
    with pytest.raises(QDAError, match=r"notes\.qdpx: neither a REFI-QDA project"):
        import_qdpx(text)
    with pytest.raises(QDAError, match="cannot read"):
        import_qdpx(tmp_path / "missing.qdpx")
    empty = tmp_path / "empty.qdpx"
    with zipfile.ZipFile(empty, "w") as zf:
        zf.writestr("readme.txt", "x")
    with pytest.raises(QDAError, match="no project.qde"):
        import_qdpx(empty)


@pytest.mark.parametrize(("qde_or_sel", "message"), [
    ("<Project xmlns='urn:QDA-XML:project:1.0' name='x'><Users>", r"not well-formed XML"),
    ("<CodeBook xmlns='urn:QDA-XML:codebook:1.0'/>", r"root element is <\{urn:QDA-XML:codebook"),
    ("<!DOCTYPE p [<!ENTITY a 'aaaa'>]><Project xmlns='urn:QDA-XML:project:1.0' name='x'/>",
     "DOCTYPE"),
])
def test_bad_xml(tmp_path, qde_or_sel, message):
    path = foreign_project(tmp_path, TEXT, "", qde=qde_or_sel)
    with pytest.raises(QDAError, match=message) as err:
        import_qdpx(path)
    assert "foreign.qdpx" in str(err.value) and "project.qde" in str(err.value)



@pytest.mark.parametrize(("sel", "message"), [
    (selection(0, 99, LAW), (r'<PlainTextSelection guid="5E1E0000-0000-4000-8000-000000000001">: '
                            r"positions 0-99 are outside the source text")),
    (selection(5, 3, LAW), "positions 5-3 are outside"),
    (selection(0, 3, LAW).replace('startPosition="0"', 'startPosition="x"'),
     "startPosition='x' is not a whole number"),
    (selection(0, 3, LAW).replace('startPosition="0" ', ""),
     "lacks the required attribute startPosition"),
    (selection(0, 3, "DEAD0000-0000-4000-8000-000000000000"),
     r'<CodeRef targetGUID="DEAD0000-0000-4000-8000-000000000000">: refers to no code'),
    (('<PlainTextSelection guid="5E1E0000-0000-4000-8000-000000000001" startPosition="0" '
     'endPosition="1"><Coding guid="C0D10000-0000-4000-8000-000000000001"/></PlainTextSelection>'),
     "has no CodeRef"),
])
def test_bad_elements_name_the_element_and_line(tmp_path, sel, message):
    path = foreign_project(tmp_path, TEXT, sel)
    with pytest.raises(QDAError, match=message) as err:
        import_qdpx(path)
    assert err.value.path == path and err.value.line is not None
    assert str(err.value).startswith(f"{path}, line {err.value.line}: project.qde, <")


def test_missing_or_undecodable_source_text(tmp_path):
    sel = selection(0, 3, LAW)
    path = foreign_project(tmp_path, TEXT, sel, sources_dir="elsewhere")
    with pytest.raises(QDAError, match=r"<TextSource guid=.*its text 'internal://.*' is not in"):
        import_qdpx(path)
    qde = zipfile.ZipFile(path).read("project.qde").decode("utf-8")
    bad = tmp_path / "gbk"
    bad.mkdir()
    path = foreign_project(bad, TEXT, sel, qde=qde, sources_dir="unused",
                           files={f"Sources/{SRC}.txt": "县公安局".encode("gbk")})
    with pytest.raises(QDAError, match="is not UTF-8"):
        import_qdpx(path)


def test_export_refuses_segments_that_do_not_fit(tmp_path):
    articles = small_articles()
    segments = code_segments(articles)
    out = tmp_path / "x.qdpx"
    cases = [
        (segments.assign(code="no_such_code"), "code 'no_such_code' is not in the codebook"),
        (segments.assign(article_id="t-99"), "article 't-99' is not in the articles table"),
        (segments.assign(end=segments["end"] + 100), "outside the paragraph"),
        (segments.assign(para_no=9), "the article has"),
        (segments.assign(term="别的"), "is not the text at"),
        (segments.drop(columns="term"), "lacks term"),
    ]
    for table, message in cases:
        with pytest.raises(QDAError, match=message):
            export_qdpx(out, articles, table)
    with pytest.raises(QDAError, match="occurs twice"):
        export_qdpx(out, pd.concat([articles, articles]), segments)
    with pytest.raises(QDAError, match="XML cannot hold"):
        export_qdpx(out, articles.assign(headline="标题\x0b"), segments)
    assert not out.exists()


def test_qda_error_is_an_input_error_that_pickles():
    err = QDAError("<Code>: lacks guid", "p.qdpx", 7)
    assert isinstance(err, InputError) and isinstance(err, ValueError)
    back = pickle.loads(pickle.dumps(err))
    assert (back.path, back.line, str(back)) == ("p.qdpx", 7, "p.qdpx, line 7: <Code>: lacks guid")

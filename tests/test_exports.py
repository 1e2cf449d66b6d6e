"""Exports for Stata, R and Excel (helpers/exports.py) and docs/DATA.md (helpers/data_docs.py).

Tables come from the seed page's copy (tests/fixtures/seed) and from small frames written here
that hold what is hard to write: lists with ";" and backslashes, missing values of every kind,
texts that look like formulas or missing markers, long texts, dates.  Every export is read back
(pandas for .dta/.parquet/.csv, openpyxl for the workbook) and compared with the table.
"""

from __future__ import annotations

import datetime as dt
import math
import pickle
import zipfile
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import config, exports
from helpers.codebook import default_codebook, load_codebook
from helpers.coding import code_articles, code_segments, paragraph_codes
from helpers.corpus import paragraphs, read_corpus
from helpers.data_docs import render_data_markdown, write_data_markdown
from helpers.exports import (
    ExportError,
    column_descriptions,
    export_tables,
    join_list,
    load_columns,
    read_export,
    split_list,
    stata_name,
)
from helpers.metrics import extract_metrics
from helpers.profiles import change_over_time, locality_profiles
from helpers.tokens import token_counts

SEED = Path(__file__).parent / "fixtures" / "seed"

SMALL_CODEBOOK = """\
version: 1
codes:
  - id: alpha
    dimension: domain
    label_zh: 甲
    label_en: Alpha things
    definition: Everything alpha.
    include: Alpha parks.
    exclude: ""
    terms: [园区, 招商]
    example: 园区建设
  - id: beta
    dimension: domain
    label_zh: 乙
    label_en: Beta things
    definition: Everything beta.
    include: ""
    exclude: ""
    terms: [大厅]
    example: 大厅
  - id: act
    dimension: mode
    label_zh: 动
    label_en: Acting
    definition: Acting now.
    include: ""
    exclude: ""
    terms: [行动]
    example: 专项行动
"""


@pytest.fixture(scope="module")
def seed_tables() -> dict[str, pd.DataFrame]:
    corpus = read_corpus(SEED)
    arts = corpus.articles
    book, segments, metrics = default_codebook(), code_segments(arts), extract_metrics(arts)
    units = paragraph_codes(arts, book, segments=segments)
    return {"articles": arts, "furniture": corpus.furniture, "paragraphs": paragraphs(arts),
            "segments": segments, "article_codes": code_articles(arts),
            "metrics": metrics, "tokens": token_counts(arts),
            "locality_profiles": locality_profiles(arts, units, metrics, book),
            "change_over_time": change_over_time(metrics, arts)}


@pytest.fixture
def book(tmp_path):
    path = tmp_path / "codebook.yaml"
    path.write_text(SMALL_CODEBOOK, encoding="utf-8")
    return load_codebook(path)


LONG = "长" * 1500  # 4,500 bytes of UTF-8: over a Stata str# (2,045 bytes), a strL


def small_tables() -> dict[str, pd.DataFrame]:
    """Small tables holding what is hard to export."""
    articles = pd.DataFrame({
        "article_id": ["p-01", "p-02", "p-03"],
        "source": ["p", "p", "p"],
        "format": ["page", "article", "table"],
        "headline": ["=SUM(A1:A2)", None, "#N/A"],
        "subheads": [["一；二", "a;b", "back\\slash", "end\\"], [], ["单"]],
        "byline": [["张三", "李四"], [], []],
        "text": [f"第一段\n第二段，“引号”, 逗号\r\n{LONG}", "NA", "None"],
        "newspaper": ["洞口报", None, ""],
        "published": [dt.date(2024, 5, 1), None, dt.date(1999, 12, 31)],
        "page": ["A02", None, "3"],
        "url": [None, "https://example.org/a?x=1;y=2", None],
        "dateline": [None, "本报讯", None],
        "locality": ["洞口县", None, "永州市"],
        "prefecture": ["邵阳市", None, "永州市"],
        "province": ["湖南省", None, "湖南省"],
        "level": ["county", None, "prefecture"],
        "admin_code": ["430525", None, "011000"],
        "township": [None, None, None],
        "agency": ["县纪委监委", None, None],
        "header": [[], ["来源：洞口县融媒体中心", "作者：张三"], []],
        "extra": ["{}", "{}", '{"栏目": "要闻"}'],
        "line_start": [1, 1, 2],
        "line_end": [220, 30, 2],
    })
    furniture = pd.DataFrame({"source": ["p", "p"], "format": ["page", "page"], "line": [1, 9],
                              "kind": ["navigation", "page header"],
                              "text": ["上一版 下一版", "2024年5月1日 星期三"]})
    segments = pd.DataFrame({"article_id": ["p-01", "p-01", "p-03"], "para_no": [1, 2, 1],
                             "code": ["alpha", "act", "beta"],
                             "dimension": ["domain", "mode", "domain"],
                             "term": ["园区", "行动", "大厅"], "start": [0, 5, 2],
                             "end": [2, 7, 4]})
    codes = pd.DataFrame({"alpha": [1, 0, 0], "beta": [0, 0, 1], "act": [1, 0, 0],
                          "primary_domain": ["alpha", None, "beta"],
                          "campaign": [True, False, False]},
                         index=pd.Index(["p-01", "p-02", "p-03"], name="article_id"))
    metrics = pd.DataFrame({
        "article_id": ["p-01", "p-01", "p-03"], "para_no": [1, 2, 1],
        "sentence": ["增长12.5%", "投入3亿元", "排名第一"],
        "indicator": ["增长", None, "排名"], "value": [12.5, 3.0, 1.0],
        "unit": ["%", "亿元", "名"], "kind": ["rate", "money", "rank"],
        "qualifier": [None, "approx", None], "change": [True, False, False],
        "value_std": [12.5, 3e8, 1.0], "unit_std": ["%", "元", "名"],
        "value_low": [np.nan, 0.1 + 0.2, np.nan], "value_high": [np.nan, 1e-300, np.nan],
        "direction": ["up", None, None], "role": ["change", "target", "rank"],
        "pair": [None, "p-01-2-p1", None], "family": ["growth", None, None],
        "period": ["今年以来", None, None],
        "period_start": [dt.date(2024, 1, 1), None, None],
        "period_end": [dt.date(2024, 5, 1), None, None],
        "quoted": [False, True, False], "object": [None, "项目", None],
        "action": [None, "投入", None]})
    tokens = pd.DataFrame({"article_id": ["p-01", "p-02", "p-03"], "n_tokens": [12, 0, 3]})
    return {"articles": articles, "furniture": furniture,
            "paragraphs": paragraphs(articles.assign(text=["一\n二", "三", "四"])),
            "segments": segments, "article_codes": codes, "metrics": metrics, "tokens": tokens}


def values(series: pd.Series, *, empty_is_missing: bool = False) -> list[object]:
    """A column as plain Python values: missing as None, arrays as lists, timestamps as dates."""
    out = []
    for v in series:
        if isinstance(v, np.ndarray | list | tuple):
            v = [str(x) for x in v]
        elif v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and math.isnan(v)):
            v = None
        elif isinstance(v, pd.Timestamp):
            v = v.date()
        elif isinstance(v, np.bool_):
            v = bool(v)
        elif isinstance(v, np.integer):
            v = int(v)
        elif isinstance(v, np.floating):
            v = float(v)
        if empty_is_missing and v == "":
            v = None
        out.append(v)
    return out


def flat(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.reset_index() if frame.index.name else frame.reset_index(drop=True)


def assert_same_table(back: pd.DataFrame, table: pd.DataFrame, *, empty_is_missing=False):
    table = flat(table)
    assert list(back.columns) == list(table.columns)
    assert len(back) == len(table)
    for col in table.columns:
        assert values(back[col], empty_is_missing=empty_is_missing) == \
            values(table[col], empty_is_missing=empty_is_missing), col


# --- every column described; DATA.md generated --------------------------------------------


def test_every_column_of_every_table_is_described(seed_tables):
    """Fails when a table gains a column that helpers/data/columns.yaml does not describe."""
    spec = load_columns()
    assert set(spec) == set(seed_tables)
    readme = column_descriptions(seed_tables, codebook=default_codebook())
    for name, table in seed_tables.items():
        described = readme[readme["table"] == name]
        assert list(described["column"]) == list(flat(table).columns)
        assert (described["label"].str.len().between(1, 80)).all()
        assert (described["description"].str.len() > 0).all()
        # and no description left behind for a column the table no longer has
        present = set(flat(table).columns)
        stale = [c.name for c in spec[name].columns if not c.optional and c.name not in present]
        assert not stale, f"{name}: described in columns.yaml but not in the table: {stale}"


def test_a_new_column_without_description_is_refused(seed_tables):
    tables = dict(seed_tables, metrics=seed_tables["metrics"].assign(new_measure=1.0))
    with pytest.raises(ExportError, match="not described in helpers/data/columns.yaml") as err:
        column_descriptions(tables)
    assert (err.value.table, err.value.column) == ("metrics", "new_measure")


def test_the_article_codes_count_columns_come_from_the_codebook(seed_tables):
    readme = column_descriptions(seed_tables, codebook=default_codebook())
    counts = readme[(readme["table"] == "article_codes")
                    & ~readme["column"].isin(["article_id", "primary_domain", "campaign"])]
    assert set(counts["column"]) <= {c.id for c in default_codebook().codes}
    assert counts["label"].str.startswith("Paragraphs coded: ").all()


def test_category_values_follow_the_code(seed_tables):
    """The listed values of categories are those the code knows."""
    from helpers.formats.furniture import FURNITURE_KINDS

    spec = load_columns()
    assert [v for v, _ in spec["furniture"].column("kind").values] == list(FURNITURE_KINDS)
    kinds = [v for v, _ in spec["metrics"].column("kind").values]
    assert set(seed_tables["metrics"]["kind"]) <= set(kinds)
    assert [c.name for c in spec["segments"].columns if c.type == "category"] == \
        ["code", "dimension"]


def test_docs_data_matches_the_yaml():
    path = config.DATA_DOC
    expected = render_data_markdown(load_columns())
    actual = path.read_text(encoding="utf-8") if path.exists() else None
    if actual != expected:
        pytest.fail(f"{path.relative_to(config.ROOT)} is out of date with "
                    f"{config.COLUMNS.relative_to(config.ROOT)}: run `make docs` and commit "
                    "both files", pytrace=False)


def test_data_md_lists_every_column_with_its_stata_name_and_codes():
    spec = load_columns()
    text = render_data_markdown(spec)
    assert text.splitlines()[0].startswith("<!-- Generated from helpers/data/columns.yaml")
    for table in spec.values():
        assert f"## `{table.name}`: {table.title}" in text
        section = text[text.index(f'<a id="{table.name}"></a>'):]
        for col in table.columns:
            assert f"| `{col.name}` | `{stata_name(col.name, col.stata)}` | " in section
    assert "| `end` | `end_` | int |" in text
    assert "  - 1 = `rate`: " in text and "  - 13 = `other`: " in text
    assert "| *one per code* | *the code id* | int | Paragraphs coded: *English label* |" in text


def test_write_data_markdown_and_main(tmp_path, monkeypatch, capsys):
    from helpers import data_docs

    out = write_data_markdown(tmp_path / "DATA.md")
    assert out.read_text(encoding="utf-8") == render_data_markdown(load_columns())
    monkeypatch.setattr(config, "DATA_DOC", tmp_path / "docs" / "DATA.md")
    data_docs.main()
    assert (tmp_path / "docs" / "DATA.md").read_bytes() == out.read_bytes()
    assert "DATA.md: generated from helpers/data/columns.yaml" in capsys.readouterr().out


# --- round trips ----------------------------------------------------------------------------


@pytest.fixture
def small_export(tmp_path, book):
    tables = small_tables()
    paths = export_tables(tmp_path / "out", tables, codebook=book)
    return tables, tmp_path / "out", paths


def test_files_written(small_export):
    tables, out, paths = small_export
    names = [p.name for p in paths]
    assert names[0] == "tables.xlsx"
    assert names[1:] == [f"{t}.{ext}" for t in tables for ext in ("dta", "parquet", "csv")]
    assert sorted(p.name for p in out.iterdir()) == sorted(names)  # no temporary files left


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_csv_and_parquet_read_back_equal(small_export, book, suffix):
    tables, out, _ = small_export
    for name, table in tables.items():
        back = read_export(out / f"{name}{suffix}", codebook=book)
        if suffix == ".csv":  # CSV has one empty cell for "" and missing
            assert_same_table(back, table, empty_is_missing=True)
        else:
            assert_same_table(back, table)


def test_parquet_holds_proper_lists_and_dates(small_export):
    import pyarrow as pa
    import pyarrow.parquet as pq

    _, out, _ = small_export
    arrow = pq.read_table(out / "articles.parquet")
    assert pa.types.is_list(arrow.schema.field("subheads").type)
    assert arrow.schema.field("subheads").type.value_type == pa.string()
    assert str(arrow.schema.field("published").type) == "date32[day]"
    assert arrow.column("subheads").to_pylist()[0] == ["一；二", "a;b", "back\\slash", "end\\"]
    meta = arrow.schema.field("level").metadata
    assert meta[b"label"] == b"Administrative level of the locality"
    assert b"2 = county" in meta[b"values"]
    plain = pd.read_parquet(out / "metrics.parquet")  # as R or pandas read it, no helper
    assert plain["value_low"].iloc[1] == 0.1 + 0.2 and plain["value_high"].iloc[1] == 1e-300


def test_csv_is_utf8_with_bom_and_joins_lists(small_export):
    _, out, _ = small_export
    raw = (out / "articles.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    plain = pd.read_csv(out / "articles.csv", encoding="utf-8-sig", dtype=str,
                        keep_default_na=False)
    assert plain["subheads"].iloc[0] == "一；二;a\\;b;back\\\\slash;end\\\\"
    assert plain["byline"].iloc[0] == "张三;李四"
    assert plain["published"].tolist() == ["2024-05-01", "", "1999-12-31"]
    assert plain["admin_code"].iloc[2] == "011000"
    assert plain["text"].iloc[1] == "NA"
    codes = pd.read_csv(out / "article_codes.csv", encoding="utf-8-sig")
    assert codes["campaign"].tolist() == [True, False, False]  # TRUE/FALSE


def test_stata_opens_with_its_labels(small_export, book):
    _, out, _ = small_export
    spec = load_columns()
    with pd.io.stata.StataReader(out / "metrics.dta") as reader:
        data = reader.read()
        variable_labels = reader.variable_labels()
        value_labels = reader.value_labels()
        assert reader.data_label == spec["metrics"].title
    assert (out / "metrics.dta").read_bytes().startswith(b"<stata_dta><header><release>118<")
    assert variable_labels == {c.name: c.label for c in spec["metrics"].columns}
    kinds = [v for v, _ in spec["metrics"].column("kind").values]
    assert value_labels["kind"] == {n: v for n, v in enumerate(kinds, start=1)}
    assert value_labels["role"][5] == "target"
    assert list(data["kind"]) == ["rate", "money", "rank"]
    assert isinstance(data["kind"].dtype, pd.CategoricalDtype)
    assert values(data["qualifier"]) == [None, "approx", None]
    assert values(data["period_start"]) == [dt.date(2024, 1, 1), None, None]
    assert data["change"].tolist() == [1, 0, 0]
    raw = pd.read_stata(out / "metrics.dta", convert_categoricals=False)
    assert raw["kind"].tolist() == [1, 2, 4]


def test_stata_names_strl_and_codebook_values(small_export, book):
    _, out, _ = small_export
    segments = pd.read_stata(out / "segments.dta")
    assert list(segments.columns) == ["article_id", "para_no", "code", "dimension", "term",
                                      "start", "end_"]
    with pd.io.stata.StataReader(out / "segments.dta") as reader:
        reader.read()
        assert reader.value_labels()["code"] == {1: "alpha", 2: "beta", 3: "act"}
        assert reader.variable_labels()["end_"].startswith("End of the match")
    with pd.io.stata.StataReader(out / "article_codes.dta") as reader:
        codes = reader.read()
        assert reader.value_labels()["primary_domain"] == {1: "alpha", 2: "beta"}
        assert reader.variable_labels()["alpha"] == "Paragraphs coded: Alpha things"
    assert values(codes["primary_domain"]) == ["alpha", None, "beta"]
    with pd.io.stata.StataReader(out / "articles.dta") as reader:
        articles = reader.read()
        typlist = dict(zip(articles.columns, reader._typlist, strict=True))
    assert typlist["text"] == 32768 or typlist["text"] == "Q"  # strL
    assert articles["text"].iloc[0].endswith(LONG)
    assert articles["subheads"].iloc[0] == "一；二;a\\;b;back\\\\slash;end\\\\"
    assert values(articles["published"]) == [dt.date(2024, 5, 1), None, dt.date(1999, 12, 31)]


def test_stata_reads_back_equal(small_export, book):
    tables, out, _ = small_export
    for name, table in tables.items():
        back = read_export(out / f"{name}.dta", codebook=book)
        assert_same_table(back, table, empty_is_missing=True)  # Stata's missing text is ""


def test_workbook_opens_with_its_sheets_and_rows(small_export, book):
    tables, out, _ = small_export
    wb = openpyxl.load_workbook(out / "tables.xlsx")
    assert wb.sheetnames == ["README", *tables, "codebook"]
    for name, table in tables.items():
        rows = list(wb[name].iter_rows(values_only=True))
        table = flat(table)
        assert list(rows[0]) == list(table.columns)
        assert len(rows) == len(table) + 1
    articles = list(wb["articles"].iter_rows(values_only=True))
    header = articles[0]
    first = dict(zip(header, articles[1], strict=True))
    assert first["headline"] == "=SUM(A1:A2)"  # text, not a formula
    assert wb["articles"].cell(row=2, column=header.index("headline") + 1).data_type == "s"
    assert dict(zip(header, articles[3], strict=True))["headline"] == "#N/A"
    assert first["subheads"] == "一；二;a\\;b;back\\\\slash;end\\\\"
    assert first["published"] == dt.datetime(2024, 5, 1)
    assert first["line_end"] == 220 and first["text"].endswith(LONG)
    metrics = list(wb["metrics"].iter_rows(values_only=True))
    m = dict(zip(metrics[0], metrics[1], strict=True))
    assert m["value"] == 12.5 and m["value_low"] is None and m["change"] is True
    header, *rows = wb["README"].iter_rows(values_only=True)
    readme = pd.DataFrame(rows, columns=header)
    assert list(readme.columns) == ["table", "column", "stata_name", "type", "label",
                                    "description", "values"]
    for name, table in tables.items():
        assert readme.loc[readme["table"] == name, "column"].tolist() == list(flat(table).columns)
    end = readme[(readme["table"] == "segments") & (readme["column"] == "end")]
    assert end["stata_name"].item() == "end_"
    kind = readme[(readme["table"] == "metrics") & (readme["column"] == "kind")]
    assert kind["values"].item().startswith("1 = rate: ")
    codebook = list(wb["codebook"].iter_rows(values_only=True))
    assert [r[0] for r in codebook[1:]] == ["alpha", "beta", "act"]
    assert codebook[1][7] == "园区;招商"


def test_seed_tables_round_trip(seed_tables, tmp_path):
    out = tmp_path / "seed"
    export_tables(out, seed_tables, codebook=default_codebook())
    for name, table in seed_tables.items():
        assert_same_table(read_export(out / f"{name}.parquet"), table)
        assert_same_table(read_export(out / f"{name}.csv"), table, empty_is_missing=True)
        assert_same_table(read_export(out / f"{name}.dta"), table, empty_is_missing=True)
    wb = openpyxl.load_workbook(out / "tables.xlsx", read_only=True)
    assert wb.sheetnames == ["README", *seed_tables, "codebook"]
    assert sum(1 for _ in wb["segments"].iter_rows()) == len(seed_tables["segments"]) + 1


# --- determinism ----------------------------------------------------------------------------


def test_same_tables_same_bytes(tmp_path, book):
    first = export_tables(tmp_path / "a", small_tables(), codebook=book)
    second = export_tables(tmp_path / "b", small_tables(), codebook=book)
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name
    with zipfile.ZipFile(first[0]) as z:
        assert {i.date_time for i in z.infolist()} == {exports.ZIP_TIME}
        core = z.read("docProps/core.xml").decode()
    assert "2000-01-01T00:00:00Z" in core and core.count("2000-01-01") == 2


def test_formats_and_workbook_name(tmp_path, book):
    paths = export_tables(tmp_path, {"tokens": small_tables()["tokens"]}, codebook=book,
                          formats=("csv", "parquet"), workbook="unused.xlsx")
    assert [p.name for p in paths] == ["tokens.parquet", "tokens.csv"]
    with pytest.raises(ExportError, match="unknown format 'sav'"):
        export_tables(tmp_path, {"tokens": small_tables()["tokens"]}, formats=("sav",))


# --- bad input ------------------------------------------------------------------------------


def _fails(tmp_path, tables, book, match, table, column):
    out = tmp_path / "bad"
    with pytest.raises(ExportError, match=match) as err:
        export_tables(out, tables, codebook=book)
    assert (err.value.table, err.value.column) == (table, column)
    assert f"table {table!r}" in str(err.value)
    assert not out.exists() or not any(out.iterdir())  # nothing written
    return err.value


def test_a_category_not_listed_is_refused(tmp_path, book):
    tables = small_tables()
    tables["metrics"].loc[1, "kind"] = "speed"
    err = _fails(tmp_path, tables, book, "value 'speed' is not a category", "metrics", "kind")
    assert "row 2" in str(err)


def test_a_code_not_in_the_codebook_is_refused(tmp_path, book):
    tables = small_tables()
    tables["segments"].loc[0, "code"] = "economy"
    _fails(tmp_path, tables, book, "not a category of the column in the codebook", "segments",
           "code")


def test_an_infinite_number_is_refused(tmp_path, book):
    tables = small_tables()
    tables["metrics"].loc[0, "value_std"] = math.inf
    _fails(tmp_path, tables, book, "infinite", "metrics", "value_std")


def test_a_value_of_the_wrong_type_is_refused(tmp_path, book):
    tables = small_tables()
    tables["articles"]["headline"] = pd.Series(["a", {"not": "text"}, None], dtype=object)
    _fails(tmp_path, tables, book, "a str column holds a dict", "articles", "headline")
    tables = small_tables()
    tables["articles"].at[0, "byline"] = "张三"
    _fails(tmp_path, tables, book, "holds no list", "articles", "byline")
    tables = small_tables()
    tables["tokens"]["n_tokens"] = [1.0, np.nan, 2.0]
    _fails(tmp_path, tables, book, "int column holds a missing value", "tokens", "n_tokens")


def test_a_stata_name_clash_is_refused(tmp_path, book):
    columns = tmp_path / "columns.yaml"
    columns.write_text("""\
version: 1
tables:
  demo:
    title: Demo
    made_by: hand
    description: A table for the test.
    columns:
      share-rate:
        type: float
        label: A share
        description: A share.
      share_rate:
        type: float
        label: Another share
        description: Another share.
""", encoding="utf-8")
    frame = pd.DataFrame({"share-rate": [0.5], "share_rate": [0.25]})
    with pytest.raises(ExportError, match="Stata name 'share_rate' is also that of column "
                                          "'share-rate'") as err:
        export_tables(tmp_path / "out", {"demo": frame}, codebook=book, columns=columns)
    assert (err.value.table, err.value.column) == ("demo", "share_rate")
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_a_table_stata_cannot_write_is_refused(tmp_path, book, monkeypatch):
    """Whatever pandas' Stata writer refuses or would change reaches the user as an
    ExportError naming the table (and the column when pandas names it)."""
    tables = {"tokens": small_tables()["tokens"].assign(n_tokens=[2**62, 1, 2])}
    out = tmp_path / "out"
    with pytest.raises(ExportError, match="Stata cannot hold the table") as err:
        export_tables(out, tables, codebook=book)
    assert err.value.table == "tokens"
    assert not any(out.iterdir())


def test_an_index_that_is_also_a_column_is_refused(tmp_path, book):
    tables = small_tables()
    codes = tables["article_codes"]
    tables["article_codes"] = codes.assign(article_id=list(codes.index))
    _fails(tmp_path, tables, book, "both the index and a column", "article_codes", "article_id")


def test_excel_limits(tmp_path, book, monkeypatch):
    tables = small_tables()
    tables["paragraphs"].loc[0, "text"] = "一\x07二"
    _fails(tmp_path, tables, book, "control character", "paragraphs", "text")
    monkeypatch.setattr(exports, "EXCEL_MAX_CELL", 1000)
    _fails(tmp_path, small_tables(), book, "over Excel's 1000 per cell", "articles", "text")
    monkeypatch.setattr(exports, "EXCEL_MAX_CELL", 32_767)
    monkeypatch.setattr(exports, "EXCEL_MAX_ROWS", 3)
    _fails(tmp_path, small_tables(), book, "over what an Excel sheet holds", "articles", None)
    monkeypatch.undo()
    tables = small_tables()
    export_tables(tmp_path / "left", tables, codebook=book, excel_tables=["furniture"])
    wb = openpyxl.load_workbook(tmp_path / "left" / "tables.xlsx")
    assert wb.sheetnames == ["README", "furniture", "codebook"]
    assert (tmp_path / "left" / "articles.dta").exists()


def test_unknown_table_is_refused(tmp_path, book):
    with pytest.raises(ExportError, match="no such table in helpers/data/columns.yaml") as err:
        export_tables(tmp_path, {"profiles": pd.DataFrame({"a": [1]})}, codebook=book)
    assert err.value.table == "profiles"


def test_export_error_pickles_whole():
    err = ExportError("bad", table="metrics", column="kind")
    back = pickle.loads(pickle.dumps(err))
    assert (back.table, back.column, str(back)) == ("metrics", "kind", str(err))
    assert str(err) == "table 'metrics', column 'kind': bad"


def test_columns_file_is_read_strictly(tmp_path):
    def load(body: str):
        path = tmp_path / "columns.yaml"
        path.write_text("version: 1\ntables:\n  demo:\n    title: Demo\n    made_by: hand\n"
                        "    description: Demo.\n    columns:\n" + body, encoding="utf-8")
        return load_columns(path)

    ok = "      a:\n        type: int\n        label: A\n        description: A.\n"
    assert load(ok)["demo"].column("a").type == "int"
    with pytest.raises(ExportError, match="type 'integer' is none of"):
        load(ok.replace("type: int", "type: integer"))
    with pytest.raises(ExportError, match="over 80 characters"):
        load(ok.replace("label: A", "label: " + "A" * 81))
    with pytest.raises(ExportError, match="only a category has"):
        load(ok + "        values: {x: y}\n")
    with pytest.raises(ExportError, match="a category needs"):
        load(ok.replace("type: int", "type: category"))
    with pytest.raises(ExportError, match="'end' is not a valid Stata name"):
        load(ok + "        stata: end\n")
    with pytest.raises(ExportError, match="`description:` is missing") as err:
        load("      a:\n        type: int\n        label: A\n")
    assert (err.value.table, err.value.column) == ("demo", "a")


# --- names and lists ------------------------------------------------------------------------


def test_stata_names():
    assert stata_name("end") == "end_"
    assert stata_name("in") == "in_"
    assert stata_name("2nd") == "_2nd"
    assert stata_name("share-rate") == "share_rate"
    assert stata_name("数量") == "__"
    assert stata_name("x" * 40) == "x" * 32
    assert stata_name("end", "char_end") == "char_end"


@given(st.lists(st.text(alphabet=st.sampled_from("a;\\长 \n"), min_size=1, max_size=6),
                max_size=5))
def test_joined_lists_split_back(items):
    assert split_list(join_list(items)) == items


def test_empty_lists():
    assert join_list([]) == "" and split_list("") == [] and split_list(None) == []
    assert split_list(float("nan")) == []

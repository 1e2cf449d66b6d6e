"""The gazetteer's supplementary changes (config.CHANGES_EXTRA) next to jionlp's change list."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import config
from helpers.places import gazetteer, history
from helpers.text import stored

HEADER = ",".join(gazetteer.EXTRA_CHANGE_COLUMNS)


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    """A supplementary file of one's own, and the gazetteer's caches cleared around the test."""
    path = tmp_path / "changes_extra.csv"
    monkeypatch.setattr(config, "CHANGES_EXTRA", path)
    monkeypatch.setattr(stored.config, "BUILT_CACHE", tmp_path / "built")
    caches = (gazetteer._jionlp_tables, gazetteer.load_gazetteer, history.changes)

    def clear() -> None:
        for cached in caches:
            cached.cache_clear()

    clear()
    yield path, clear
    clear()


def test_the_committed_file_reads(fresh) -> None:
    path, _clear = fresh
    path.write_bytes(Path(gazetteer.__file__).parents[1].joinpath(
        "data", "changes_extra.csv").read_bytes())
    gazetteer._extra_changes()  # no error: the header and every row are well formed


def test_a_header_alone_adds_nothing(fresh) -> None:
    path, _clear = fresh
    path.write_text(HEADER + "\n", encoding="utf-8")
    _tree, changes = gazetteer._jionlp_tables()
    assert changes == gazetteer._read_jionlp_tables()[1]


def test_a_county_renamed_is_found_by_its_former_name(fresh) -> None:
    path, clear = fresh
    path.write_text(HEADER + "\n", encoding="utf-8")
    assert gazetteer.load_gazetteer().lookup("户县") == ()
    clear()
    path.write_text(HEADER + "\n2016-11-24,国批,陕西省,西安市,户县,西安市,鄠邑区,made up\n",
                    encoding="utf-8")
    found = gazetteer.load_gazetteer().lookup("户县")
    assert [(p.name, p.prefecture) for p in found] == [("鄠邑区", "西安市")]
    assert any(c.old_county == "户县" and c.new_county == "鄠邑区" for c in history.changes())


@pytest.mark.parametrize(("row", "says"), [
    ("2016-13-01,国批,陕西省,西安市,户县,西安市,鄠邑区,x", "row 2, column date"),
    ("2016-11-24,国批,陕西省,西安市,户县,西安市,,x", "row 2, columns old_county/new_county"),
    ("2016-11-24,,陕西省,西安市,户县,西安市,鄠邑区,x", "row 2, column department"),
    ("2016-11-24,国批,陕西省,西安市,户县,西安市,鄠邑区", "row 2: 7 columns"),
])
def test_a_malformed_row_is_an_error_naming_row_and_column(fresh, row: str, says: str) -> None:
    path, _clear = fresh
    path.write_text(HEADER + "\n" + row + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=says) as err:
        gazetteer._jionlp_tables()
    assert str(path) in str(err.value)


def test_a_wrong_header_is_an_error(fresh) -> None:
    path, _clear = fresh
    path.write_text("date,province\n", encoding="utf-8")
    with pytest.raises(ValueError, match="row 1"):
        gazetteer._jionlp_tables()


def test_the_key_of_a_fresh_jionlp_install_needs_no_unzipped_table(tmp_path: Path) -> None:
    """A fresh wheel ships china_location.zip only (jionlp unzips it on first load): the key is
    computed without the .txt, and changes once the .txt appears (rebuilt, not read stale)."""
    folder = tmp_path / "jionlp"
    (folder / "dictionary").mkdir(parents=True)
    (folder / "dictionary/china_location.zip").write_bytes(b"zipped table")
    (folder / "dictionary/china_location_change.txt").write_bytes(b"changes")
    names = gazetteer._JIONLP_FILES
    fresh = stored.stored_key(*gazetteer.files_key_parts(folder, names))
    (folder / "dictionary/china_location.txt").write_bytes(b"unzipped table")
    unzipped = stored.stored_key(*gazetteer.files_key_parts(folder, names))
    assert fresh != unzipped
    assert "absent" in gazetteer.files_key_parts(folder.parent / "nowhere", names)

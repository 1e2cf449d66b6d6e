"""Built tables kept between kernels (helpers.text.stored): served only when intact and current."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from helpers.text import stored
from helpers.text.stored import load_stored, stored_key, stored_path


class Builds:
    """A build function that counts its calls."""

    def __init__(self, value: object) -> None:
        self.value = value
        self.calls = 0

    def __call__(self) -> object:
        self.calls += 1
        return self.value


def test_a_stored_table_is_read_back_without_building(tmp_path: Path) -> None:
    table = {"甲": (1, 2), "乙": [None, "丙"]}
    build = Builds(table)
    key = stored_key("t", b"inputs")
    assert load_stored("t", key, build, folder=tmp_path) == table
    again = Builds({"other": 1})
    assert load_stored("t", key, again, folder=tmp_path) == table
    assert (build.calls, again.calls) == (1, 0)


def test_changed_inputs_give_another_key_and_a_rebuild(tmp_path: Path) -> None:
    load_stored("t", stored_key("t", b"v1"), Builds([1]), folder=tmp_path)
    rebuilt = Builds([2])
    assert load_stored("t", stored_key("t", b"v2"), rebuilt, folder=tmp_path) == [2]
    assert rebuilt.calls == 1


def test_key_parts_do_not_run_together() -> None:
    assert stored_key("ab", "c") != stored_key("a", "bc")
    assert stored_key("a") == stored_key(b"a")


@pytest.mark.parametrize("damage", ["truncate", "flip", "empty", "garbage", "other_key"])
def test_a_damaged_or_foreign_file_is_rebuilt_not_trusted(tmp_path: Path, damage: str) -> None:
    key = stored_key("t", b"inputs")
    load_stored("t", key, Builds({"right": 1}), folder=tmp_path)
    path = stored_path("t", key, tmp_path)
    data = path.read_bytes()
    if damage == "truncate":
        path.write_bytes(data[:-3])
    elif damage == "flip":  # a byte of the payload changed: the digest no longer matches
        path.write_bytes(data[:-1] + bytes([data[-1] ^ 0xFF]))
    elif damage == "empty":
        path.write_bytes(b"")
    elif damage == "garbage":
        path.write_bytes(os.urandom(len(data)))
    else:  # an intact file of another key copied under this name
        other = stored_key("t", b"other inputs")
        load_stored("t", other, Builds({"wrong": 1}), folder=tmp_path)
        path.write_bytes(stored_path("t", other, tmp_path).read_bytes())
    build = Builds({"right": 2})
    assert load_stored("t", key, build, folder=tmp_path) == {"right": 2}
    assert build.calls == 1
    # and the rebuilt table replaced the bad file
    assert load_stored("t", key, Builds(None), folder=tmp_path) == {"right": 2}


def test_an_unwritable_folder_still_gives_the_table(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    build = Builds([1, 2])
    assert load_stored("t", stored_key("t"), build, folder=blocker / "sub") == [1, 2]
    assert load_stored("t", stored_key("t"), build, folder=blocker / "sub") == [1, 2]
    assert build.calls == 2


def test_no_temporary_file_is_left(tmp_path: Path) -> None:
    load_stored("t", stored_key("t"), Builds([1]), folder=tmp_path)
    assert [p.suffix for p in tmp_path.iterdir()] == [".marshal"]


def test_the_default_folder_is_the_config_one(monkeypatch: pytest.MonkeyPatch,
                                              tmp_path: Path) -> None:
    monkeypatch.setattr(stored.config, "BUILT_CACHE", tmp_path / "built")
    load_stored("t", stored_key("t"), Builds([1]))
    assert stored_path("t", stored_key("t")).parent == tmp_path / "built"
    assert stored_path("t", stored_key("t")).is_file()


def test_the_gazetteer_read_back_equals_the_one_built(monkeypatch: pytest.MonkeyPatch,
                                                      tmp_path: Path) -> None:
    from helpers.places import gazetteer

    monkeypatch.setattr(stored.config, "BUILT_CACHE", tmp_path)
    built = gazetteer._build_gazetteer()
    for attempt in range(2):  # the first builds and writes, the second reads the file
        gazetteer.load_gazetteer.cache_clear()
        try:
            read = gazetteer.load_gazetteer()
        finally:
            gazetteer.load_gazetteer.cache_clear()
        assert list(read.full.items()) == list(built.full.items()), attempt
        assert list(read.alias.items()) == list(built.alias.items())
        assert list(read.codes.items()) == list(built.codes.items())
        assert read.forms == built.forms
        assert read._ends.pattern == built._ends.pattern
        assert (read._lengths, read._longest) == (built._lengths, built._longest)
    assert any(p.name.startswith("gazetteer-") for p in tmp_path.iterdir())


def test_only_the_tables_used_last_are_kept(tmp_path: Path) -> None:
    keys = [stored_key("t", str(i)) for i in range(stored.STORED_KEPT + 2)]
    for i, key in enumerate(keys):
        load_stored("t", key, Builds([i]), folder=tmp_path)
        os.utime(stored_path("t", key, tmp_path), ns=(i * 10**9, i * 10**9))
    load_stored("t", keys[0], Builds(None), folder=tmp_path)  # rebuilt (pruned), used last now
    load_stored("other", stored_key("other"), Builds([1]), folder=tmp_path)  # another name
    kept = {p.name for p in tmp_path.iterdir()}
    newest = {stored_path("t", k, tmp_path).name for k in keys[-(stored.STORED_KEPT - 1):]}
    assert stored_path("t", keys[0], tmp_path).name in kept
    assert newest <= kept
    assert len([n for n in kept if n.startswith("t-")]) == stored.STORED_KEPT
    assert stored_path("other", stored_key("other"), tmp_path).name in kept

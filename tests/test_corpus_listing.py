"""Which files of a corpus folder are pages (``corpus.list_pages``): nothing read by accident,
nothing skipped unsaid.

Pages are the ``.txt`` files; every other entry of the folder (notes, tables, dot-files,
subfolders, broken links, pipes) is listed in one ``CorpusError`` with the reason for each,
unless it is a named housekeeping file or the user names it with ``ignore=``.  The folders are
built in ``tmp_path`` from a page typed here.
"""

from __future__ import annotations

import os
import socket
import warnings
from pathlib import Path

import pytest

from helpers import CorpusError, check_corpus, load_corpus
from helpers.corpus import CORPUS_SUFFIXES, HOUSEKEEPING_FILES, list_pages

PAGE = (
    "今年以来，宁乡市坚持和发展新时代“枫桥经验”，全市 ２８ 个乡镇\n\n"
    "建立矛盾纠纷调处化解中心，化解率达 ９８．６％。\n\n"
    "（周 敏 李建华）\n\n"
    "宁乡：矛盾纠纷就地化解\n"
)


def _folder(tmp_path: Path, *names: str) -> Path:
    """A corpus folder holding the page ``p1.txt`` and text files ``names``."""
    folder = tmp_path / "raw"
    folder.mkdir()
    (folder / "p1.txt").write_text(PAGE, encoding="utf-8")
    for name in names:
        (folder / name).write_text("写给自己的备注：第二批页面待补。\n", encoding="utf-8")
    return folder


def _refused(folder: Path, **kwargs: object) -> CorpusError:
    with pytest.raises(CorpusError) as info:
        list_pages(folder, **kwargs)
    assert info.value.path == folder
    assert str(folder) in str(info.value)
    return info.value


def test_corpus_suffixes_are_text_and_tables():
    assert CORPUS_SUFFIXES == (".txt", ".csv", ".tsv", ".xlsx", ".jsonl", ".parquet")


@pytest.mark.parametrize("name", ["index.html", "notes.md", "page.pdf", "p2.text", "README"])
def test_other_extensions_are_refused_not_read(tmp_path, name):
    folder = _folder(tmp_path, name)
    err = _refused(folder)
    assert name in err.message and "extension" in err.message
    with pytest.raises(CorpusError, match=name.replace(".", r"\.")):
        load_corpus(folder)  # no invented article such as "index-01"
    with pytest.raises(CorpusError, match=name.replace(".", r"\.")):
        check_corpus(folder)


def test_every_offending_entry_is_listed_in_one_error(tmp_path):
    folder = _folder(tmp_path, "index.html", "notes.md", ".hidden.txt")
    (folder / "x.txt").mkdir()
    (folder / "old").mkdir()
    (folder / "dangling.txt").symlink_to(folder / "gone.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    os.mkfifo(folder / "pipe.txt")
    err = _refused(folder)
    lines = err.message.splitlines()
    expected = {
        ".hidden.txt": "hidden", "dangling.txt": "dangling", "index.html": "extension",
        "loop.txt": "loop", "notes.md": "extension", "old": "subfolder",
        "pipe.txt": "FIFO", "x.txt": "directory",
    }
    for name, why in expected.items():
        line = next((ln for ln in lines if ln.strip().startswith(f"{name}:")), None)
        assert line is not None, (name, err.message)
        assert why in line, (name, line)
    assert "p1.txt" not in err.message
    assert "ignore=" in err.message  # says how to name them


def test_socket_is_refused(tmp_path):
    folder = _folder(tmp_path)
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(folder / "s.txt"))
        assert "socket" in _refused(folder).message
    finally:
        sock.close()


@pytest.mark.parametrize("make", ["dangling", "loop", "fifo", "directory"])
def test_odd_entries_alone_are_refused_not_skipped(tmp_path, make):
    """The cases the fault sweep saw vanish: each alone in a folder with a good page."""
    folder = _folder(tmp_path)
    entry = folder / "x.txt"
    if make == "dangling":
        entry.symlink_to(folder / "nowhere.txt")
    elif make == "loop":
        entry.symlink_to(entry)
    elif make == "fifo":
        os.mkfifo(entry)
    else:
        entry.mkdir()
    assert "x.txt" in _refused(folder).message


def test_symlink_to_a_page_is_a_page(tmp_path):
    folder = _folder(tmp_path)
    (tmp_path / "elsewhere.txt").write_text(PAGE, encoding="utf-8")
    (folder / "p2.txt").symlink_to(tmp_path / "elsewhere.txt")
    assert [p.name for p in list_pages(folder)] == ["p1.txt", "p2.txt"]


def test_upper_case_extension_is_a_page(tmp_path):
    folder = _folder(tmp_path)
    (folder / "P2.TXT").write_text(PAGE, encoding="utf-8")
    assert [p.name for p in list_pages(folder)] == ["P2.TXT", "p1.txt"]


def test_housekeeping_files_are_named_and_left_out(tmp_path):
    folder = _folder(tmp_path, *HOUSEKEEPING_FILES)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # documented names: no warning either
        assert [p.name for p in list_pages(folder)] == ["p1.txt"]
    assert ".gitkeep" in HOUSEKEEPING_FILES and ".DS_Store" in HOUSEKEEPING_FILES


def test_housekeeping_name_on_a_directory_is_refused(tmp_path):
    folder = _folder(tmp_path)
    (folder / ".gitkeep").mkdir()
    assert ".gitkeep" in _refused(folder).message


def test_ignore_patterns_leave_entries_out_and_say_so(tmp_path):
    folder = _folder(tmp_path, "index.html", "notes.md", ".hidden.txt")
    (folder / "old").mkdir()
    (folder / "dangling.txt").symlink_to(folder / "gone.txt")
    with pytest.warns(UserWarning) as record:
        pages = list_pages(folder, ignore=["*.html", "*.md", ".*", "old", "dangling.txt"])
    assert [p.name for p in pages] == ["p1.txt"]
    said = " ".join(str(w.message) for w in record)
    for name in ("index.html", "notes.md", ".hidden.txt", "old", "dangling.txt"):
        assert name in said


def test_ignore_is_keyword_only_and_takes_one_pattern(tmp_path):
    folder = _folder(tmp_path, "notes.md")
    with pytest.raises(TypeError):
        list_pages(folder, ["*.md"])  # type: ignore[misc]
    with pytest.warns(UserWarning, match="notes.md"):
        assert len(list_pages(folder, ignore="*.md")) == 1


def test_ignore_can_leave_out_pages(tmp_path):
    folder = _folder(tmp_path)
    (folder / "draft.txt").write_text(PAGE, encoding="utf-8")
    with pytest.warns(UserWarning, match="draft.txt"):
        assert [p.name for p in list_pages(folder, ignore="draft*")] == ["p1.txt"]


def test_load_and_check_corpus_take_ignore(tmp_path):
    folder = _folder(tmp_path, "index.html")
    with pytest.warns(UserWarning, match="index.html"):
        assert list(load_corpus(folder, ignore="*.html")["article_id"]) == ["p1-01"]
    with pytest.warns(UserWarning, match="index.html"):
        assert list(check_corpus(folder, ignore="*.html")["source"]) == ["p1"]


def test_everything_ignored_is_no_pages(tmp_path):
    folder = _folder(tmp_path)
    with pytest.warns(UserWarning), pytest.raises(CorpusError, match="no corpus files"):
        list_pages(folder, ignore="*")


def test_subfolders_are_not_read(tmp_path):
    folder = _folder(tmp_path)
    (folder / "2021").mkdir()
    (folder / "2021" / "p9.txt").write_text(PAGE, encoding="utf-8")
    err = _refused(folder)
    assert "2021" in err.message and "subfolder" in err.message


def test_explicit_file_is_read_whatever_its_extension(tmp_path):
    page = tmp_path / "page.text"
    page.write_text(PAGE, encoding="utf-8")
    assert list_pages(page) == [page]
    assert list(load_corpus(page)["article_id"]) == ["page-01"]


def test_explicit_odd_paths_raise_naming_them(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(CorpusError, match="FIFO") as info:
        list_pages(fifo)
    assert info.value.path == fifo
    dangling = tmp_path / "d.txt"
    dangling.symlink_to(tmp_path / "gone.txt")
    with pytest.raises(CorpusError, match="dangling"):
        list_pages(dangling)


def test_seed_folder_alone_is_fine():
    seed = Path(__file__).parent / "fixtures" / "seed"
    assert [p.name for p in list_pages(seed)] == ["000_ae97290bc4d96e06.txt"]


def test_files_researchers_bring_get_a_hint(tmp_path):
    """An old Excel workbook or a Word document is refused with what to save it as."""
    folder = _folder(tmp_path, "export.xls", "report.docx")
    err = _refused(folder)
    assert "export.xls: extension is not a corpus file extension" in err.message
    assert "save it as .xlsx or .csv" in err.message
    assert "report.docx" in err.message and "save its text as .txt" in err.message

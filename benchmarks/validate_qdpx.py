"""Validate a REFI-QDA file against the REFI consortium's XML schema.

    python benchmarks/validate_qdpx.py SCHEMA.xsd FILE [FILE ...]

FILE is a project (``.qdpx``: its ``project.qde`` is validated, and every ``internal://`` text
path is checked to exist in the archive), a bare ``project.qde``, or a codebook (``.qdc``).
SCHEMA is ``Project-mrt2019.xsd`` for projects and ``Codebook-mrt2019.xsd`` for codebooks.

The schema files are not part of this repository (they are the REFI consortium's): bring a copy
in for the check.  The validator is the maintained ``xmlschema`` package (or ``lxml`` when it
is importable and ``--lxml`` is given); neither is a dependency of the project: install one
beside it, e.g. ``pip install --target /tmp/qdaval xmlschema`` and run with
``PYTHONPATH=/tmp/qdaval``.  ``--export-seed OUT.qdpx`` (and ``--export-qdc OUT.qdc``) first
write the export of the project's corpus (``config.CORPUS_RAW``) with ``helpers.qda``, then
validate those.  Exit status 0 when every file is valid, 1 otherwise.
"""

from __future__ import annotations

import argparse
import sys
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def project_xml(path: Path) -> tuple[bytes, list[str]]:
    """The XML to validate and the problems found outside the schema (missing source files)."""
    if not zipfile.is_zipfile(path):
        return path.read_bytes(), []
    with zipfile.ZipFile(path) as zf:
        names = {n.lower(): n for n in zf.namelist()}
        member = names.get("project.qde")
        if member is None:
            return b"", [f"{path}: no project.qde in the archive"]
        data = zf.read(member)
    problems = []
    import xml.etree.ElementTree as ET

    for el in ET.fromstring(data).iter():
        where = el.get("plainTextPath") or el.get("path")
        if where and where.startswith("internal://"):
            wanted = "sources/" + where.removeprefix("internal://")
            if wanted.lower() not in names:
                problems.append(f"{path}: {where} is not in the archive")
    return data, problems


def validate(schema_path: Path, path: Path, use_lxml: bool) -> list[str]:
    data, problems = project_xml(path)
    if not data:
        return problems
    if use_lxml:
        from lxml import etree

        schema = etree.XMLSchema(etree.parse(str(schema_path)))
        doc = etree.fromstring(data)
        if not schema.validate(doc):
            problems += [f"{path}: line {e.line}: {e.message}" for e in schema.error_log]
        return problems
    import xmlschema

    schema = xmlschema.XMLSchema(str(schema_path))
    problems += [f"{path}: {e.path}: {e.reason}" for e in schema.iter_errors(data.decode("utf-8"))]
    return problems


def export_seed(qdpx: Path | None, qdc: Path | None) -> None:
    import helpers
    from helpers import config, qda

    if qdpx is not None:
        articles = helpers.load_corpus(config.CORPUS_RAW)
        segments = helpers.code_segments(articles)
        qda.export_qdpx(qdpx, articles, segments)
        print(f"wrote {qdpx}: {len(articles)} articles, {len(segments)} segments")
    if qdc is not None:
        qda.export_qdc(qdc)
        print(f"wrote {qdc}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("schema", type=Path, help="Project-mrt2019.xsd or Codebook-mrt2019.xsd")
    parser.add_argument("files", type=Path, nargs="*", help=".qdpx, .qde or .qdc files")
    parser.add_argument("--lxml", action="store_true", help="validate with lxml, not xmlschema")
    parser.add_argument("--export-seed", type=Path, help="first export the corpus to this .qdpx")
    parser.add_argument("--export-qdc", type=Path, help="first export the codebook to this .qdc")
    args = parser.parse_args(argv)
    export_seed(args.export_seed, args.export_qdc)
    files = [*args.files, *(p for p in (args.export_seed, args.export_qdc) if p is not None)]
    if not files:
        parser.error("no file to validate")
    failed = 0
    for path in files:
        problems = validate(args.schema, path, args.lxml)
        print(f"{path}: {'valid' if not problems else 'INVALID'} against {args.schema.name}")
        for problem in problems[:50]:
            print("  " + problem)
        failed += bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

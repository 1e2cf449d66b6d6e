"""Reading a corpus's files: the three input formats and what comes with them.

- ``page``: text extracted from an e-paper page (``helpers.layout`` rebuilds its articles);
- ``article``: one article per text file, as scraped from a site (``article``: title, header
  lines, paragraphs);
- ``table``: a database export, one article per row (``tables``: CSV/TSV, XLSX, JSONL, Parquet).

Around them: the format of a file (``detect``), the folder's ``metadata.yaml`` (``metadata``),
page and site debris (``furniture``), header lines (``headers``), publication dates (``dates``)
and the dateline that opens a report (``datelines``).  ``helpers.corpus`` puts them together.
"""

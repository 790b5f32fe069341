"""Comparison tables that read on a phone: each body cell names its column.

A four-column table on a 320 px screen leaves each column too narrow for its longest words. With
the column's header on every cell (`data-label`), the stylesheet can show each row as a card
instead ("Servers: EC2 (you manage) or Fargate"), and the table stays a table everywhere else.
"""

from __future__ import annotations

import html
import re

TABLE = re.compile(r"<table(?P<attributes>\s[^>]*)?>(?P<body>.*?)</table>", re.S)
ROW = re.compile(r"<tr>(?P<cells>.*?)</tr>", re.S)
HEADER_CELL = re.compile(r"<th\b[^>]*>(?P<text>.*?)</th>", re.S)
BODY_CELL = re.compile(r"<td\b")
TAG = re.compile(r"<[^>]+>")


def plain_text(fragment: str) -> str:
    return " ".join(html.unescape(TAG.sub("", fragment)).split())


def label_row(row: re.Match, headers: list[str]) -> str:
    cells = iter(headers)

    def label(cell: re.Match) -> str:
        header = next(cells, "")
        return f'<td data-label="{html.escape(header, quote=True)}"' if header else cell.group(0)

    return "<tr>" + BODY_CELL.sub(label, row["cells"]) + "</tr>"


def label_table(table: re.Match) -> str:
    body = table["body"]
    first_row = ROW.search(body)
    headers = [plain_text(cell["text"]) for cell in HEADER_CELL.finditer(first_row["cells"])] if first_row else []
    if not any(headers):
        return table.group(0)
    opening = f"<table{table['attributes'] or ''}>"
    return opening + ROW.sub(lambda row: label_row(row, headers), body) + "</table>"


def label_table_cells(page_html: str) -> str:
    """Give every body cell of a table its column's header text (its first row's) as `data-label`."""
    return TABLE.sub(label_table, page_html) if "<table" in page_html else page_html

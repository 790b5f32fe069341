"""Table cells that name their column (notekit.tables), for the phone layout of comparison tables."""

from __future__ import annotations

from notekit.tables import label_table_cells

TABLE = """<table>
<thead>
<tr>
<th></th>
<th style="text-align: left;">Amazon <abbr title="Simple Notification Service">SNS</abbr></th>
<th>Q &amp; A "x"</th>
</tr>
</thead>
<tbody>
<tr>
<td>Model</td>
<td style="text-align: left;">Publish/subscribe</td>
<td></td>
</tr>
</tbody>
</table>"""


def test_each_body_cell_gets_its_columns_header_as_plain_text():
    labelled = label_table_cells("<p>before</p>\n" + TABLE + "\n<p>after</p>")
    assert "<td>Model</td>" in labelled  # the first column has no header: the row's own name
    assert '<td data-label="Amazon SNS" style="text-align: left;">Publish/subscribe</td>' in labelled
    assert '<td data-label="Q &amp; A &quot;x&quot;"></td>' in labelled
    assert labelled.startswith("<p>before</p>") and labelled.endswith("<p>after</p>")
    assert "<th" in labelled and "data-label" not in labelled.split("<tbody>")[0]


def test_every_table_of_a_page_is_labelled_and_other_markup_is_left_alone():
    page = TABLE + "\n" + TABLE.replace("Model", "Flow")
    assert label_table_cells(page).count('data-label="Amazon SNS"') == 2
    assert label_table_cells("<p>No table here</p>") == "<p>No table here</p>"
    headless = "<table><tbody><tr><td>a</td></tr></tbody></table>"
    assert label_table_cells(headless) == headless
    raw = '<table id="t"><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>'
    assert label_table_cells(raw) == raw.replace("<td>", '<td data-label="A">', 1).replace(
        "<td>2", '<td data-label="B">2'
    )


def test_the_built_comparison_tables_label_every_cell(pages):
    for source, page in pages.items():
        for table in page.article.find_all("table"):
            headers = [th.get_text(" ", strip=True) for th in table.find("thead").find_all("th")]
            for row in table.find("tbody").find_all("tr"):
                labels = [td.get("data-label") for td in row.find_all("td")]
                assert labels == [header or None for header in headers], f"{source}: {labels} for {headers}"

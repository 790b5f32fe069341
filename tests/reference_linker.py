"""The linker's rules written the slow, obvious way, as the oracle for tests/test_linker.py.

It walks every tag of the page and keeps a stack of open elements, as the linker did before it
learned to look only at the elements that matter (notekit/html_scan.py); what a name found in
text becomes is the linker's own `_mention`, so the two differ only in where they think text is.
"""

from __future__ import annotations

from typing import NamedTuple

from notekit.html_scan import RAW_TEXT, TAG_NAME, TOKEN, VOID, attributes
from notekit.linker import (
    CLASSES,
    EXPLICIT_SCHEME,
    NEAR_EXPLICIT_SCHEME,
    UNLINKED,
    UNTOUCHED,
    LinkedPage,
    Section,
    TermLinker,
)

HEADINGS = {f"h{level}": level for level in range(1, 7)}


class Element(NamedTuple):
    name: str
    untouched: bool
    unlinked: bool


OUTSIDE = Element("", untouched=False, unlinked=False)


class WalkingLinker(TermLinker):
    def link(self, page_html, source, href, within="", tooltips=True) -> LinkedPage:
        result = LinkedPage(html="")
        out: list[str] = []
        stack: list[Element] = []
        sections: list[tuple[int, str]] = [(0, within)]
        state = {"section": Section(ids={within}, linked=set(), link_openings={}, href=href, tooltips=tooltips)}
        position = 0

        def text(raw: str) -> str:
            inner = stack[-1] if stack else OUTSIDE
            if inner.untouched:
                return raw
            pieces, last = [], 0
            for found in self.matcher.find(raw):
                words = raw[found.start : found.end]
                wrapped = self._mention(words, found.form, state["section"], not inner.unlinked, result)
                if wrapped is not None:
                    pieces += [raw[last : found.start], wrapped]
                    last = found.end
            return "".join(pieces) + raw[last:]

        while (token := TOKEN.search(page_html, position)) is not None:
            out.append(text(page_html[position : token.start()]))
            tag, position = token.group(), token.end()
            if tag.startswith(("<!", "<?")):
                out.append(tag)
                continue
            name = TAG_NAME.match(tag).group(1).lower()
            if tag.startswith("</"):
                for depth in range(len(stack) - 1, -1, -1):
                    if stack[depth].name == name:
                        del stack[depth:]
                        break
                out.append(tag)
                continue
            attrs = attributes(tag)
            target = attrs.get("href", "") if name == "a" else ""
            if target.startswith(EXPLICIT_SCHEME):
                tag = self._explicit_reference(tag, attrs, source, href, result)
            elif NEAR_EXPLICIT_SCHEME.match(target):
                result.problems.append(
                    f"{source}: a link to '{target}' is not a term reference: write it 'term:<id>', in lowercase"
                )
            out.append(tag)
            if name in HEADINGS and attrs.get("id"):
                while sections and sections[-1][0] >= HEADINGS[name]:
                    sections.pop()
                sections.append((HEADINGS[name], attrs["id"]))
                ids = {section_id for _, section_id in sections}
                state["section"] = state["section"]._replace(ids=ids, linked=set())
            if name in RAW_TEXT:
                closing = page_html.find(f"</{name}", position)
                closing = len(page_html) if closing < 0 else closing
                out.append(page_html[position:closing])
                position = closing
                continue
            if name in VOID or tag.endswith("/>"):
                continue
            kinds = {CLASSES[c] for c in attrs.get("class", "").split() if c in CLASSES}
            parent = stack[-1] if stack else OUTSIDE
            untouched = parent.untouched or name in UNTOUCHED or "untouched" in kinds
            stack.append(Element(name, untouched, parent.unlinked or name in UNLINKED or "unlinked" in kinds))
        out.append(text(page_html[position:]))
        result.html = "".join(out)
        return result

"""The study page as the browser tests drive it: open it, read its cards and saved progress, pick
families, switch to the quiz."""

from __future__ import annotations

import re


def open_study(page, site_url) -> None:
    page.goto(site_url + "study/")
    page.locator("#study-app").wait_for(state="visible")


def saved(page) -> dict:
    """The progress as study.js saved it, through Material's own storage helper."""
    return page.evaluate("() => __md_get('study')") or {}


def boxes(page) -> dict[str, int]:
    return {card: value[0] for card, value in saved(page).get("cards", {}).items()}


def counts(page) -> dict[str, int]:
    text = page.locator("[data-counts]").inner_text()
    return {word.lower(): int(number) for word, number in re.findall(r"(Known|Learning|New|of) (\d+)", text)}


def front(page) -> str:
    return page.locator(".study-front").inner_text()


def meta(page) -> str:
    return page.locator(".study-meta").inner_text()


def name_of(term: dict) -> str:
    return term["name"] + (f" ({', '.join(term['abbreviations'])})" if term["abbreviations"] else "")


def term_on_card(page, glossary) -> dict:
    return next(term for term in glossary if name_of(term) == front(page))


def choose_families(page, keep: set[str]) -> None:
    page.locator(".study-options-box summary").click()
    boxes_ = page.locator("[data-families] input")
    for i in range(boxes_.count()):
        label = page.locator("[data-families] label").nth(i).inner_text()
        boxes_.nth(i).set_checked(label.rsplit(" (", 1)[0] in keep)
    # The shortcuts stay out of a focused checkbox's way: leave it, as a reader clicking elsewhere.
    page.evaluate("() => document.activeElement.blur()")


def start_quiz(page) -> None:
    page.get_by_role("radio", name="Quiz").check()
    page.evaluate("() => document.activeElement.blur()")

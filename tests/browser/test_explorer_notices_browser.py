"""The explorer in JupyterLab shows what a reader must know first (notices, repairs made while
reading) and reads a synonym swap as an equivalent, not as a change."""

from __future__ import annotations

import json

import pytest
from lab_driver import KERNEL_IDLE, run_all

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CELL = '''
from drift.diffing import word_diff
from drift.report import (Comparison, Document, Link, ModelInfo, Notice, Repair, Report, Sentence,
                          WordPair)

def doc(doc_id, role, text, language, **kw):
    return Document(doc_id, role, text, (Sentence(0, len(text)),), language, **kw)

base = doc("base", "base", "The tiny village was quiet on Sunday.", "en",
           encoding="cp1252", repairs=(Repair("mojibake", "“didnâ€™t” read back as “didn’t” (ftfy)", 3),))
rewrite = doc("rewrite", "rewrite", "The small village was loud on Sunday.", "en")
arabic = doc("ar", "rewrite", "كانت القرية الصغيرة هادئة يوم الأحد.", "ar")
def span(d, w):
    i = d.text.index(w)
    return (i, i + len(w))
words = (WordPair(span(base, "tiny"), span(rewrite, "small"), "synonym"),
         WordPair(span(base, "quiet"), span(rewrite, "loud"), "antonym"))
link = Link((0,), (0,), 0.9, 0.3, diff=tuple(word_diff(base.text, rewrite.text)), words=words)
ar_link = Link((0,), (0,), 0.8, 0.1, diff=tuple(word_diff(base.text, arabic.text)))
report = Report((base, rewrite, arabic),
                (Comparison("base", "rewrite", 0.3, (link,)), Comparison("base", "ar", 0.1, (ar_link,))),
                ModelInfo("test", 3),
                notices=(Notice("language-not-covered", "Hindi is not among the languages", "ar"),))
report.explore()
'''


def test_notices_repairs_and_equivalent_words(lab, browser, screenshots):
    notebook = {"cells": [{"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [],
                           "source": CELL}],
                "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                            "language": "python"}},
                "nbformat": 4, "nbformat_minor": 5}
    (lab.root / "notices.ipynb").write_text(json.dumps(notebook), encoding="utf-8")
    context = browser.new_context(viewport={"width": 1300, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    lab.start_kernel("notices.ipynb")
    page.goto(f"{lab.url}/lab/tree/notices.ipynb?reset")
    page.wait_for_function(KERNEL_IDLE, timeout=120_000)
    run_all(page, screenshots)
    root = page.locator(".drift-explorer").first
    page.wait_for_selector(".drift-explorer [data-drift-link]", timeout=60_000)
    page.wait_for_timeout(800)
    root.screenshot(path=str(screenshots / "explorer_notices.png"))
    notices = root.locator(".dx-notices .dx-notice")
    assert notices.count() == 2
    assert "Hindi is not" in notices.nth(0).inner_text()
    assert "mojibake ×3" in notices.nth(1).inner_text() and "ftfy" in notices.nth(1).inner_text()
    # the synonym is muted with its relation on hover; the antonym stays a deletion + insertion
    equiv = root.locator(".dx-text .dx-equiv")
    assert equiv.count() == 2
    assert "synonym" in equiv.first.get_attribute("title")
    assert root.locator(".dx-text del", has_text="quiet").count() == 1
    assert root.locator(".dx-text ins", has_text="loud").count() == 1
    assert errors == []
    context.close()

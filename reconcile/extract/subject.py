"""Market names: "The global personalized medicine market size …" -> "personalized medicine".

A subject key is lower-cased, singular and free of region words, so "Personalized
Medicines Market" and "personalized medicine market" give the same key. Merging close
spellings across documents is done later, with rapidfuzz, in ``normalize``.
"""

from __future__ import annotations

import re

from ..regions import RegionTable

# not "mass-market", "go-to-market"; nor "the Swiss market leader": a role
_MARKET = re.compile(r"(?<![\w-])(?:markets?|industry)\b(?![ \t]+(?:leaders?|leadership|players?|participants?|"
                     r"makers?|caps?|capitali[sz]ation|sentiment|conditions|watchers?|observers?|researchers?)\b)",
                     re.IGNORECASE)
_SPENDING_ON = re.compile(r"\b[Ss]pending\s+on\s+((?:[\w&'/-]+,?\s+){1,5}[\w&'/-]+)")
#: A name, then the size it will reach as a market: "Bio-based adhesives to become a USD 10 billion ".
_SIZED_MARKET = re.compile(r"((?:[\w&'/-]+[ \t]+){1,6}?)(?:to[ \t]+(?:become|be|reach|hit|top|surpass|exceed)|is|are|will[ \t]+be|"
                           r"becomes?|now)[ \t]+(?:an?[ \t]+)?(?:(?:USD|US\$|\$|EUR|€|£|GBP)[ \t]?)?[\d.,]+[ \t]*"
                           r"(?:billion|million|trillion|bn|mn|b|m)?(?:[ \t]+(?:dollar|euro))?[ \t]+$", re.IGNORECASE)
_MARKET_FOR = re.compile(r"\bmarkets?\s+for\s+((?:[\w&'/-]+\s+){0,3}[\w&'/-]+)", re.IGNORECASE)
# "$4.4b", "4.4b", "5.", "2024": figures, list markers and years end a name ("3d printer" does not).
_FIGURE_TOKEN = re.compile(r"^(?:\$\S*\d|\d+[.,]\d|\d+\.?$)")
_WORD = re.compile(r"[\w&'/.-]+|[^\w\s]")


def singular(word: str) -> str:
    if len(word) <= 3 or not word.endswith("s") or word.endswith(("ss", "us", "is", "ics", "'s")):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("sses"):
        return word[:-2]
    return word[:-1]


class SubjectFinder:
    """Finds market names in text and reduces them to subject keys."""

    def __init__(self, regions: RegionTable, extract: dict) -> None:
        subj = extract.get("subjects", {})
        self.drop = {w.lower() for w in subj.get("drop", [])}
        self.stop = {w.lower() for w in subj.get("stop", [])}
        self.not_names = {w.lower() for w in subj.get("not_names", [])}
        self.regions = regions
        self.firm_words = set(subj.get("firm_words", []))
        firms = "|".join(re.escape(w) for w in subj.get("firm_words", [])) or "(?!x)x"
        reports = "|".join(re.escape(w) for w in subj.get("report_words", [])) or "(?!x)x"
        # "Market" in a research firm's name ("Castellan Market Intelligence"), not a market's
        self.firm_after = re.compile(rf"[ \t]+(?:{firms})\b(?![ \t]+(?:{reports}))")

    def key(self, phrase: str) -> str:
        """Normalize a market name: no region words, no leading adjectives, singular, lower-case."""
        for s, e, _ in reversed(self.regions.find(phrase)):
            phrase = phrase[:s] + " " + phrase[e:]
        raw = [w.strip("*_`\"'“”‘’()[]") for w in phrase.split()]
        # An acronym as written ("CIGS", "SaaS", "iPhones" with a capital inside) is not
        # singularized like a word.
        words = [(w.lower().replace("&", "and"), len(w) > 1 and (w.isupper() or any(c.isupper() for c in w[1:])))
                 for w in raw if w and w not in ("-", "|")]
        while words and words[0][0] in self.drop:
            words.pop(0)
        if len(words) == 1 and words[0][0] in self.not_names:
            return ""
        return " ".join(w if acro else singular(w) for w, acro in words)

    def phrases(self, text: str) -> list[tuple[int, str]]:
        """Market names in ``text`` as ``(offset of "market", key)``; empty keys are left out."""
        out = []
        for m in _MARKET.finditer(text):
            if text[m.start()] == "M" and self.firm_after.match(text, m.end()):
                continue  # "Castellan Market Intelligence", "Allied Market Research": a firm, not a market
            before = text[max(0, m.start() - 120) : m.start()].rsplit("\n", 1)[-1]  # a name is on one line
            tokens = _WORD.findall(before)
            if len(tokens) >= 4 and tokens[-1] == ")" and tokens[-3] == "(" and tokens[-2].isupper():
                tokens = tokens[:-3]  # "Supply Chain Management (SCM) market": the name is before its acronym
            for at in range(len(tokens) - 4, -1, -1):
                if tokens[at] == "(" and tokens[at + 2] == ")" and tokens[at + 1].isupper() and at > 0:
                    # "Negative Pressure Wound Therapy (NPWT) Devices Market": the acronym inside the name
                    tokens = tokens[:at] + tokens[at + 3 :]
                    break
            kept: list[str] = []
            for tok in reversed(tokens[-8:]):
                low = tok.lower().strip("*_`\"'“”‘’")
                if not low or not re.match(r"[\w&]", low) or low in self.stop or _FIGURE_TOKEN.match(low):
                    break  # "$4.4B market", "5. Market", "1. AI market": no figure or list marker in a name
                if low.endswith((".", ":")) and kept == [] and len(low) > 2 and low[:-1].isalpha() and low[:-1] not in ("u.s", "u.k"):
                    break  # "… this year. Market growth …": a sentence ended there
                kept.insert(0, tok)
                if len(kept) >= 6:
                    break
            if kept and kept[-1].lower() in ("&", "and", "or", "+"):
                continue  # "Ingredients & Markets" (a section's name): "markets" is one of a list, no market's name
            key = self.key(" ".join(kept))
            if not key:
                sized = _SIZED_MARKET.search(text[max(0, m.start() - 160) : m.start()])
                if sized:
                    # "Bio-based adhesives to become a USD 10 billion market": what becomes one
                    words = []
                    for w in reversed(sized.group(1).split()):
                        if w.lower().strip(",.;:*") in self.stop or not re.match(r"[\w&]", w):
                            break
                        words.insert(0, w.strip(",.;:*"))
                    key = self.key(" ".join(words[-6:]))
            if not key:
                fm = _MARKET_FOR.match(text, m.start())
                if fm:
                    words = []
                    for w in fm.group(1).split():
                        if w.lower() in self.stop:
                            break
                        words.append(w)
                    key = self.key(" ".join(words))
            if " " not in key and key.endswith("ed"):
                key = ""  # "the projected market", "the estimated market": not a name
            if key and not key.replace(" ", "").isdigit():
                out.append((m.start(), key))
        for m in _SPENDING_ON.finditer(text):  # "Spending on cloud infrastructure is expected to grow"
            words = []
            for w in m.group(1).split():
                if w.lower().strip(",.;:") in self.stop:
                    break
                words.append(w.strip(",.;:"))
            key = self.key(" ".join(words)) if len(words) >= 2 else ""
            if key:
                out.append((m.start(), key))
        return sorted(out)

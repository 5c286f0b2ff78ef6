"""Who or where a figure is about: a region, a country, a segment, a company, or global."""

from __future__ import annotations

import re

from ..regions import RegionTable
from .cues import cue_pattern

# Words that introduce an example rather than the subject: "APAC, particularly China, …".
_ASIDE = re.compile(
    r"(?:particularly|especially|notably|specifically|such\s+as|including|like|led\s+by|driven\s+by|"
    r"mainly|primarily|e\.g\.|i\.e\.|in\s+particular)[\s,:]*(?:in\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
_OF_BEFORE = re.compile(r"\bof\s+(?:the\s+)?$", re.IGNORECASE)
_LIST_GLUE = re.compile(r"^[\s,]*(?:and|or|&)?[\s,]*$", re.IGNORECASE)
_NAME = r"(?:[A-Z0-9][\w&.'’-]*)(?:\s+(?:[A-Z0-9][\w&.'’-]*|&|and|of|de)){0,4}"
_LEAD_WORDS = {
    "in", "the", "while", "and", "but", "as", "also", "however", "meanwhile", "moreover",
    "additionally", "furthermore", "by", "for", "with", "of", "on", "at", "overall", "together",
    "similarly", "likewise", "then", "whereas", "recently", "today", "currently", "notably",
}
_NOT_COMPANY = {
    "it", "this", "that", "they", "we", "the company", "company", "market", "the market",
    "industry", "report", "revenue", "sales", "it also", "he", "she", "these", "those",
    # an infobox's "Type: Public (NASDAQ: TSLY)" names the listing, not the company
    "public", "private", "listed", "public company", "publicly traded", "publicly listed", "type", "traded as",
}
_METRIC_WORDS = re.compile(
    r"\b(?:revenues?|sales|market|prices?|pricing|total|growth|share|cagr|launch|strategy|"
    r"years?|months?|founded|database|value|funding|trial|budget|summary|overview|key|"
    r"segment|region|forecast|report)\b|^(?:19|20)\d\d\b",
    re.IGNORECASE,
)
_PARAGRAPH_SUBJECT = re.compile(rf"^[\s*#>-]*({_NAME})\**(?:\s*,|\s+(?:is|has|was|stands|serves|offers|focuses|specializes|remains|provides|leads))")
_BOLD = re.compile(r"\*\*([^*\n]{2,60})\*\*")
_AFTER = re.compile(r"^\**\s*(?:CAGR\b\s*)?(?:\([^)]{0,40}\)\s*)?(?:for|in)\s+(?:the\s+)?([^\n(]{1,80})", re.IGNORECASE)
_SEGMENT = re.compile(r"((?:[\w&-]+\s+){0,3}[\w&-]+)\s+segments?\b", re.IGNORECASE)
_SEGMENT_STOP = {
    "the", "this", "that", "a", "an", "its", "of", "in", "and", "or", "each", "every", "which",
    "largest", "fastest", "fastest-growing", "growing", "leading", "dominant", "key", "major",
    "market", "segment", "other", "another", "is", "was", "by", "for", "to", "with", "end",
}


def clean_name(raw: str) -> str:
    words = raw.replace("’", "'").split()
    while words and words[0].lower() in _LEAD_WORDS:
        words.pop(0)
    name = " ".join(words).strip(" ,.;:*")
    if name.endswith("'s"):
        name = name[:-2]
    return name


class ScopeFinder:
    """Finds regions, companies and segments around a figure."""

    def __init__(self, regions: RegionTable, extract: dict) -> None:
        self.regions = regions
        after = extract.get("scope_after", {})
        self.after_stop = {w.lower() for w in after.get("stop", [])}
        self.after_not = {w.lower() for w in after.get("not_scope", [])}
        comp = extract.get("companies", {})
        describes = "|".join(re.escape(w) for w in sorted(comp.get("describes", []), key=len, reverse=True))
        story = "|".join(re.escape(w) for w in comp.get("story_verbs", [])) or "(?!x)x"
        # "Orrisdale Medical Systems raised its forecast": a story's company, its name in full
        self.story_acts = re.compile(
            rf"((?:[ \t]+(?:&[ \t]+)?[A-Z][\w&-]*){{0,3}})[ \t]+(?:also[ \t]+|now[ \t]+|on[ \t]+\w+[ \t]+)?(?:{story})\b")
        self.name_stops = {w.lower() for w in comp.get("name_stops", [])}
        # "The Queensland company reported": where a company is, not what a figure covers
        self.describes = re.compile(rf"[ \t-]*(?:{describes or '(?!x)x'})\b", re.IGNORECASE)
        verbs = "|".join(re.escape(v) for v in sorted(comp.get("verbs", []), key=len, reverse=True))
        # What a company's name is followed by when it is the subject: "Altmark grew", "Pellucid's".
        self.acts_after = re.compile(rf"['’]s\b|\s+(?:{verbs or '(?!x)x'})\b")
        # "Keldra posted", "Keldra also reported", "Keldra, the leader in Europe, posted"
        self.company_verb = re.compile(
            rf"({_NAME})(?:,\s+[^,.;]{{3,60}},)?\s+(?:(?:also|reportedly|recently|has|had)\s+)?(?:{verbs})\b")
        self.company_possessive = re.compile(
            rf"({_NAME})['’]s?\s+(?:\w+\s+){{0,2}}(?:revenues?|sales|turnover|earnings)\b"
        )
        # "Strandberg Robotics remained the segment leader, generating AMR revenue of …"
        self.company_being = re.compile(
            rf"({_NAME})\s+(?:remained|remains|was|is|became|stayed|stays)\s+(?![^,.;]*\b(?:segments?|categor(?:y|ies)|"
            rf"regions?|products?|types?|divisions?|units?|lines?|applications?|channels?)\b)[^,.;]{{3,60}},\s+"
            rf"(?:generating|posting|reporting|recording|earning|booking|bringing\s+in|with)\b")
        self.company_after = re.compile(rf"^[^.;]{{0,40}}?,\s+({_NAME})\s+(?:is|was|has|had|remains|focuses|continues|stands|holds|reported)\b")
        self.company_with = re.compile(rf"({_NAME}),?\s+with\s+(?:a|an|its|annual)?\s*(?:\w+\s+){{0,2}}(?:revenues?|sales)\b")
        self.pronoun = cue_pattern(comp.get("pronouns", []))

    # -- regions --------------------------------------------------------------------
    def region_mentions(self, text: str) -> list[tuple[int, int, str, bool]]:
        """Region mentions as ``(start, end, name, is_aside)``; asides are examples, not subjects."""
        out: list[tuple[int, int, str, bool]] = []
        prev_aside_end = None
        for s, e, name in self.regions.find(text):
            aside = bool(_ASIDE.search(text[max(0, s - 30) : s]))
            if self.describes.match(text, e):
                aside = True  # "The Queensland company reported": where it is, not what the figure covers
            if name == "Global" and _OF_BEFORE.search(text[max(0, s - 12) : s]):
                aside = True  # "39% of global revenue": the whole a share is of, not the figure's scope
            if not aside and prev_aside_end is not None and _LIST_GLUE.match(text[prev_aside_end:s]):
                aside = True
            if not aside and text[max(0, s - 1) : s] == "(" and out and out[-1][1] >= s - 3:
                aside = True  # "Asia-Pacific (APAC)": the same region again
            out.append((s, e, name, aside))
            prev_aside_end = e if aside else None
        return out

    # -- companies ------------------------------------------------------------------
    def _valid_company(self, name: str) -> bool:
        if not name or name.lower() in _NOT_COMPANY or len(name) > 60 or _METRIC_WORDS.search(name):
            return False
        if self.regions.canonical(name) or self.regions.resolve(name):
            return False
        return any(c.isalpha() for c in name) and not name.isdigit()

    def company_in(self, left: str, right: str) -> tuple[str | None, str]:
        """The company a revenue figure belongs to, from the sentence around it.

        Returns ``(name, how)`` where ``how`` is ``named`` or ``pronoun``… or ``(None, "")``.
        """
        best = None
        for pat in (self.company_verb, self.company_possessive, self.company_with, self.company_being):
            for m in pat.finditer(left):
                name = clean_name(m.group(1))
                if self._valid_company(name) and (best is None or m.start() > best[0]):
                    best = (m.start(), name)
        if best:
            return best[1], "named"
        m = self.company_after.match(right)
        if m:
            name = clean_name(m.group(1))
            if self._valid_company(name):
                return name, "named"
        return None, ""

    def bold_company(self, text: str) -> str | None:
        """The last bold name (``**Name**``) in a paragraph, the usual way blurbs introduce a company."""
        for m in reversed(list(_BOLD.finditer(text))):
            name = clean_name(m.group(1))
            if re.fullmatch(r"[A-Z]{1,2}:?", name):
                continue  # "**AK:** Last year we did …": an interview's speaker, by initials
            if self._valid_company(name):
                return name
        return None

    def paragraph_subject(self, paragraph: str) -> str | None:
        """The name a paragraph opens with ("Overhead Door, a pioneer …"), if it is a company."""
        m = _PARAGRAPH_SUBJECT.match(paragraph)
        if m:
            name = clean_name(m.group(1))
            if self._valid_company(name):
                return name
        return None

    def mentions_pronoun(self, text: str) -> bool:
        return bool(self.pronoun.search(text))

    # -- segments -------------------------------------------------------------------
    def scope_after(self, right: str) -> tuple[str, str] | None:
        """ "… CAGR for AI-driven apps vs …" -> ("segment", "AI-driven apps"); a region -> ("region", name).

        Only the words right after the figure (and an optional "CAGR") count, so a later
        clause never lends the figure its scope.
        """
        m = _AFTER.match(right)
        if not m:
            return None
        words: list[str] = []
        raws = m.group(1).split()
        for i, raw in enumerate(raws):
            w = raw.strip("*").rstrip(",.;:")
            if w == "&" and words:
                words.append(w)  # "mining & quarrying": one name
                continue
            if w.lower() in ("and", "or") and words:
                following = raws[i + 1].strip("*").rstrip(",.;:").lower() if i + 1 < len(raws) else ""
                if following and following not in self.after_stop:
                    return None  # "in North America and Europe": more than one scope
                break  # "by 1.0% in services and by 0.4% in production": the scope ends here
            if (not w or w.lower() in self.after_stop or not re.fullmatch(r"[\w&'’.-]+", w)
                    or any(c.isdigit() for c in w)):
                break
            words.append(w)
            if raw.rstrip("*")[-1:] in (",", ".", ";", ":"):
                break
        if not words or len(words) > 4 or any(w.lower() in self.after_not for w in words):
            return None
        phrase = " ".join(words)
        for candidate in (phrase, phrase + "."):  # "in the U.S.": the stop ended the abbreviation
            found = self.regions.find(candidate)
            if found:
                start, end, name = found[0]
                return ("region", name) if start == 0 and end == len(candidate) else None
        return ("segment", phrase)

    def segment_in(self, left: str) -> str | None:
        """"The AI-driven segment …" -> "AI-driven" (the nearest one before the figure)."""
        if "egment" not in left.lower():
            return None  # no "segment" in any case (most figures): the pattern cannot match
        found = None
        for m in _SEGMENT.finditer(left):
            words = m.group(1).split()
            kept: list[str] = []
            for w in reversed(words):
                if w.lower().strip(",.") in _SEGMENT_STOP:
                    break
                kept.insert(0, w.strip(",.*"))
            if kept:
                found = " ".join(kept)
        return found


_PART_STOP = {
    "was", "were", "is", "are", "by", "driven", "with", "of", "the", "its", "our", "their", "in", "for", "from",
    "to", "at", "on", "as", "while", "whereas", "that", "which", "highlighted", "including", "also", "grew",
    "increased", "decreased", "rose", "fell", "up", "down", "a", "an", "record", "said", "after", "before",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "company", "company's", "firm", "firm's", "group's", "maker", "manufacturer", "business's",
}
PERIODISH = re.compile(r"^(?:(?:FY|Q[1-4]|H[12])(?:'?\d{2,4}[AEae]?)?|[1-4]Q(?:\d{2,4})?[AEae]?|(?:19|20)\d{2}[AE]?|(?:first|second|third|fourth|full)-(?:quarter|year|half))$",
                        re.IGNORECASE)
_PART_VERBS = {"reported", "posted", "generated", "recorded", "delivered", "achieved", "booked", "earned", "saw",
               "had", "made", "announced", "expects", "expected", "guided", "said", "reports", "posts"}
_PART_SKIP = {"quarterly", "annual", "total", "net", "gaap", "non-gaap", "reported", "fiscal", "overall",
              "adjusted", "diluted", "basic", "organic", "underlying", "worldwide", "global", "consolidated",
              "group", "statutory", "ifrs", "headline", "core", "recurring", "comparable", "segment", "division"}
_IN_PART = re.compile(r"^\s+in\s+((?:[A-Z][\w&'’-]*)(?:\s+(?:[A-Z][\w&'’-]*|and|&|of)){0,5})\s+(?:was|were|grew|increased|"
                      r"decreased|rose|fell|reached|totaled|totalled)\b")


def _named(word: str) -> bool:
    """A word that can start a name: capitalised, or an inner capital ("iPhone", "eBay")."""
    return any(c.isupper() for c in word[:2])


def part_before(left: str, cue_start: int, right_of_cue: str, company: str) -> str | None:
    """The segment or product a company figure belongs to, named around its measure word.

    "Devices revenue decreased 11%" -> "Devices"; "Azure and other cloud services revenue
    growth of 29%" -> "Azure and other cloud services"; "Revenue in Intelligent Cloud was
    $28.5 billion" -> "Intelligent Cloud". The company's own name is no part.
    """
    m = _IN_PART.match(right_of_cue)
    if m:
        return m.group(1) if m.group(1).lower() != company.lower() else None
    words = re.findall(r"[\w&'’-]+|[^\w\s]", left[max(0, cue_start - 80) : cue_start])
    kept: list[str] = []
    stop = ""
    for w in reversed(words):
        low = w.lower()
        if not kept and low in _PART_SKIP:
            continue
        if not re.match(r"[\w&]", w) or low in _PART_STOP or low in _PART_VERBS or PERIODISH.match(w):
            stop = w
            break  # "Pellucid reported FY2025 revenue": a verb or a period ends the name
        if low in ("and", "&") and kept and _named(kept[0]):
            break  # "bookings and Microsoft Cloud": the list ends at a name
        kept.insert(0, w)
        if len(kept) >= 7:
            break
    if stop in (";", "•") and 0 < len(kept) <= 4 and not any(_named(w) for w in kept) \
            and not any(w.lower() in _PART_SKIP for w in kept) and kept[0].lower() not in ("and", "&"):
        # "…; software and services revenue of $22.3 million": a clause that opens with a
        # lower-case name before the measure word names a part too
        return " ".join(kept)
    while kept and not _named(kept[0]):
        kept.pop(0)
    if not kept or kept[0].lower() in ("and", "&"):
        return None
    name = " ".join(kept)
    if name.lower() in (company.lower(), company.lower() + "'s") or not any(c.isalpha() for c in name):
        return None
    if kept[0].lower() in ("total", "group", "consolidated", "overall"):
        return None  # "Total operating revenue": the whole, however its line is named
    return name

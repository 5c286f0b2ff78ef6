"""Everything extraction knows about words, compiled once from the settings.

The finders (quantities, times, regions, scopes, market names) and the decisions made
from cue words around a figure: its measure, whether it is a decline, what a rate of
change compares with, and whether it is reported, adjusted or in constant currency.
"""

from __future__ import annotations

import re

from ..config import Settings
from ..regions import RegionTable
from ..textmatch import fold_words as _fold, phrase_pattern
from ..units import UnitTable
from .components import ComponentFinder
from .listed import ListedParts
from .cues import Cues, cue_pattern
from .quantities import QuantityFinder
from .scope import ScopeFinder
from ..nouns import singular
from .attribution import Attribution
from .subject import SubjectFinder
from .timeexpr import TimeFinder
from .words import StatementFinder

_CLAUSE_END = re.compile(r"[,;&(]|\s(?:and|but|while|whereas|as|with)\s", re.IGNORECASE)
_PER_UNIT = re.compile(
    r"\b(?:revenues?|sales|income|earnings|profits?|spending|spend)\s+per\s+(?:employee|head|capita|person|user|customer|"
    r"unit|store|subscriber|patient|bed|vehicle|member|visit|order|passenger|guest|room|seat|trip|ride|flight|account|"
    r"household|square\s+(?:foot|feet|metre|meter))\b[^$€£¥\d]{0,30}$"
    # "a typical franchised store in France generates annual sales of about EUR 1.3 million": one unit's
    r"|\b(?:a|an|the|each)\s+(?:typical|average)\s+(?:[\w-]+\s+){0,3}?(?:store|shop|outlet|restaurant|branch|unit|site|"
    r"franchisee|customer|user|subscriber|household|employee|plant|hotel|clinic|bakery|café|cafe)s?\b[^$€£¥\d.;]{0,60}$",
    re.IGNORECASE)
_TO_END = re.compile(r"\b(?:to|at|from)\s*$", re.IGNORECASE)
_AT_REPORTED = re.compile(r"\s*(?:at\s+reported\s+(?:exchange\s+)?rates|on\s+a\s+reported\s+basis)\b", re.IGNORECASE)
#: "restated" said of the figure itself, right after it: "(restated)", ", as restated".
_RESTATED_AFTER = re.compile(r"\s*[,(]?\s*(?:as\s+)?restated\b", re.IGNORECASE)
_AT_RATES = re.compile(r"\b(?:at|on)\s+(?:reported|constant|actual|current)\s+(?:exchange\s+|currency\s+)?rates\b", re.IGNORECASE)
#: A company raising or cutting something of its own by a rate: "raised its full-year dividend 6.2%",
#: "cut its workforce by 4%" (the verb, its object, then the rate).
_OBJECT = r"\s+(?:(?:its|the|their|our)\s+)?(?:(?!(?:and|but|while|or|as|then)\b)[\w-]+\s+){1,3}(?:by\s+)?$"
_RAISED_ITS = re.compile(r"\b(?:raised|lifted|increased|boosted|hiked)" + _OBJECT, re.IGNORECASE)
_CUT_ITS = re.compile(r"\b(?:cut|lowered|reduced|trimmed|slashed)" + _OBJECT, re.IGNORECASE)


class Measures:
    """The measure vocabulary from ``measures.toml``: families, additivity and cue words."""

    def __init__(self, spec: dict) -> None:
        self.spec: dict[str, dict] = spec.get("measures", {})
        self.family = {name: m.get("family", "other") for name, m in self.spec.items()}
        self.additive = {name: bool(m.get("additive", False)) for name, m in self.spec.items()}
        self._cue_of: dict[str, dict[str, str]] = {"money": {}, "percent": {}}
        for name, m in self.spec.items():
            for unit in m.get("units", []):
                if unit in self._cue_of:
                    for cue in m.get("cues", []):
                        self._cue_of[unit].setdefault(_fold(cue), name)
        self._pattern = {unit: phrase_pattern(sorted(cues, key=len, reverse=True)) if cues else None
                         for unit, cues in self._cue_of.items()}
        signs = spec.get("signs", {})
        self.negative_before = cue_pattern(signs.get("negative", []), anchored_end=True)
        self.positive_before = cue_pattern(signs.get("positive", []), anchored_end=True)
        changes = sorted(set(signs.get("negative", []) + signs.get("positive", [])) - set(signs.get("not_amount_change", [])),
                         key=len, reverse=True)
        # "rose by $12.0 million", "an increase of 38,000": an amount of change, not a level
        words = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in changes)
        self.change_before = re.compile(
            rf"(?<![\w-])(?:{words})(?:\s+by)?\s+"
            r"(?:(?:about|approximately|around|some|nearly|roughly|almost|more\s+than|over|just\s+over)\s+)?$",
            re.IGNORECASE) if changes else None
        self.positive_after = re.compile(
            rf"^\s*(?:{'|'.join(re.escape(w) for w in signs.get('positive_after', []))})\b", re.IGNORECASE
        ) if signs.get("positive_after") else None
        self.negative_after = re.compile(
            rf"^\s*(?:{'|'.join(re.escape(w) for w in signs.get('negative_after', []))})\b", re.IGNORECASE
        ) if signs.get("negative_after") else None
        self.basis = _named_alternation(spec.get("basis", {}))
        self.accounting = _named_alternation(spec.get("accounting", {}))
        self.accounting_order = [name for name, words in spec.get("accounting", {}).items() if words]
        # "seasonally adjusted", "working-day adjusted": a statistic's adjustment, not non-GAAP
        self.adjustment = phrase_pattern([w for a in spec.get("adjustment", {}).values() for w in a.get("cues", [])])
        self.count_nouns = list(spec.get("counts", {}).get("nouns", []))
        people = spec.get("counts", {}).get("people", {})
        self.count_people = sorted({w for words in people.values() for w in words})
        #: each people word's label ("the number in work" -> "employment")
        self.people_label = {" ".join(w.lower().split()): label for label, words in people.items() for w in words}
        items = spec.get("line_items", {})
        #: a company's own lines ("deposits", "book value per share"): the measure each one's figures take
        self.line_item_measure = {label: str(item.get("measure", "other")) for label, item in items.items()}
        self._line_item_of = {_fold(cue): label for label, item in items.items() for cue in item.get("cues", [])}
        self._line_items = phrase_pattern(sorted(self._line_item_of, key=len, reverse=True)) if self._line_item_of else None

    def line_item(self, left: str, right: str, *, past_figures: bool = False) -> str | None:
        """The company's line a money figure is of: named before it since the last figure, with
        no other measure word after it ("Period-end deposits were $118.6 billion", "Net interest
        income - the difference … - rose 6.4% to $1.148 billion"), or right after it ("$3.1bn
        of deposits"). With ``past_figures``, the line may stand before the clause's other figures
        (a base: "deposits were $118.6 billion, up 3.2% from $112.4 billion"). ``None`` when no
        line of ``[line_items]`` is named."""
        if self._line_items is None:
            return None
        window = _DASH_ASIDE.sub(" ", left[-(90 + 130):])[-90:]
        window = re.split(r"[;.!?]\s", window)[-1] if past_figures else _SINCE_FIGURE.split(window)[-1]
        last = None
        for last in self._line_items.finditer(window):
            pass
        if last is not None and self.cue_before("money", window[last.end():]) is None \
                and not _LINE_MODIFIED.search(window[: last.start()]) and _LINE_STARTS.search(window[: last.start()]) \
                and (past_figures or _LINE_LINK.fullmatch(window, last.end())):
            return self._line_item_of[_fold(last.group(0))]
        return self.line_item_after(right, left)

    def line_item_after(self, right: str, left: str = "") -> str | None:
        """The company's line named right after a money figure whose words before say it is held
        ("had $3.1bn of deposits", "with $118.6 billion in deposits"), or None ("originated $3.1
        billion in loans" is a flow, no balance)."""
        after = _OF_LINE.match(right) if self._line_items is not None else None
        if after is not None and (not left or _BALANCE_VERB.search(left[-40:])):
            found = self._line_items.match(right, after.end())
            if found is not None and not re.match(r"[\w-]", right[found.end() : found.end() + 1]) \
                    and not re.match(r"\s+(?:in|at|from|for)\s+[A-Z]", right[found.end() : found.end() + 30]):
                return self._line_item_of[_fold(found.group(0))]
        return None

    def cue_before(self, unit: str, text: str) -> re.Match | None:
        """The last measure word in ``text`` (for the part named just before it)."""
        pat = self._pattern.get(unit)
        last = None
        if pat is not None:
            for last in pat.finditer(text):
                pass
        return last

    def nearest(self, unit: str, left: str, right: str, *, before: int = 90, after: int = 30,
                skip: tuple[str, ...] = (), next_figure: bool = False) -> tuple[str, int] | None:
        """The measure named nearest a figure: ``(measure, distance)``; before it wins ties.
        Measures in ``skip`` are passed over, and so is a cue after the figure that introduces
        the next one ("… to £196.4m on revenue of £843m"; ``next_figure``: ``right`` ends where
        the next figure starts)."""
        pat = self._pattern.get(unit)
        if pat is None:
            return None
        best = None
        window = left[-before:]
        if " - " in window or "—" in window or " – " in window:
            # "Net interest income - the difference between what a bank earns on loans and pays
            # out on deposits - rose 6.4%": an aside's words name no measure of the figure (read
            # with the words before the window, where the aside may open)
            window = _DASH_ASIDE.sub(" ", left[-(before + 130):])[-before:]
        for m in pat.finditer(window):
            name = self._cue_of[unit][_fold(m.group(0))]
            if name not in skip:
                best = (name, len(window) - m.end())
        head = _CLAUSE_END.split(right[:after], 1)[0]  # "… $3.2 billion in 2024 & profit was": not its measure
        for m in pat.finditer(head):
            name = self._cue_of[unit][_fold(m.group(0))]
            if name in skip or _NAMES_NEXT.match(right, m.end()) or next_figure and _NAMES_END.fullmatch(right, m.end()) \
                    or _ON_BASE.fullmatch(head, 0, m.start()):
                continue  # "… to £196.4m on revenue of £843m", "58.1 billion yen on revenue that rose": another figure's
            if best is None or m.start() + 5 < best[1] or m.start() <= 1 and best[1] > 2:
                best = (name, m.start())  # (a word right after the figure names it: "22.1 billion yen writedown")
            break
        return best


#: Where the words of a figure's own clause start: after the last figure or sentence break.
_SINCE_FIGURE = re.compile(r"[;.!?]\s|\d[\d.,]*\s*(?:million\b|billion\b|bn\b|mn\b|m\b)")
#: Words between a line and its figure: "deposits were ", "book value per common share of ",
#: "Net interest income rose 6.4% to " (its rate read apart), "loans (net) totalled ".
_LINE_LINK = re.compile(r"[\s,:]*(?:\([^()]{0,40}\)\s*)?(?:(?:was|were|is|are|of|at|to|by|stood|came|in|amounted|"
                        r"totall?(?:ed|ing)|reached|rose|fell|grew|increased|decreased|declined|climbed|jumped|dropped|"
                        r"improved|widened|narrowed|up|down|year[\s-]on[\s-]year|also|further|again|about|around|"
                        r"approximately|nearly|almost|some|roughly|\d[\d.,]*\s?%)[\s,:]*){0,6}", re.IGNORECASE)
#: What may stand right before a line's name: a sentence or clause start, a determiner, "total",
#: "period-end" ("Period-end deposits were", "its total deposits of") — not "nonperforming loans".
_LINE_STARTS = re.compile(r"(?:^|[.;:,(\n]\s*|\b(?:the|its|our|their|total|period-end|end-of-period|net|gross|and|of|with)\s+"
                          r"|\*\*\s*|[-•*]\s+)$", re.IGNORECASE)
#: Words before a figure that say the line after it is held: "had $3.1bn of deposits".
_BALANCE_VERB = re.compile(r"\b(?:had|has|have|held|holds|hold|with|reached|totall?ed|stood\s+at|were|was)\s+"
                           r"(?:about\s+|around\s+|some\s+|nearly\s+)?$", re.IGNORECASE)
#: A line named as what a figure leaves out or adds: "Free cash flow before new-build capex was".
_LINE_MODIFIED = re.compile(r"\b(?:before|after|excluding|including|less|plus|net\s+of|ex)\s+(?:[\w-]+\s+){0,2}$",
                            re.IGNORECASE)
#: Before a line named after its figure: "$3.1bn of deposits", "$310 million in total deposits".
_OF_LINE = re.compile(r"\s+(?:of|in)\s+(?:its\s+|the\s+bank's\s+)?")
#: An aside between dashes: "Net interest income - the difference between what
#: a bank earns on loans and pays out on deposits - rose 6.4%".
_DASH_ASIDE = re.compile(r"\s[-–—]\s[^-–—]{3,120}?\s[-–—]\s|—[^—]{3,120}?—")
#: Right before the measure a figure is set against: "… 58.1 billion yen on revenue that rose 6.5%".
_ON_BASE = re.compile(r"\s*,?\s*on\s+(?:the\s+|its\s+|higher\s+|lower\s+)?", re.IGNORECASE)
#: A cue followed by a figure of its own ("revenue of £843m") names that figure, not one before it.
#: (Each optional word takes the spaces after it: two gaps side by side could split a run of
#: spaces every way, cubic in its length.)
_NAMES_NEXT = re.compile(r"\s*(?:(?:of|was|were|at|totall?ing|reached|:)\s*)?(?:(?:about|around|approximately|some)\s*)?"
                         r"(?:[$€£¥₹]|[A-Z]{1,3}\$|[A-Z]{3}\s)\s?\d")
#: The same words at the end of ``right``, where the next figure starts.
_NAMES_END = re.compile(r"\s*(?:(?:of|was|were|at|totall?ing|reached|:)\s*)?(?:(?:about|around|approximately|some)\s*)?"
                        r"(?:(?:[$€£¥₹]|[A-Z]{1,3}\$|[A-Z]{3})\s?)?")


def _named_alternation(groups: dict[str, list[str]]) -> re.Pattern:
    """One pattern for several cue lists; ``match.lastgroup`` names the list that matched."""
    parts = [f"(?P<{name}>{phrase_pattern(words).pattern})" for name, words in groups.items() if words]
    return re.compile("|".join(parts) or "(?!x)x", re.IGNORECASE)




_AND = re.compile(r"\band\b", re.IGNORECASE)
_WHILE = re.compile(r"\b(?:while|whereas|but)\b", re.IGNORECASE)
# "74% of spending", "48% of 2024 revenue", "70% of expected FY2026 revenue": a share
_SHARE_OF = re.compile(r"^\s+of\s+(?:the\s+|its\s+|our\s+|their\s+)?(?:[\w'-]+\s+){0,2}?(?:market|spending|revenues?|"
                       r"sales|demand|installations|shipments|units|turnover|output|employment|exports|imports)\b",
                       re.IGNORECASE)
_PER_SHARE_AFTER = re.compile(r"^\s*(?:per|a|an)\s+(?:diluted\s+|basic\s+|ordinary\s+|common\s+)?share\b", re.IGNORECASE)
_DIVIDEND = re.compile(r"\bdividends?\b|\bpayout\b", re.IGNORECASE)
_PER_SHARE_MEASURES = ("eps", "dividend")  # passed over for an amount of 100,000 or more
#: An amount deducted from the measure named before it: "profit, after £16.7m of charges".
#: A margin named right before its level, then "of sales": "margin reached ", "margin of ".
_MARGIN_REACHED = re.compile(r"\bmargins?\s+(?:\w+\s+){0,2}(?:reached|was|were|of|at|stood\s+at|rose\s+to|fell\s+to|"
                             r"improved\s+to|widened\s+to|narrowed\s+to|came\s+in\s+at)\s+(?:a\s+|about\s+)?$",
                             re.IGNORECASE)
_BRACKETED = re.compile(r"\([^()]{0,80}\d[^()]{0,80}\)")  # an aside with a figure of its own, not "% change (cc)"
_DEDUCTED = re.compile(r"\b(?:after|before|excluding|excludes|excluded|net\s+of)\s+(?:an?\s+|the\s+)?$", re.IGNORECASE)
#: Such a deduction set off by commas between a measure and its figure: ", after … charges …, was".
_DEDUCTION_ASIDE = re.compile(r",\s*(?:after|before|excluding|net\s+of)\b(?:[^,;.&]|\.(?=\d)|&[a-z]+;){0,160},",
                              re.IGNORECASE)
#: A figure that is the gap between two others: "was $0.13 above consensus", "and $0.16 above our number".
_DIFFERENCE_AFTER = re.compile(r"^\s*(?:above|below|ahead\s+of|short\s+of|better\s+than|worse\s+than|higher\s+than|"
                               r"lower\s+than)\s+(?:the\s+|our\s+|their\s+|its\s+)?(?:street|consensus|estimates?|"
                               r"expectations?|forecasts?|guidance|number|numbers|model|prior|last\s+year)", re.IGNORECASE)
_DIFFERENCE_BEFORE = re.compile(r"(?:\b(?:was|were|is|are|came\s+in|landed|finished|and|by)|,)\s*$", re.IGNORECASE)
#: Words linking a rate named as a clause's subject to its figure, with nothing else between
#: (no clause break, no other figure): "… was estimated at", "… stood at", "… rose to".
_CONTRIBUTION = re.compile(r"\bcontribut\w*\b", re.IGNORECASE)
#: A clause whose subject is growth, linked to the figure: "Growth in the fourth quarter of 2024 is unchanged at".
_GROWTH_OPENS = re.compile(r"(?:^|[.;:*•]\s*|\n\s*)(?:GDP\s+|economic\s+|output\s+|real\s+)?growth\b[^;:.%\d]{0,60}?"
                           r"(?:\d{4}[^;:.%\d]{0,30}?)?\b(?:was|is|has\s+been|had\s+been|stood|remained|came\s+in)\b"
                           r"[^;:.%\d]{0,30}$", re.IGNORECASE)
_LEVEL_LINK = re.compile(r"^[^;:.%]*\b(?:was|were|is|are|stood|stands|remained|held|came\s+in|edged\s+(?:up|down)|"
                         r"rose|fell|climbed|dropped|increased|decreased|eased|ticked\s+(?:up|down)|reached|hit)\b"
                         r"[^;:.%]*$", re.IGNORECASE)
#: A dividend that is a part of the year's: "a final dividend of", "(interim 3.7p)".
_PART_OF_DIVIDEND = re.compile(r"\b(?:final|interim|special|quarterly)\b(?:\s+(?:ordinary\s+)?dividends?)?"
                            r"(?:\s+(?:per\s+share\s+)?(?:of|was|is|at|:))?\s*\(?\s*$", re.IGNORECASE)


def _dividend_kind(left: str) -> str:
    """``dividend`` for the year's dividend per share, ``other`` for a final or interim one."""
    return "other" if _PART_OF_DIVIDEND.search(left[-45:]) else "dividend"
# "earnings per share rose 7.6%": the share in "per share" makes no percentage a share
# "shares rose 3%", "Shares in Brannock closed 3.4% higher", "the stock fell 2%"
_STOCK_MOVE = re.compile(r"\b(?:shares|stock|share\s+price)\b(?:\s+(?:in|of)\s+[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)?)?"
                         r"\s+(?:\w+\s+)?(?:closed|ended|finished|traded|rose|fell|jumped|dropped|slid|gained|lost|were|was|"
                         r"climbed|tumbled|surged|sank|slipped|added|shed|edged)\b"
                         # "sending its shares up 7.4% to $61.20": the stock moved by the news
                         r"|\b(?:sending|sent|pushing|pushed|lifting|lifted|driving|drove|knocking|knocked|dragging|dragged)\s+"
                         r"(?:its\s+|their\s+|the\s+)?(?:shares|stock|share\s+price)\s+(?:up|down|higher|lower)\b", re.IGNORECASE)
#: A growth rate's subject linked to its figure: "organic growth stands at", "growth was running at".
_GROWTH_STANDS = re.compile(r"\bgrowth\s+(?:(?:now|still|so\s+far)\s+)?(?:stands|stood|is|was|came\s+in|is\s+running|was\s+running)"
                            r"\s+at\s+$", re.IGNORECASE)
#: "$1.50 a share", "per diluted share" (but "with a share of 44.2%" is a share).
_PER_SHARE_WORDS = re.compile(r"\bper\s+(?:diluted\s+|basic\s+|ordinary\s+)?share\b|"
                               r"\ba\s+(?:diluted\s+|basic\s+|ordinary\s+)?share\b(?!\s+of\b)", re.IGNORECASE)


class Vocabulary:
    """The finders and word lists of one :class:`Settings`, built once per extractor."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.units = UnitTable(settings.units)
        self.measures = Measures(settings.measures)
        self.quantities = QuantityFinder(self.units, count_nouns=self.measures.count_nouns,
                                         count_people=self.measures.count_people)
        self.times = TimeFinder(settings.extract.get("periods", {}).get("forecast", []))
        self.cues = Cues(settings.extract)
        self.regions = RegionTable(settings.regions)
        self.scopes = ScopeFinder(self.regions, settings.extract)
        self.components = ComponentFinder(settings.extract, self.regions)
        self.listed = ListedParts(settings.extract, self._names_no_part)
        comp = settings.extract.get("companies", {})
        # "closed at $45 a share": a price, not earnings; "the company now expects": guidance;
        # "a net loss of $6.2 million": income below zero
        self.share_price = cue_pattern(comp.get("share_price", []))
        expects = "|".join(re.escape(w) for w in comp.get("expects", [])) or "(?!x)x"
        self.company_expects = re.compile(rf"\b(?:now\s+)?(?:{expects})\b(?![^.;]*\b(?:analysts?|economists?|consensus)\b)",
                                          re.IGNORECASE)
        self.loss = cue_pattern(comp.get("loss_words", []), anchored_end=True)
        # a market value or share price is of the document's date; a price target of none
        self.as_of_price = _clause_tail(comp.get("as_of_price", []))
        self.as_of_value = _clause_tail(comp.get("as_of_value", []), after=r"\b(?:shares?|stock)\b[^.;]*")
        self.price_target = _clause_tail(comp.get("price_target", []))
        after = sorted(comp.get("price_target_after", []), key=len, reverse=True)
        self.target_after = re.compile(r"^\s*(?:" + ("|".join(re.escape(w).replace(r"\ ", r"\s+") for w in after)
                                                    or "(?!x)x") + r")\b")
        self.market_words = frozenset(w.lower() for w in settings.extract.get("components", {}).get("market_words", []))
        self.subjects = SubjectFinder(self.regions, settings.extract)
        subjects = settings.extract.get("subjects", {})
        nouns = sorted({n.lower() for n in self.measures.count_nouns}, key=len, reverse=True)
        self._count_noun = re.compile(r"\b(?:" + ("|".join(re.escape(n) for n in nouns) or "(?!x)x") + r")\b",
                                      re.IGNORECASE)
        self.attribution = Attribution(subjects.get("firm_words", []), subjects.get("report_words", []))
        self.statements = StatementFinder(settings.extract, self.regions, self.scopes)
        dims = settings.segments.get("dimensions", {})
        self.dimension_of_word = {}
        for d, words in dims.items():
            for w in words:
                self.dimension_of_word.setdefault(" ".join(w.lower().split()), d)
        alternatives = "|".join(re.escape(w) for w in sorted(self.dimension_of_word, key=len, reverse=True))
        self.dimension_pattern = re.compile(rf"(?<!\w)(?:{alternatives or '(?!x)x'})(?!\w)")
        self.segment_aliases = {k.lower(): v for k, v in settings.segments.get("aliases", {}).items()}
        self._people = phrase_pattern(sorted(self.measures.people_label, key=len, reverse=True))
        lines = settings.extract.get("sales_lines", {})
        self._line_of = {" ".join(w.lower().split()): label for label, words in lines.items() for w in words}
        names = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(self._line_of, key=len, reverse=True))
        # "like-for-like sales", "Comparable store sales growth", "LFL sales": the line right before "sales"
        self._sales_line = re.compile(rf"(?<![\w-])({names})(?:\s+(?:store\s+)?(?:sales|revenues?)\b|(?<=s)(?![\w-]))",
                                      re.IGNORECASE) if names else None

    def _names_no_part(self, name: str) -> bool:
        """A region, or a measure's own words, is no list part ("Europe 35%", "revenue 10%")."""
        return bool(self.regions.find(name) or self.measures.cue_before("percent", name))

    # -- what a figure measures -------------------------------------------------------
    def money_measure(self, left: str, right: str, *, has_market: bool, company_doc: bool,
                      value: float = 0.0, next_figure: bool = False) -> str:
        """``revenue``, ``net_income``, ``eps``… from the nearest cue; ``market_size`` when the words say so.
        A per-share amount is never millions: "…, or $3.14 per share, from $471 million" is not EPS."""
        cues = self.cues
        if self.target_after.match(right):
            return "price"  # "our $82 PT", "a $250 price target"
        if abs(value) < 1e5 and _STOCK_MOVE.search(left[-60:]) and re.search(r"\bto\s+$", left[-6:]):
            return "price"  # "sending its shares up 7.4% to $61.20", "shares closed 3% higher at"
        if _DIFFERENCE_AFTER.match(right) and _DIFFERENCE_BEFORE.search(left[-25:]):
            return "other"  # "adj. EPS of $1.71 was $0.13 above consensus and $0.16 above our number": a beat
        if _DEDUCTED.search(left[-14:]):
            # "Statutory pre-tax profit, after £16.7m of charges, …": what was deducted, named after it
            named = self.measures.nearest("money", "", right, before=0, after=25)
            return named[0] if named else "other"
        left = _DEDUCTION_ASIDE.sub(" ", left[-200:])  # "…profit, after £16.7m of charges …, was £81.7m"
        left = without_aside(left)  # "Net bookings, the measure most analysts track …, rose 11.5% to"
        skip = _PER_SHARE_MEASURES if abs(value) >= 1e5 else ()
        if right[:30].lstrip().startswith("/") or cues.near("other_money", left, right, before=40, after=25):
            named = self.measures.nearest("money", left, right, before=40, after=20, skip=skip)
            if named and named[0] == "price" and abs(value) >= 1e6:
                return "other"  # "restructuring costs of £4.0m": a cost, not a unit's price
            return named[0] if named and named[0] in ("price", "eps", "dividend") else "other"
        if _PER_UNIT.search(left[-80:]):
            return "other"  # "revenue per employee was $1.2 million": a ratio, not the revenue
        if abs(value) < 1e5 and _PER_SHARE_AFTER.match(right) and not self.share_price.search(left[-50:]):
            # "$2.26 a share", "$10.35 to $10.45 per share": per share, whatever came before
            return _dividend_kind(left) if _DIVIDEND.search(left[-60:]) else "eps"
        named = self.measures.nearest("money", left, right, skip=skip, next_figure=next_figure)
        if named and named[0] == "eps" and abs(value) < 1e5 and _DIVIDEND.search(left[-80:]):
            return _dividend_kind(left)  # "a final dividend of 8.4p per share, giving a total of 12.1p"
        if named and named[0] == "price" and abs(value) >= 1e6:
            return "other"  # "GDP at current prices was EUR 71.4 billion": no unit's price
        if named:
            return named[0]
        if not company_doc and (has_market or cues.near("market_size", left, right, before=120, after=60)):
            return "market_size"
        return "other"

    def percent_measure(self, left: str, right: str, unit: str) -> str:
        cues = self.cues
        left = without_aside(left)
        right = _NEXT_ITEM.split(right, 1)[0]  # "…, prior 4.8%\n**Total pay growth": the next item's words
        right = _AT_RATES.sub(" ", right)  # "5.5% at reported rates": how it was measured, no rate
        if unit == "percent" and _SHARE_OF.match(right):
            if _MARGIN_REACHED.search(left[-40:]):
                return "margin"  # "core operating income margin reached 38.0% of net sales"
            return "share"  # "reaching 74% of spending by 2030": a share, whatever rate came before
        if cues.near("cagr", left, right, before=90, after=25):
            return "cagr"
        if _GM_BEFORE.search(left[-16:]):
            return "margin"  # an analyst's "GM of 42.0%"
        named = self.measures.nearest("percent", left, right, before=45, after=20)
        if named and named[0] == "margin" and named[1] <= 30:
            return "margin"
        if unit == "percent" and self.is_change(left, right) and _STOCK_MOVE.search(left[-60:]):
            return "other"  # "Harwick shares rose 3%", "shares closed 3.4% higher": the stock's move
        share_left, share_right = _PER_SHARE_WORDS.sub("", left), _PER_SHARE_WORDS.sub("", right)
        if named and named[0] == "rate" and named[1] <= 30 and not cues.near("share", share_left, "", before=60, after=0):
            return "rate"  # "unemployment climbs to 4.7% as hiring cools, but pay growth holds up": a rate
        if unit == "percent" and _GROWTH_STANDS.search(left[-60:]):
            return "growth"  # "Nine-month organic growth stands at 5.4%": a rate of growth, not a share
        if unit == "percent" and cues.near("share", share_left, share_right, before=60, after=40):
            return "share"
        if named and named[0] == "rate":
            return "rate"
        if named is None:
            far = self.measures.nearest("percent", left, "", before=110, after=0)
            if far and far[0] == "rate" and _LEVEL_LINK.search(left[len(left) - far[1]:]):
                # "The unemployment rate for people aged 16 and over was estimated at 4.7%": the
                # clause's subject, however long, when a verb links it to the figure
                return "rate"
        if cues.near("growth", left, right, before=40, after=15) or self.is_change(left, right):
            return "growth"
        if unit == "percentage_point" and _CONTRIBUTION.search(left[-60:] + " " + right[:40]):
            return "growth"  # "services contributed 0.77 percentage points to growth": a part of the growth
        if named:
            return named[0]
        if _GROWTH_OPENS.search(left[-110:]):
            # "Growth in the first quarter of 2025 has been revised up to 0.2%": the clause's subject
            return "growth"
        return "other"

    def family(self, measure: str) -> str:
        return self.measures.family.get(measure, "other")

    # -- rates of change ----------------------------------------------------------------
    def is_change(self, left: str, right: str) -> bool:
        """ "up 16%", "rose 4%", "3.1% higher", or any decline: a rate of change."""
        if self.is_decline(left, right):
            return True
        tail = left[-40:]
        if _TO_END.search(tail):
            return False
        m = self.measures
        return bool(m.positive_before.search(tail) or _RAISED_ITS.search(tail)
                    or (m.positive_after and m.positive_after.match(right[:25])))

    def is_amount_change(self, left: str) -> bool:
        """ "rose by $12.0 million", "an increase of 38,000": the amount a level changed by."""
        pattern = self.measures.change_before
        m = pattern.search(left[-50:]) if pattern is not None else None
        if m is None:
            # "have cut net debt by £83m", "raised its dividend by 2p": the verb, its object, then "by"
            tail = left[-50:]
            return tail.rstrip().lower().endswith(" by") and bool(_CUT_ITS.search(tail) or _RAISED_ITS.search(tail))
        # "Services made up $20 million", "revenue ended up at": a phrasal verb, not a rise
        before = left[-50:][: m.start()].split()
        return not (m.group(0).lower().startswith("up") and before and before[-1].lower() in _PHRASAL_UP)

    def is_decline(self, left: str, right: str) -> bool:
        """ "fell 4%", "down 4%", "a decline of 3 percent", "a 4% drop" — not "fell to 3%", a level."""
        tail = left[-40:]
        if _TO_END.search(tail):
            return False
        if self.measures.negative_before.search(tail) or _CUT_ITS.search(tail):
            return True
        return bool(self.measures.negative_after and self.measures.negative_after.match(right[:25]))

    def basis(self, left: str, right: str) -> str:
        """What a rate compares with: the nearest basis cue after the figure, else before it."""
        pat = self.measures.basis
        m = pat.search(right[:90])
        if m:
            return m.lastgroup
        last = None
        for last in pat.finditer(left[-90:]):
            pass
        return last.lastgroup if last else ""

    def accounting(self, own_left: str, own_right: str) -> str:
        """``adjusted`` or ``constant_currency`` when the figure's own clause says so."""
        pat = self.measures.accounting
        if _AT_REPORTED.match(own_right):
            return "reported"  # "sales grew 6.8% organically, or 5.5% at reported rates"
        if "restated" in own_right.lower() and not _RESTATED_AFTER.match(own_right):
            # "to $10.5 billion in 2025 from a restated $10.0 billion": the next figure's word
            own_right = re.sub(r"(?i)\brestated\b", " ", own_right)
        # the figure's own clause: nothing past a semicolon ("$3.41; adjusted EPS of $3.96")
        # the figure's own clause: nothing past a semicolon or an "and" naming the next figure
        # ("revenue of $4.82 billion and adjusted EPS of $10.35")
        own_left = _DEDUCTION_ASIDE.sub(" ", own_left[-260:])  # "Underlying net profit, excluding …, of A$15.1m"
        # "increased 9.7% (+13.2% cc) to CHF 5,467 million": a bracketed aside speaks of its own figure
        own_left = _BRACKETED.sub(" ", own_left.split(")", 1)[1] if ")" in own_left and "(" not in own_left.split(")", 1)[0]
                                   else own_left)
        # ("Reported earnings were $3.93 per share, while adjusted earnings came to $4.62": "while" opens another)
        right = _WHILE.split(_AND.split(own_right.split(";", 1)[0], 1)[0], 1)[0]
        left, right = own_left.rsplit(";", 1)[-1][-80:], right[:60]
        if "adjust" in left.lower() or "adjust" in right.lower():
            left, right = self.measures.adjustment.sub(" ", left), self.measures.adjustment.sub(" ", right)
        clause = left[-80:] + "\n" + right[:40]
        if not pat.search(clause):
            return "reported"
        found = {m.lastgroup for m in pat.finditer(clause)}
        for name in self.measures.accounting_order:
            if name in found:
                return name
        return "reported"

    # -- tables and segments ------------------------------------------------------------
    def count_noun_in(self, text: str) -> str:
        """The counted noun a header names ("Passengers (millions)" -> ``passenger``), or ``""``."""
        m = self._count_noun.search(text)
        return singular(m.group(0).lower()) if m else ""

    def sales_line(self, text: str, *, nearest: bool = False) -> str | None:
        """The named sales line ("comparable sales") whose words stand in ``text`` (with
        ``nearest``, only when no other measure word follows them: the words before a figure,
        "like-for-like sales rose", not "driven by like-for-like sales, revenue rose")."""
        if self._sales_line is None:
            return None
        found = None
        for found in self._sales_line.finditer(text):
            pass
        if found is None:
            return None
        rest = text[found.end():]
        if nearest and (self.measures.cue_before("money", rest) or self.measures.cue_before("percent", rest)):
            return None
        return self._line_of.get(" ".join(found.group(1).lower().split()))

    def people_counted(self, left: str) -> str | None:
        """What a count of people counts, by the last people word before it ("the number of
        people in work rose by 46,000" -> "employment"), or None."""
        found = None
        for found in self._people.finditer(left):
            pass
        return self.measures.people_label.get(" ".join(found.group(0).lower().split())) if found else None

    def dimension_of(self, text: str) -> str:
        """A segment dimension named in a header or caption ("By End User" -> end_user); the longest name wins."""
        low = " ".join(text.lower().replace("*", "").split())
        found = [m.group(0) for m in self.dimension_pattern.finditer(low)]
        return self.dimension_of_word[max(found, key=len)] if found else ""

    def segment_label(self, label: str) -> str:
        clean = " ".join(label.replace("*", "").split())
        folded = clean.lower().replace("&", "and")
        return self.segment_aliases.get(folded, clean)


#: Verbs whose "up" is no rise ("made up", "ended up").
_PHRASAL_UP = frozenset(("made", "make", "makes", "making", "ended", "end", "ends", "picked", "stepped", "took",
                         "set", "sets", "summed", "sum", "added", "adds", "shored", "propped", "wound"))


#: An analyst's gross margin right before its figure: "GM of 42.0%", "GM was 42.0%", "GM: 42.0%".
_GM_BEFORE = re.compile(r"\bGM(?:\s+(?:of|was|at|came\s+in\s+at|reached)|:)?\s+$")
#: A line that starts another item (a bullet, a bold label, a heading).
_NEXT_ITEM = re.compile(r"\n[ \t]*(?:[-*•+][ \t]|\d+[.)][ \t]|\*\*|__|#)")
#: A relative clause between a measure and its verb: "Core inflation, which excludes food and
#: energy, edged up to 2.9%".
_ASIDE = re.compile(r",\s+(?:which|who|as\s+measured\s+by|measured\s+by|excluding|including|(?P<article>the|a|an))\b",
                    re.IGNORECASE)


def without_aside(left: str) -> str:
    """The words before a figure less a relative clause or an appositive set off by commas before its
    verb ("Net bookings, the measure most analysts track …, rose")."""
    m = None
    for m in _ASIDE.finditer(left):
        pass
    if m is None:
        return left
    last = left.rfind(",")
    if last <= m.start() or len(left) - last > 60:
        return left
    if m.group("article") and re.search(r"[\d$€£¥]", left[m.start() : last]):
        return left  # "…, the maker reported net income of $107.5 million, or …": no aside, a clause with figures
    return left[: m.start()] + left[last + 1 :]


def _clause_tail(words: list[str], *, after: str = "") -> re.Pattern:
    """One of ``words`` (whole words) earlier in the same clause: ``pattern.search(text, a, b)``
    is true when one stands between ``a`` and ``b`` with no "." or ";" after it."""
    if not words:
        return re.compile(r"(?!x)x")
    alternation = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"{after}\b(?:{alternation})\b[^.;]*$", re.IGNORECASE)

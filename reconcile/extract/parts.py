"""The part of a company a figure belongs to: its segment, product or line of business.

"Devices revenue decreased 11%", "$96 billion in services revenue", "**iPhone:** … $201.2
billion", "Azure surpassed $75 billion": the words around a company figure name the part,
or say it is the whole company.
"""

from __future__ import annotations

import re

from .draft import DocContext, Draft
from .scope import part_before
from .vocabulary import Vocabulary

# A bullet label ending in one of these titles a topic, not a segment ("**Operating Strength:**").
_SECTION_WORD = re.compile(
    r"\b(?:strength|growth|performance|highlights?|overview|summary|outlook|returns?|generation|position|"
    r"expansion|goals?|trends?|results|challenges|drivers|risks?|takeaways?|context|analysis|"
    # an analyst's run-in topics: "**Profitability**:", "**Guidance**", "**Valuation.**"
    r"profitability|guidance|valuation|estimates?|margins?|earnings|revenues?|sales|cash\s+flow|balance\s+sheet|"
    r"capital\s+returns?|dividends?|catalysts?|rating|recommendation|consensus|costs?|opex|expenses|bottom\s+line|"
    r"top\s+line|quarter|beat|miss|model|view|thesis|bookings|backlog|demand|pricing)\W*$", re.IGNORECASE)
_PART_AFTER = re.compile(r"^\s+(?:in|of)\s+([A-Za-z][\w&-]*(?:\s+[A-Za-z][\w&-]*){0,2}?)\s+(?:revenue|sales)\b",
                         re.IGNORECASE)
# A segment or product doing something to the figure: "Azure surpassed $75 billion".
_PART_ACTS = re.compile(
    r"\b([A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,3})\s+(?:surpassed|reached|grew\s+to|generated|posted|"
    r"recorded|hit|exceeded|topped|totaled|totalled|delivered|contributed|brought\s+in)\s+"
    r"(?:to\s+|about\s+|nearly\s+|almost\s+|more\s+than\s+|over\s+|roughly\s+)?$")
# A segment changing its revenue: "Chassis & Safety grew revenue by 9.0% to EUR 929.9 million".
_PART_CHANGES = re.compile(
    r"\b([A-Z][\w&'’-]*(?:\s+(?:&\s+)?[A-Z][\w&'’-]*){0,3})\s+(?:(?:division|segment|business|unit)\s+)?"
    r"(?:increased|grew|raised|lifted|boosted|cut|reduced|"
    r"lowered)\s+(?:its\s+)?(?:revenues?|sales|turnover|order\s+intake|orders)\s+(?:by\s+)?"
    r"(?:[\d.,]+\s*(?:%|per\s*cent|percent)\s+to\s+)?(?:about\s+|nearly\s+|almost\s+)?$")
# A part whose sentence opens with it, its rate of change next: "Flavours, the largest division
# with 43% of group revenue, grew 6.3% organically", "Bioscience grew 4.9%".
_PART_GREW = re.compile(
    r"(?:^|[.;:]\s+|\n\s*(?:[-*•]\s+)?|,?\s+(?:and|while|whereas|but)\s+)\**([A-Z][\w&'’-]*(?:\s+(?:&\s+)?[A-Z][\w&'’-]*){0,3})\**(?:,\s[^,.;]{3,90},)?\s+"
    r"(?:also\s+)?(?:grew|rose|increased|declined|fell|expanded|contracted|was\s+up|was\s+down|edged\s+(?:up|down|higher|lower)|"
    r"slipped|climbed|jumped|dipped|gained|advanced|slid|dropped)\s+(?:[a-z]+ly\s+)?(?:by\s+)?"
    r"(?:about\s+|nearly\s+|almost\s+)?$")
# A part described, then its figure: "Pet & Nutrition was again the standout, with Q4 net sales of".
_PART_DESCRIBED = re.compile(
    r"(?:^|[.;:]\s+|\n\s*(?:[-*•]\s+)?)\**([A-Z][\w&'’-]*(?:\s+(?:&\s+)?[A-Z][\w&'’-]*){0,3})\**\s+(?:was|were|remained|remains|is|"
    r"became)\s+[^,.;:\d]{3,60}(?:,\s+(?:with|posting|reporting|delivering|generating)\s+[^.;$€£¥%]{0,50}"
    # "Personal Care was the standout: sales grew 6.8% organically, or 5.5% at reported rates, to"
    r"|:\s+(?:its\s+)?(?:sales|revenues?|turnover|volumes?)\s+[^.;$€£¥]{0,70})$")
# A part's share, then its value: "Online now accounts for more than a quarter of sales, at £407.2m".
_PART_SHARE_AT = re.compile(
    r"\b([A-Z][\w&'’-]*(?:\s+(?:&\s+)?[A-Z][\w&'’-]*){0,3})\s+(?:now\s+|still\s+|alone\s+)?(?:accounts?\s+for|"
    r"accounted\s+for|makes?\s+up|made\s+up|represents?|represented|contributes?|contributed)\s+[^.;$€£¥]{0,60}?"
    r"\b(?:sales|revenues?|turnover)\b,?\s+(?:at|or|worth|of|with)\s+(?:about\s+|around\s+|nearly\s+|some\s+|almost\s+)?$")
_PART_UNIT = re.compile(r"\b(?:revenues?|sales|income|profit)\s+(?:from|at|in|of)\s+(?:the|its)\s+"
                        r"((?:[\w&-]+\s+){0,3}[\w&-]+?)\s+(?:unit|segment|division|business|arm)\b(?![^.;]*\$)",
                        re.IGNORECASE)
#: A figure in brackets after the part it is of: "in Chassis & Safety (adj. EBIT margin 11.8%)".
_PART_BRACKETED = re.compile(r"\b(?:in|at|for|from)\s+([A-Z][\w'’-]*(?:\s+(?:&|and)?\s*[A-Z][\w'’-]*){0,3})\s*\([^()\d]{0,40}$")
_NOT_PART = {"the", "it", "this", "that", "we", "our", "its", "they", "he", "she", "revenue", "sales", "total", "net",
             "company", "management", "analysts", "economists", "in", "and", "but"}
_BULLET_LABEL = re.compile(r"^[\s*•·-]*\*\*([^*:\n]{2,60}?):?\*\*:?"
                           r"|^[ \t]*[*•·-][ \t]+([A-Z][\w&'’ -]{1,40}?):[ \t]")  # "- Data Center: $512 million"


def _since_figure(window: str) -> str:
    """The words of a clause before a figure, back to the last figure or clause break."""
    return re.split(r"[;.]\s|\d[\d.,]*\s*%|\(", window)[-1]


#: An aside set off by dashes: " — seat selection, checked baggage and onboard sales — ".
_DASH_ASIDE = re.compile(r"\s[—–]\s[^—–\n]{1,160}?\s[—–]\s")
_ROW_LABEL = re.compile(r"^[ \t]*\|[ \t]*\**([^|*\n]+?)\**[ \t]*\|", re.MULTILINE)


def _row_labels(ctx: DocContext) -> frozenset:
    """The first cells of the document's table rows, lower-cased (looked up once per document)."""
    found = ctx.table_cache.get("row_labels")
    if found is None:
        found = frozenset(m.group(1).strip().lower() for m in _ROW_LABEL.finditer(ctx.doc.visible))
        ctx.table_cache["row_labels"] = found
    return found


def company_part(ex: Vocabulary, ctx: DocContext, d: Draft, left: str, right: str, line_before: str) -> bool:
    """In a company's document, the segment named before the measure word ("Devices revenue",
    "$96 billion in services revenue"), else the bold label that opens the bullet
    ("**iPhone:** … $201.2 billion"). True when the part is a label that names no measure."""
    window = _DASH_ASIDE.sub(" ", left[-240:])[-120:]  # "Ancillary revenue — seat selection, … — grew 21.0%"
    line = ex.sales_line(_since_figure(window), nearest=True)
    if line and d.q.unit in ("percent", "percentage_point"):
        # "after like-for-like sales rose 3.9%": the company's named line, as every document names it
        d.scope, d.scope_type, d.dimension = line, "segment", "segment"
        return False
    cue = ex.measures.cue_before("money", window)
    company = d.company or ctx.entity or ""
    name = part_before(window, cue.start(), window[cue.end() :], company) if cue else None
    later = _PART_GREW.search(window) if cue is not None and d.q.unit == "percent" else None
    if later is not None and later.start(1) > cue.end() and later.group(1).lower() not in _NOT_PART \
            and later.group(1).lower() != company.lower() and not ex.regions.find(later.group(1)):
        name = later.group(1)  # "Home Care sales rose 3.5% to £3,412 million, while Nutrition grew 2.6%": the next part
    after = _PART_AFTER.match(right)
    if name is None and after and after.group(1).lower() not in ("total", "net", company.lower()):
        name = after.group(1)
    if name is None:
        unit = _PART_UNIT.search(window)  # "Revenue from the surgical robotics unit jumped 17% to $391.7 million"
        if unit and unit.group(1).lower() not in _NOT_PART and unit.group(1).lower() != company.lower():
            name = unit.group(1)
    acting = (_PART_ACTS.search(window) or _PART_CHANGES.search(window) or _PART_SHARE_AT.search(window)
              or (_PART_GREW.search(window) if d.q.unit == "percent" else None)
              or _PART_DESCRIBED.search(window)) if name is None else None
    actor = re.sub(r"^(?:The|Its|Our)\s+(?=[A-Z])", "", acting.group(1)) if acting else ""  # "The Pharmaceuticals division"
    if acting and actor.split()[0].lower() not in _NOT_PART and actor.lower() != company.lower() \
            and not ex.measures.cue_before("money", actor) and not ex.regions.find(actor):
        name = actor  # "Azure surpassed $75 billion in revenue"
    if name is None:
        inside = _PART_BRACKETED.search(window)  # "the beat entirely in Chassis & Safety (adj. EBIT margin 11.8%)"
        if inside and inside.group(1).split()[0].lower() not in _NOT_PART and inside.group(1).lower() != company.lower() \
                and not ex.regions.find(inside.group(1)) and not ex.times.find(inside.group(1)):
            name = inside.group(1)
    bare_label = False
    if name is None:
        label = _BULLET_LABEL.match(line_before)
        label_text = (label.group(1) or label.group(2)) if label else ""
        if label and label_text.rstrip().endswith(".") and label_text.strip(" .").lower() not in _row_labels(ctx):
            # "**Estimates.** We now model…": a run-in heading, not a part ("**HVAC Systems.** Revenue
            # rose 6.6%" names a row of the document's segment table: a part)
            label = None
        if label and re.fullmatch(r"[A-Z]{1,2}:?", label_text.strip()):
            label = None  # "**AK:** Last year we did …": an interview's speaker, by initials
        if label and not ex.times.find(label_text) and not _SECTION_WORD.search(label_text):
            text = label_text.strip()
            cue = ex.measures.cue_before("money" if ex.units.is_currency(d.q.unit) else "percent", text)
            name = part_before(text, cue.start(), "", company) if cue else text.rstrip(" .")
            bare_label = cue is None
            if name and (not any(c.isupper() for c in name[:2]) or name.lower() == company.lower()):
                name = None
    if name and _of_company(name, company or ""):
        name = None  # "Harrowgate's net sales rose": the company's own, not a part of it
    if name:
        d.scope, d.scope_type, d.dimension = ex.segment_label(name), "segment", "segment"
    return bool(name) and bare_label


def _of_company(name: str, company: str) -> bool:
    """Whether a name is the company's own ("Harrowgate's", "Harrowgate Brands'") rather than a part's."""
    bare = re.sub(r"['’]s?$", "", name.strip()).lower()
    return bool(bare) and (bare == company.lower() or company.lower().startswith(bare + " "))

"""Fast matching of word lists: alternations compiled as a trie.

A regex alternation of hundreds of phrases tries each phrase at each position; the same
phrases arranged as a trie ("a(?:pac|sia(?:[\\s-]+pacific)?)") try one branch per
character, which makes region and cue lookups several times faster.
"""

from __future__ import annotations

import re

_SEP = "\x00"  # a run of spaces or hyphens in a phrase


def _tokens(phrase: str) -> list[str]:
    out: list[str] = []
    for ch in phrase:
        if ch in " -\t":
            if out and out[-1] == _SEP:
                continue
            out.append(_SEP)
        else:
            out.append(ch)
    return out


def trie_regex(phrases) -> str:
    """A regex (no flags, no boundaries) matching any of ``phrases``; spaces and hyphens match runs of either."""
    trie: dict = {}
    for phrase in phrases:
        if not phrase:
            continue
        node = trie
        for tok in _tokens(phrase):
            node = node.setdefault(tok, {})
        node[""] = {}
    if not trie:
        return r"(?!x)x"
    return _node_regex(trie)


def _node_regex(node: dict) -> str:
    end = "" in node
    alts = []
    for tok in sorted(k for k in node if k):
        head = r"[\s-]+" if tok == _SEP else re.escape(tok)
        alts.append(head + _node_regex(node[tok]))
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    if end:
        return f"(?:{body})?"
    return body


# A phrase ends where no letter, digit or hyphen follows; a footnote mark may ("profit before tax¹").
_WORD_END = r"(?!-|(?![¹²³⁰⁴⁵⁶⁷⁸⁹])\w)"


def phrase_pattern(phrases, *, flags=re.IGNORECASE) -> re.Pattern:
    """Whole-word matcher for phrases: word boundaries apply where a phrase starts or ends with a letter or digit."""
    groups: dict[tuple[bool, bool], list[str]] = {}
    for p in phrases:
        if p:
            groups.setdefault((p[0].isalnum(), p[-1].isalnum()), []).append(p.lower() if flags & re.IGNORECASE else p)
    parts = []
    for (start_word, end_word), items in sorted(groups.items()):
        pat = trie_regex(items)
        parts.append((r"(?<![\w-])" if start_word else "") + f"(?:{pat})" + (_WORD_END if end_word else ""))
    if not parts:
        return re.compile(r"(?!x)x")
    return re.compile("|".join(parts), flags)


def fold_words(text: str) -> str:
    """Lower case, hyphens as spaces, runs of spaces as one: how word lists are compared."""
    return " ".join(text.lower().replace("-", " ").split())

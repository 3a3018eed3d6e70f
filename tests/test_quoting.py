"""The quoting rule: which texts quote the release, how a stray one is reported, and
that each fix an error suggests, applied, makes the error go away."""

from __future__ import annotations

import copy
import json
import re
from typing import Any

import pytest
import yaml

from accordtui.agreement import plain, safe_yaml
from accordtui.agreement.difference import MARKS, Nearest, kinds_of
from accordtui.agreement.errors import AgreementError, Problem
from accordtui.agreement.loader import parse_agreement
from accordtui.agreement.quoting import EXPLAINED, QUOTING_RULE
from accordtui.agreement.schema import agreement_schema
from accordtui.rendering.document import Document
from tests.conftest import DATA, ROOT

RAW = safe_yaml.load(DATA.read_text(encoding="utf-8"))

EDITORIAL = re.compile(r"write `origin: editorial` in `([^`]+)`")
IN_WORD = re.compile(r"starts inside the release's word .*; write `(.+?)` before its first")
FIRST = re.compile(r"first (?:in [^:]+: )?here '(.*)', release '(.*)'; write the release's")


def dumped(raw: dict[str, Any]) -> bytes:
    return yaml.dump(raw, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False).encode()


def problems(raw: dict[str, Any]) -> list[Problem]:
    try:
        parse_agreement(dumped(raw), "case.yaml")
    except AgreementError as error:
        return list(error.problems)
    return []


def at(raw: Any, path: str) -> tuple[Any, str | int]:
    """The container holding `path`'s last key, and that key."""
    keys: list[str | int] = [
        int(k[1:-1]) if k.startswith("[") else k for k in re.findall(r"\[\d+\]|[^.\[\]]+", path)
    ]
    for key in keys[:-1]:
        raw = raw[key]
    return raw, keys[-1]


def mutated(path: str, old: str, new: str) -> dict[str, Any]:
    raw = copy.deepcopy(RAW)
    holder, key = at(raw, path)
    assert old in holder[key], (path, old)
    holder[key] = holder[key].replace(old, new, 1)
    return raw


CASES = {
    "wording": ("lead.text.fr", "leur coopération", "la coopération"),
    "apostrophe": ("lead.text.fr", "d'innovation", "d’innovation"),
    "case": ("parties[0].kind.fr", "établissement", "Établissement"),
    "space-before-colon": ("overview[0].items[1].text.fr", "objectifs :", "objectifs:"),
    "no-break-space": ("themes[0].items[1].text.fr", "couvre priori", "couvre\u00a0priori"),
    "dash": ("parties[0].name", "Mines-Télécom", "Mines–Télécom"),
    "word-left-out": ("people[0].role.fr", "Directrice générale de", "Directrice de"),
    "hyphen-as-space": ("parties[0].name", "Mines-Télécom", "Mines Télécom"),
    "words-added": ("quotes[1].text.fr", "numérique.", "numérique et plus."),
    "first-word": ("lead.text.fr", "L'Institut", "Le Institut"),
}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES)
def test_marking_the_text_ours_as_the_error_says_makes_it_go_away(case) -> None:
    raw = mutated(*case)
    (problem,) = problems(raw)
    assert problem.path == case[0] and "(the quoting rule)" in problem.message
    holder, key = at(raw, EDITORIAL.search(problem.message).group(1) + ".origin")
    holder[key] = "editorial"
    assert problems(raw) == []


@pytest.mark.parametrize("case", CASES.values(), ids=CASES)
def test_writing_the_release_s_marked_words_makes_the_error_go_away(case) -> None:
    """The marked words of the text, replaced by the release's, until none is left."""
    raw = mutated(*case)
    for _ in range(4):
        found = problems(raw)
        if not found:
            return
        (problem,) = found
        holder, key = at(raw, problem.path)
        inside = IN_WORD.search(problem.message)
        if inside is not None:  # left the first letters of the release's word out
            holder[key] = inside.group(1) + holder[key]
            continue
        here, release = (_unescaped(s) for s in FIRST.search(problem.message).groups())
        before, mine, after = re.split("[⟦⟧]", here.strip("…"))
        theirs = re.split("[⟦⟧]", release)[1]
        assert before + mine + after in holder[key]
        holder[key] = holder[key].replace(before + mine + after, before + theirs + after, 1)
    pytest.fail(f"still wrong: {problems(raw)}")


def _unescaped(shown: str) -> str:
    return re.sub(r"\\u([0-9a-f]{4})", lambda m: chr(int(m.group(1), 16)), shown)


def test_a_difference_of_case_or_typography_is_named() -> None:
    named = {
        "wording": "visant à renforcer ⟦la⟧ coopération",
        "apostrophe": "⟦d’innovation⟧ dans",
        "case": "⟦Établissement⟧",
        "space-before-colon": "⟦objectifs:⟧",
        "no-break-space": "⟦couvre\\u00a0prioritairement⟧",
        "dash": "⟦Mines–Télécom⟧",
    }
    kinds = {
        "wording": "which differs first in its words:",
        "apostrophe": "has it but for the apostrophe (’ or '),",
        "case": "has it but for case,",
        "space-before-colon": "has it but for spaces,",
        "no-break-space": "has it but for spaces,",
        "dash": "has it but for the dash,",
    }
    for name, marked in named.items():
        (problem,) = problems(mutated(*CASES[name]))
        assert marked in problem.message, name
        assert kinds[name] in problem.message, name


def test_the_nearest_paragraph_is_named() -> None:
    (problem,) = problems(mutated(*CASES["word-left-out"]))
    assert "nearest is `release[1]` ('p2')" in problem.message
    assert "here 'Directrice ⟦de⟧ l'IMT'" in problem.message
    assert "release '…Gauthier, Directrice ⟦générale de⟧ l'IMT…'" in problem.message


def test_differences_one_by_one() -> None:
    release = Nearest(["« Nos deux établissements » — une phrase… Et une autre."])
    quoted = release.difference('"Nos deux établissements"')
    assert quoted is not None and quoted.alike and quoted.kinds == ("quotation marks", "spaces")
    assert kinds_of("une phrase...", "une phrase…") == ("ellipsis",)
    assert kinds_of("Une - phrase", "une — phrase") == ("case", "dash")
    assert kinds_of("une autre", "un autre") == ("wording",)
    assert release.difference("rien de commun") is None
    added = release.difference("une phrase… Et une autre encore.")
    assert added is not None and not added.alike
    assert added.here.endswith(f"autre{MARKS[0]} encore.{MARKS[1]}")
    assert added.release.endswith(f"autre{MARKS[0]}.{MARKS[1]}")


def test_names_kinds_and_roles_can_be_ours(agreement) -> None:
    raw = copy.deepcopy(RAW)
    raw["parties"][0].update(name="IMT (our name)", origin="editorial")
    raw["parties"][0]["kind"].update(fr="école d'ingénieurs", origin="editorial")
    raw["people"][2]["role"].update(fr="un haut fonctionnaire", origin="editorial")
    raw["people"][2].update(name="M. Duflot", origin="editorial")
    raw["themes"][0]["items"][0]["text"].update(fr="Notre résumé.", origin="editorial")
    assert problems(raw) == []
    agreement = parse_agreement(dumped(raw))
    assert plain.load(json.loads(plain.dump(agreement))) == agreement  # as the cache keeps it
    doc = Document(agreement)
    text = repr(doc.blocks("imt", "fr")) + repr(doc.blocks("loic-duflot", "en"))
    assert "école d'ingénieurs (intitulé de la rédaction)" in text
    assert "[nom de la rédaction]" in text and "[our name]" in text
    assert "[texte de la rédaction]" in repr(doc.blocks("agreement-aim", "fr"))


def test_the_rule_is_the_same_in_schema_readme_and_errors() -> None:
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert QUOTING_RULE in readme
    assert QUOTING_RULE in agreement_schema()["description"]
    assert "(the quoting rule)" in problems(mutated(*CASES["wording"]))[0].message


def test_only_the_first_stray_texts_are_compared_with_every_paragraph() -> None:
    """Each comparison reads the whole release: thousands of them would take minutes."""
    raw = copy.deepcopy(RAW)
    for person in raw["people"]:
        person["role"]["fr"] += " !"
        person["name"] += " !"
    for party in raw["parties"]:
        party["kind"]["fr"] += " !"
        party["name"] += " !"
    for quote in raw["quotes"]:
        quote["text"]["fr"] += " !"
    for group in (*raw["overview"], *raw["objectives"], *raw["themes"]):
        for item in group["items"]:
            item["text"]["fr"] += " !"
    found = problems(raw)
    assert len(found) > EXPLAINED
    assert not any("for the first" in p.message for p in found[:EXPLAINED])
    assert f"named for the first {EXPLAINED} such texts only" in found[EXPLAINED].message

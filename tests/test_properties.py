"""Property tests: any input gives a model or a located error; exports stay clean."""

from __future__ import annotations

import re
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accordtui.agreement.errors import AgreementError
from accordtui.agreement.invisible import forbidden_char
from accordtui.agreement.loader import parse_agreement
from accordtui.agreement.model import Agreement
from accordtui.rendering.export import EXPORT_SECTIONS, render
from tests.conftest import DATA

GOOD = DATA.read_text(encoding="utf-8")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

scalars = st.one_of(st.text(max_size=20), st.integers(), st.booleans(), st.none())
trees = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.text(max_size=10), children, max_size=4),
    ),
    max_leaves=30,
)


def loads_or_locates(data: bytes) -> None:
    try:
        parse_agreement(data, "fuzz.yaml")
    except AgreementError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.file == "fuzz.yaml"
            assert problem.message


@SETTINGS
@given(trees)
def test_random_yaml_trees(tree: Any) -> None:
    loads_or_locates(yaml.safe_dump(tree, allow_unicode=True).encode())


@SETTINGS
@given(st.data())
def test_random_mutations_of_the_bundled_file(data: st.DataObject) -> None:
    text = GOOD
    for _ in range(data.draw(st.integers(1, 4))):
        position = data.draw(st.integers(0, len(text)))
        length = data.draw(st.integers(0, 8))
        insert = data.draw(st.text(max_size=6))
        text = text[:position] + insert + text[position + length :]
    loads_or_locates(text.encode("utf-8", "surrogatepass"))


@SETTINGS
@given(st.data())
def test_json_and_text_exports_of_valid_models(data: st.DataObject) -> None:
    raw = yaml.safe_load(GOOD)
    printable = st.text(
        st.characters(blacklist_categories=("Cc", "Cs", "Cf", "Cn", "Co", "Zl", "Zp")), min_size=1
    ).filter(lambda text: text.strip() and forbidden_char(text) is None)
    raw["title"]["fr"] = data.draw(printable)
    raw["quotes"][0]["text"]["en"] = data.draw(printable)
    raw["parties"][1]["name"] = name = data.draw(printable)
    # A name must be the release's words: here the release names it too.
    raw["release"].append({"id": "named", "kind": "paragraph", "fr": name, "en": name})
    agreement = Agreement.model_validate(raw)
    assert Agreement.model_validate_json(render(agreement, "all", "json")) == agreement
    for section in EXPORT_SECTIONS:
        for lang in ("fr", "en"):
            assert not CONTROL.search(render(agreement, section, "text", lang))  # type: ignore[arg-type]

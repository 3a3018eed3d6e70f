"""The terminal's title names the agreement, and comes back as it was afterwards."""

from __future__ import annotations

import io

from accordtui.agreement.model import Agreement, Title
from accordtui.browser.terminal_title import POP, PUSH, titled, window_title


def test_the_title_names_the_agreement_and_marks_a_title_of_ours(agreement: Agreement) -> None:
    assert window_title(agreement.title, "fr") == (
        "Accord-cadre de partenariat entre l’IMT et Inria [réd.] — accordtui"
    )
    release = Title(fr="Un titre", en="A title", origin="release")
    assert window_title(release, "en") == "A title — accordtui"


def test_the_old_title_is_pushed_then_popped_and_the_name_is_inert() -> None:
    out = io.StringIO()
    with titled(out, "Accord\x07\x1b]52;c;eA==\x07"):
        assert out.getvalue() == f"{PUSH}\x1b]2;Accord\\u0007\\u001b]52;c;eA==\\u0007\x07"
    assert out.getvalue().endswith(POP)


def test_a_closed_terminal_is_no_error() -> None:
    out = io.StringIO()
    out.close()
    with titled(out, "Accord"):
        pass

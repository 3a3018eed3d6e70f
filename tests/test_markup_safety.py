"""Text from data is data: markup-looking text shows literally and never runs actions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from accordtui.agreement.model import Agreement
from accordtui.browser.app import AccordApp
from accordtui.browser.widgets.detail import Detail

PAYLOADS = [
    "[/]",
    "[b]x[/i]",
    "[@click=app.quit]quit[/]",
    "[ @click=app.screenshot('x.svg','{tmp}')]shot[/]",
]


def hostile(agreement: Agreement, tmp: Path) -> Agreement:
    data: dict[str, Any] = agreement.model_dump()
    texts = [p.format(tmp=tmp) for p in PAYLOADS]
    data["lead"]["title"]["fr"] = " ".join(texts)
    data["lead"]["text"]["fr"] = "\n".join(texts * 3)
    data["parties"][0]["name"] = texts[2]
    data["people"][0]["name"] = texts[3]
    data["overview"][0]["items"][0]["title"]["fr"] = texts[0]
    data["quotes"][0]["text"]["fr"] = texts[1]
    # French texts must be the release's words: here the release says them too.
    release = {"id": "hostile", "kind": "paragraph", "fr": "\n".join(texts * 3), "en": "x"}
    data["release"].append(release)
    return Agreement.model_validate(data)


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_payloads_show_literally_and_clicks_do_nothing(
    agreement: Agreement, tmp_path: Path, size: tuple[int, int]
) -> None:
    app = AccordApp(hostile(agreement, tmp_path))
    async with app.run_test(size=size) as pilot:
        shown = str(app.screen.query_one(Detail).shown)
        for payload in PAYLOADS:
            assert payload.format(tmp=tmp_path) in shown
        detail = app.screen.query_one("#detail")
        # The payloads fill the first lines of the detail; the two that would act on a
        # click are over 20 cells wide: every eighth cell there hits each at least twice.
        for y in range(1, 4):
            for x in range(1, detail.size.width, 8):
                await pilot.click("#detail", offset=(x, y))
        await pilot.press("2")
        for x in range(1, app.screen.query_one("#items").size.width, 4):
            await pilot.click("#items", offset=(x, 1))
        await pilot.press("2", "y")
        await pilot.pause()
        assert app.is_running
        assert app.return_code is None
        assert not (tmp_path / "x.svg").exists()
        assert app.clipboard.startswith("[@click=app.quit]quit[/]")

"""The browser driven by keys: what is focused, what is shown, what is written."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events
from textual.widgets import Input, Label, OptionList

from accordtui.agreement.model import Agreement
from accordtui.browser.app import AccordApp
from accordtui.browser.screens.browser import BrowserScreen
from accordtui.browser.screens.dialogs import ConfirmDialog
from accordtui.browser.screens.export_dialog import ExportDialog
from accordtui.browser.screens.help import HelpScreen
from accordtui.browser.styled import EXCERPT, HIGHLIGHT
from accordtui.browser.widgets.detail import Detail
from accordtui.browser.widgets.section_tabs import SectionTabs
from accordtui.rendering.export import render
from accordtui.rendering.labels import FR, SECTIONS
from tests.screen_text import screen_lines

SIZE = (80, 24)


@pytest.fixture
def cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh working folder: the export dialog writes relative to it."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def browser(app: AccordApp) -> BrowserScreen:
    screen = app.screen
    assert isinstance(screen, BrowserScreen)
    return screen


def detail_text(app: AccordApp) -> str:
    return str(app.screen.query_one(Detail).shown)


def highlighted_id(app: AccordApp, selector: str) -> str | None:
    options = app.screen.query_one(selector, OptionList)
    assert options.highlighted is not None
    return options.get_option_at_index(options.highlighted).id


async def test_starts_on_the_overview_with_the_list_focused(agreement: Agreement) -> None:
    app = AccordApp(agreement)
    async with app.run_test(size=SIZE):
        assert app.focused is app.screen.query_one("#items")
        assert browser(app).section == "overview"
        assert "L’accord en bref" in detail_text(app)
        assert "Nature\u00a0: accord-cadre de partenariat" in detail_text(app)
        top = " ".join(screen_lines(app)[0].split())
        assert top == "Accord-cadre de partenariat entre l’IMT et Inria [réd.] FR original"


@pytest.mark.parametrize(
    ("key", "section", "first"),
    [
        ("1", "overview", "lead"),
        ("2", "parties", "imt"),
        ("3", "objectives", "research"),
        ("4", "themes", "agreement-aim"),
        ("5", "quotes", "gauthier"),
        ("6", "source", "p1"),
    ],
)
async def test_number_keys_show_sections(agreement: Agreement, key, section, first) -> None:
    app = AccordApp(agreement)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5" if key == "1" else "1", key)
        assert browser(app).section == section
        assert app.screen.query_one(SectionTabs).active == section
        assert highlighted_id(app, "#items") == first


async def test_a_click_on_a_tab_or_the_bar_under_it_shows_that_section(
    agreement: Agreement,
) -> None:
    app = AccordApp(agreement)
    async with app.run_test(size=SIZE) as pilot:
        names = [f"{n} {getattr(FR, s)}" for n, s in enumerate(SECTIONS, start=1)]
        starts = [sum(len(name) + 1 for name in names[:i]) for i in range(len(names))]
        await pilot.click("#sections", offset=(starts[2], 0))
        await pilot.pause()
        assert browser(app).section == "objectives"
        assert app.screen.query_one(SectionTabs).active == "objectives"
        await pilot.click("#sections", offset=(starts[4] + 2, 1))  # the bar's row
        await pilot.pause()
        assert browser(app).section == "quotes"


async def test_list_keys_move_and_update_the_detail(agreement: Agreement) -> None:
    app = AccordApp(agreement)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "j")
        assert highlighted_id(app, "#items") == "odile-gauthier"  # beneath her party
        assert "Directrice générale de l'IMT" in detail_text(app)
        await pilot.press("G")
        assert highlighted_id(app, "#items") == "loic-duflot"
        await pilot.press("k")
        assert highlighted_id(app, "#items") == "bruno-sportisse"
        await pilot.press("g")
        assert highlighted_id(app, "#items") == "imt"
        await pilot.press("end", "up", "home", "down")
        assert highlighted_id(app, "#items") == "odile-gauthier"


async def test_group_headings_show_and_the_cursor_passes_over_them(agreement: Agreement) -> None:
    app = AccordApp(agreement)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        items = app.screen.query_one("#items", OptionList)
        assert str(items.options[0].prompt) == "Les trois objectifs [réd.]"  # ours, and says so
        await pilot.press("4")
        prompts = [str(o.prompt) for o in items.options]
        assert prompts[0] == "Les thématiques prioritaires et les projets"  # the release's
        assert "Des objectifs communs pour un avenir durable" in prompts
        assert [o.disabled for o in items.options].count(True) == 2
        await pilot.press("j", "j", "j")
        assert highlighted_id(app, "#items") == "responsible-transformation"
        await pilot.press("k")
        assert highlighted_id(app, "#items") == "first-actions"


async def test_tab_moves_between_panes(agreement: Agreement) -> None:
    app = AccordApp(agreement)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab")
        assert app.focused is app.screen.query_one("#detail")
        await pilot.press("tab")
        assert app.focused is app.screen.query_one("#links")
        await pilot.press("shift+tab", "shift+tab")
        assert app.focused is app.screen.query_one("#items")


async def test_quote_to_speaker_and_back(agreement: Agreement) -> None:
    app = AccordApp(agreement)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5", "j", "enter")
        assert app.focused is app.screen.query_one("#links")
        assert highlighted_id(app, "#links") == "bruno-sportisse"
        await pilot.press("enter")
        assert browser(app).section == "parties"
        assert highlighted_id(app, "#items") == "bruno-sportisse"
        assert "Président-directeur général d'Inria" in detail_text(app)
        await pilot.press("escape")
        assert browser(app).section == "quotes"
        assert highlighted_id(app, "#items") == "sportisse"


async def test_quote_to_party_then_party_to_its_quotes(agreement: Agreement) -> None:
    app = AccordApp(agreement)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5", "enter", "down", "enter")
        assert browser(app).key == "imt"
        links = [o.id for o in app.screen.query_one("#links", OptionList).options]
        assert links == ["lead", "odile-gauthier", "signing", "gauthier"]
        await pilot.press("enter", "end", "enter")
        assert browser(app).key == "gauthier"
        await pilot.press("backspace", "backspace")
        assert browser(app).key == "gauthier"
        assert [p.key for p in browser(app).history.back] == ["lead"]  # where "5" came from


async def test_priority_field_to_objective_and_back_with_inferred_links(
    agreement: Agreement,
) -> None:
    app = AccordApp(agreement)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "j", "enter")
        options = app.screen.query_one("#links", OptionList).options
        assert [o.id for o in options] == ["research", "first-actions", "p5"]
        assert str(options[0].prompt).endswith("(lien déduit)")
        assert str(options[2].prompt) == "→ Source\u00a0: Paragraphe\u00a05"
        await pilot.press("enter")
        assert browser(app).key == "research"
        await pilot.press("enter", "enter")
        assert browser(app).key == "priority-field"
        await pilot.press("escape", "escape")
        assert browser(app).key == "priority-field"


async def test_entry_to_its_paragraph_with_the_excerpt_marked(agreement: Agreement) -> None:
    app = AccordApp(agreement)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "j", "enter", "end", "enter")
        screen = browser(app)
        assert (screen.section, screen.key) == ("source", "p5")
        shown = app.screen.query_one(Detail).shown
        marked = [shown.plain[s.start : s.end] for s in shown.spans if s.style == EXCERPT]
        assert marked == [agreement.themes[0].items[1].text.fr]
        links = [o.id for o in app.screen.query_one("#links", OptionList).options]
        assert links == ["agreement-aim", "priority-field"]  # what is drawn from it
        await pilot.press("enter", "enter")
        assert screen.key == "agreement-aim"
        assert not [s for s in app.screen.query_one(Detail).shown.spans if s.style == EXCERPT]


async def test_search_finds_highlights_and_cycles(agreement: Agreement) -> None:
    app = AccordApp(agreement)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        assert isinstance(app.focused, Input)
        await pilot.press(*"pepr", "enter")
        screen = browser(app)
        assert screen.matches == ["first-actions", "p6"]
        assert screen.key == "first-actions"
        assert app.focused is app.screen.query_one("#items")
        shown = app.screen.query_one(Detail).shown
        marked = [shown.plain[s.start : s.end] for s in shown.spans if s.style == HIGHLIGHT]
        assert marked and all(m == "PEPR" for m in marked)
        await pilot.press("n")
        assert screen.key == "p6"
        await pilot.press("N")
        assert screen.key == "first-actions"
        await pilot.press("slash", "escape")
        assert screen.matches == []
        assert not [s for s in app.screen.query_one(Detail).shown.spans if s.style == HIGHLIGHT]


async def test_search_ignores_accents_and_case(agreement: Agreement) -> None:
    app = AccordApp(agreement)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"loic", "enter")
        assert browser(app).key == "signing"
        assert "loic-duflot" in browser(app).matches


async def test_language_toggle_changes_text_and_indicator(agreement: Agreement) -> None:
    app = AccordApp(agreement)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")
        assert agreement.quotes[0].text.fr in detail_text(app)
        await pilot.press("l")
        assert agreement.quotes[0].text.en in detail_text(app)
        assert "(our translation)" in detail_text(app)
        assert "translation" in screen_lines(app)[0] or "translation" in screen_lines(app)[1]
        assert any("5 Quotes" in line for line in screen_lines(app))
        await pilot.press("l")
        assert agreement.quotes[0].text.fr in detail_text(app)


async def test_start_in_english(agreement: Agreement) -> None:
    app = AccordApp(agreement, lang="en")
    async with app.run_test(size=SIZE):
        assert "Page last changed: 1 July 2024" in detail_text(app)
        top = " ".join(screen_lines(app)[0].split())
        assert top == "Framework partnership agreement between IMT and Inria [ours] EN translation"


async def test_copy_item_and_section(agreement: Agreement) -> None:
    app = AccordApp(agreement)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5", "y")
        quote, speaker, reference = app.clipboard.splitlines()
        assert quote == f"«\u00a0{agreement.quotes[0].text.fr}\u00a0»"
        assert speaker == f"— {agreement.quotes[0].attribution.fr}"
        assert reference.startswith(agreement.title.fr)
        assert "paragraphe\u00a09, page modifiée le 01/07/2024" in reference
        notices = [n.message for n in app._notifications]
        assert notices == [
            "Copié\u00a0: «\u00a0Ce partenariat avec Inria représente une formidable opportunité…"
        ]
        await pilot.press("Y")
        await app.workers.wait_for_complete()  # the section is written out in a thread
        assert app.clipboard == render(agreement, "quotes", "text", "fr")
        assert [n.message for n in app._notifications][-1].startswith("Section «\u00a0Citations")


async def test_export_writes_then_asks_before_overwriting(agreement: Agreement, cwd: Path) -> None:
    app = AccordApp(agreement)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5", "e")
        assert isinstance(app.screen, ExportDialog)
        assert app.screen.query_one(Input).value == "accord-quotes.fr.txt"
        await pilot.press("enter")
        await pilot.pause()
        written = cwd / "accord-quotes.fr.txt"
        assert written.read_text(encoding="utf-8") == render(agreement, "quotes", "text", "fr")
        written.write_text("mine")
        await pilot.press("e", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert written.read_text() == "mine"
        await pilot.press("e", "enter")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert "\n\nCitations\n=========\n" in written.read_text(encoding="utf-8")
        assert sorted(p.name for p in cwd.iterdir()) == ["accord-quotes.fr.txt"]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("missing-folder/out.txt", "cannot write to"),
        ("~nosuchuser/x.txt", "cannot find the home folder of nosuchuser"),
        ("n" * 256 + ".txt", "a name is 260 bytes; the limit is 255"),
        ("/" + "d/" * 2100 + "x.txt", "the limit is 4,095"),
        ("/dev/null", "not a regular file"),
    ],
)
async def test_export_path_errors_stay_in_the_dialog(
    agreement: Agreement, cwd: Path, typed: str, expected: str
) -> None:
    app = AccordApp(agreement, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        app.screen.query_one(Input).value = typed
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)  # never asked to replace /dev/null
        shown = str(app.screen.query_one("#export-error", Label).render())
        assert expected in shown
        assert "\n" not in shown


async def test_export_works_after_the_working_folder_vanished(
    agreement: Agreement, cwd: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    target = tmp_path_factory.mktemp("out") / "quotes.txt"
    app = AccordApp(agreement, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        cwd.rmdir()
        await pilot.press("5", "e")
        app.screen.query_one(Input).value = "relative.txt"
        await pilot.press("enter")
        await pilot.pause()
        assert "working folder no longer exists" in str(
            app.screen.query_one("#export-error", Label).render()
        )
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert "\nQuotes\n" in target.read_text(encoding="utf-8")


async def test_export_path_error_speaks_french(agreement: Agreement, cwd: Path) -> None:
    app = AccordApp(agreement, lang="fr")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        app.screen.query_one(Input).value = "~nosuchuser/x.txt"
        await pilot.press("enter")
        await pilot.pause()
        shown = str(app.screen.query_one("#export-error", Label).render())
        assert shown == "~nosuchuser/x.txt\u00a0: dossier personnel de nosuchuser introuvable"


async def test_export_cancel_writes_nothing(agreement: Agreement, cwd: Path) -> None:
    app = AccordApp(agreement)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e", "escape")
        await pilot.pause()
        assert isinstance(app.screen, BrowserScreen)
        assert list(cwd.iterdir()) == []


@pytest.mark.parametrize("key", ["question_mark", "f1"])
async def test_help_lists_every_key(agreement: Agreement, key: str) -> None:
    app = AccordApp(agreement)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(key)
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#help-keys").render())
        for expected in (
            "Source",
            "/ ",
            "?, f1",
            "Exporter",
            "Copier la section",
            "FR/EN",
            "ctrl+p",
            "Quitter",
        ):
            assert expected in text
        await pilot.press("escape")
        assert isinstance(app.screen, BrowserScreen)


async def test_help_scrolls_with_the_browsers_keys_and_loses_no_press(
    agreement: Agreement,
) -> None:
    """Keys that arrive together (typed fast, held down) each scroll a line: the help
    took five at once for one, and did not know j, k, g or G."""
    app = AccordApp(agreement)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("question_mark")
        scroll = app.screen.query_one("#help-scroll")
        assert scroll.max_scroll_y > 10
        for _ in range(5):
            app.post_message(events.Key("down", None))
        for _ in range(3):
            app.post_message(events.Key("j", "j"))
        await pilot.pause()
        assert scroll.scroll_y == 8
        await pilot.press("k")
        assert scroll.scroll_y == 7
        await pilot.press("G")
        assert scroll.scroll_y == scroll.max_scroll_y
        await pilot.press("g")
        assert scroll.scroll_y == 0
        await pilot.press("pagedown")
        assert scroll.scroll_y == scroll.scrollable_content_region.height - 1


async def test_palette_jumps_to_an_entry(agreement: Agreement) -> None:
    app = AccordApp(agreement)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"Premières actions")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert browser(app).key == "first-actions"


async def test_q_quits(agreement: Agreement) -> None:
    app = AccordApp(agreement)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("q")
    assert app.return_code == 0


async def test_narrow_terminal_stacks_the_panes(agreement: Agreement) -> None:
    app = AccordApp(agreement)
    async with app.run_test(size=(60, 20)):
        assert app.screen.has_class("-narrow")
    app = AccordApp(agreement)
    async with app.run_test(size=SIZE):
        assert app.screen.has_class("-wide")


async def test_theme_option(agreement: Agreement) -> None:
    app = AccordApp(agreement, theme_name="nord")
    async with app.run_test(size=SIZE):
        assert app.theme == "nord"


async def test_paging_right_after_a_section_switch(agreement: Agreement) -> None:
    """Regression: OptionList raised KeyError on pagedown before the new list was laid out."""
    app = AccordApp(agreement)
    async with app.run_test(size=SIZE) as pilot:
        for key in ("2", "pagedown", "3", "pageup"):
            app.post_message(events.Key(key, key if len(key) == 1 else None))
        await pilot.pause()
        assert app.is_running
        assert browser(app).section == "objectives"


async def test_fast_section_keys_end_on_the_last_one(agreement: Agreement) -> None:
    """Regression: a stale TabActivated from "2" switched back after "3" was handled."""
    app = AccordApp(agreement)
    async with app.run_test(size=SIZE) as pilot:
        for key in ("2", "3"):
            app.post_message(events.Key(key, key))
        await pilot.pause()
        assert browser(app).section == "objectives"
        assert browser(app).key == "research"

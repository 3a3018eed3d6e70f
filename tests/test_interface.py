"""One interface in the reader's language: the catalogue, the chrome, the keys."""

from __future__ import annotations

import random
import re
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual._compositor import Compositor, LayoutUpdate
from textual.command import CommandList
from textual.css import stylesheet
from textual.css.scalar import Scalar
from textual.css.stylesheet import Stylesheet
from textual.dom import DOMNode
from textual.pilot import Pilot
from textual.widgets import Input, Label, OptionList

from accordtui.agreement.model import Agreement, Lang
from accordtui.browser.app import AccordApp
from accordtui.browser.commands import prefix_score
from accordtui.browser.screens.browser import BrowserScreen
from accordtui.browser.screens.help import HelpScreen
from accordtui.browser.styled import HIGHLIGHT
from accordtui.browser.widgets.detail import Detail
from accordtui.browser.widgets.key_footer import KeyFooter
from accordtui.browser.widgets.search_bar import SearchBar
from accordtui.rendering.document import Document
from accordtui.rendering.export import render_document
from accordtui.rendering.labels import EN, FR, SECTIONS, Labels, labels_for
from tests.screen_text import screen_lines, screen_words

FIELDS = list(Labels._fields)
UNTRANSLATED = {"translated"}
"""French shows no "translation" mark: French is the original."""


def catalogue_words(labels: Labels) -> set[str]:
    text = " ".join(str(getattr(labels, name)) for name in FIELDS)
    text = re.sub(r"\{\w+\}", " ", text)
    return {w.lower() for w in re.findall(r"[^\W\d_]+", text)}


ENGLISH_ONLY = catalogue_words(EN) - catalogue_words(FR)
FRENCH_ONLY = catalogue_words(FR) - catalogue_words(EN)


def content_words(agreement: Agreement, lang: Lang) -> set[str]:
    """Words of the agreement itself (English mode keeps French names, such as "du")."""
    document = Document(agreement)
    text = " ".join(render_document(document, s, "text", lang) for s in SECTIONS)
    return {w.lower() for w in re.findall(r"[^\W\d_]+", text)}


def test_catalogues_have_every_word_and_no_defaults() -> None:
    assert Labels._field_defaults == {}
    with pytest.raises(TypeError):
        Labels(overview="x")  # type: ignore[call-arg]
    for labels in (FR, EN):
        empty = [n for n in FIELDS if not getattr(labels, n) and n not in UNTRANSLATED]
        assert empty == []
    placeholder = r"\{(\w+)(?::[^}]*)?\}"  # a name, and a format of its own per language
    for name in FIELDS:  # the same placeholders in both languages
        assert re.findall(placeholder, getattr(FR, name)) == re.findall(
            placeholder, getattr(EN, name)
        ), name


@pytest.mark.parametrize("name", FIELDS)
def test_french_typography(name: str) -> None:
    text = getattr(FR, name)
    assert not re.search(r"[^\u00a0][:;?!]", text.replace("://", "")), text
    assert "« " not in text and " »" not in text, text
    assert not re.search(r"\u00a0[:;?!]", getattr(EN, name)), getattr(EN, name)


async def walk_chrome(pilot: Pilot[None], app: AccordApp, lang: Lang) -> set[str]:
    """Every word shown across sections, search, help and the export dialog."""
    seen: set[str] = set()

    async def look(*keys: str) -> None:
        await pilot.press(*keys)
        await pilot.pause()
        seen.update(w.lower() for w in screen_words(app) if len(w) > 1)  # not key letters

    for key in "123456":
        await look(key)
    await look("slash", *"pepr")
    await pilot.pause(0.3)  # the search bar waits for a pause in typing
    await look("enter", "n")
    await look("escape", "question_mark")
    await look("end")
    await look("escape", "e")
    await look("escape", "ctrl+p")
    await look("escape")
    return seen


@pytest.mark.parametrize(("lang", "foreign"), [("fr", ENGLISH_ONLY), ("en", FRENCH_ONLY)])
async def test_chrome_speaks_one_language(agreement: Agreement, lang: Lang, foreign) -> None:
    app = AccordApp(agreement, lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        seen = await walk_chrome(pilot, app, lang)
    assert seen & (foreign - content_words(agreement, lang)) == set()
    assert "rechercher" in seen if lang == "fr" else "search" in seen


async def test_footer_follows_the_language(agreement: Agreement) -> None:
    app = AccordApp(agreement)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert {"Aide", "Quitter", "Retour"} <= screen_words(app)
        await pilot.press("l")
        await pilot.pause()
        words = screen_words(app)
        assert {"Help", "Quit", "Back"} <= words
        assert not {"Aide", "Quitter"} & words


# -- escape, back, forward, sections -------------------------------------------

LANGS = ["fr", "en"]


def screen(app: AccordApp) -> BrowserScreen:
    assert isinstance(app.screen, BrowserScreen)
    return app.screen


async def search(pilot: Pilot[None], query: str) -> None:
    await pilot.press("slash", *query)
    await pilot.pause(0.3)  # the bar reports a query after a pause in typing
    await pilot.press("enter")
    await pilot.pause()


@pytest.mark.parametrize("lang", LANGS)
async def test_escape_closes_the_search_bar_then_goes_back(agreement: Agreement, lang) -> None:
    app = AccordApp(agreement, lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await search(pilot, "pepr")
        found = screen(app).key
        bar = app.screen.query_one(SearchBar)
        assert bar.is_open and found in screen(app).matches
        await pilot.press("escape")
        assert not bar.is_open
        assert screen(app).key == found  # where the search took us
        await pilot.press("escape")
        assert screen(app).key == "imt"  # then back through history


async def test_back_and_forward_restore_the_place(agreement: Agreement) -> None:
    """Navigation is the same in both languages: one is enough here."""
    app = AccordApp(agreement)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5", "enter", "down")  # the links of the first quote, second link
        await pilot.pause()
        links = app.screen.query_one("#links", OptionList)
        assert app.focused is links and links.highlighted == 1
        await pilot.press("tab", "shift+tab")  # still on links
        detail = app.screen.query_one(Detail)
        detail.scroll_to(y=2, animate=False)
        await pilot.pause()
        before = screen(app).place()
        await pilot.press("enter")  # follow the link
        await pilot.pause()
        assert screen(app).key != before.key
        await pilot.press("escape")
        await pilot.pause()
        await pilot.pause()
        assert screen(app).key == before.key and screen(app).section == "quotes"
        assert app.focused is links and links.highlighted == 1
        assert detail.scroll_y == before.scroll
        followed = screen(app).history.forward[-1].key
        await pilot.press("f")
        await pilot.pause()
        assert screen(app).key == followed


async def test_back_restores_the_scroll_after_a_short_entry(agreement: Agreement) -> None:
    """Coming back from a party (a short entry) scrolled the detail to its top: the
    scroll was refused while the pane still had the short entry's layout."""
    app = AccordApp(agreement)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("tab", "j", "j", "tab")  # the lead, scrolled; then its links
        await pilot.pause()
        detail = app.screen.query_one(Detail)
        before = screen(app).place()
        assert before.scroll == 2
        await pilot.press("enter")
        await pilot.pause()
        assert detail.virtual_size.height <= detail.size.height  # short: nothing to scroll
        await pilot.press("escape")
        await pilot.pause()
        await pilot.pause()
        assert screen(app).key == before.key and detail.scroll_y == 2


async def test_links_take_the_rows_they_need_when_everything_fits(agreement: Agreement) -> None:
    """A party's four links sat under a scrollbar, the last cut off, with ten empty
    rows above them; a long entry keeps its rows and its links their cap. At 80x25:
    under the title line, the French quote needs the 24th row."""
    app = AccordApp(agreement)
    async with app.run_test(size=(80, 25)) as pilot:
        detail = app.screen.query_one(Detail)
        links = app.screen.query_one("#links", OptionList)
        for key in ("2", "j", "j", "5"):  # IMT, Odile Gauthier, Inria, a quote
            await pilot.press(key)
            await pilot.pause()
            assert links.size.height >= links.virtual_size.height, screen(app).key
            assert detail.size.height >= detail.virtual_size.height, screen(app).key
            if key == "2":
                assert links.virtual_size.height > 4  # more than the cap lets through
        await pilot.press("1")  # the lead: more text than rows
        await pilot.pause()
        assert detail.virtual_size.height > detail.size.height
        assert links.outer_size.height <= 6  # the stylesheet's cap


async def test_brackets_step_between_sections_and_stop(agreement: Agreement) -> None:
    """Navigation is the same in both languages: one is enough here."""
    app = AccordApp(agreement)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("left_square_bracket")
        assert screen(app).section == "overview"
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert screen(app).section == "objectives"
        await pilot.press(*["right_square_bracket"] * 6)
        assert screen(app).section == "source"
        await pilot.press("left_square_bracket")
        assert screen(app).section == "quotes"


# -- search shows what it found -------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
async def test_enter_shows_the_first_match_with_its_position(agreement: Agreement, lang) -> None:
    app = AccordApp(agreement, lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await search(pilot, "bercy")
        await pilot.pause()
        matches = screen(app).matches
        assert len(matches) > 1 and screen(app).key == matches[0]
        count = app.screen.query_one("#search-count", Label)
        assert str(count.render()) == f"1/{len(matches)}"
        assert any("Bercy" in line for line in screen_lines(app)[3:-2])  # in the panes
        await pilot.press("n")
        await pilot.pause()
        await pilot.pause()
        assert screen(app).key == matches[1]
        assert str(count.render()) == f"2/{len(matches)}"
        assert any("Bercy" in line for line in screen_lines(app)[3:-2])
        await pilot.press("N", "N")
        assert screen(app).key == matches[-1]  # previous from the first: the last


def highlight_on_screen(detail: Detail) -> bool:
    """Whether a highlighted match is among the detail's visible lines."""
    strips = (detail.render_line(y) for y in range(detail.size.height))
    return any(
        segment.style is not None and segment.style.reverse and segment.text.strip()
        for strip in strips
        for segment in strip
    )


async def test_every_match_is_scrolled_into_view(agreement: Agreement) -> None:
    """A found quote ends the pane at 80x24: the match was one line below the bottom,
    the scroll clamped to the pane's height before the links pane took its rows."""
    app = AccordApp(agreement)
    async with app.run_test(size=(80, 24)) as pilot:
        await search(pilot, "souveraineté")
        detail = app.screen.query_one(Detail)
        matches = screen(app).matches
        assert len(matches) > 3
        for match in matches:
            await pilot.pause()
            assert screen(app).key == match and highlight_on_screen(detail), match
            await pilot.press("n")


@pytest.mark.parametrize("lang", LANGS)
async def test_highlights_follow_the_language_and_paste_works(agreement: Agreement, lang) -> None:
    app = AccordApp(agreement, lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash")
        app.screen.query_one("#search-input", Input).post_message(events.Paste("Bercy"))
        await pilot.pause(0.3)
        assert app.screen.query_one("#search-input", Input).value == "Bercy"
        await pilot.press("enter", "l")
        await pilot.pause()
        shown = app.screen.query_one(Detail).shown
        assert any(
            s.style == HIGHLIGHT and shown.plain[s.start : s.end] == "Bercy" for s in shown.spans
        )


# -- palette ---------------------------------------------------------------------


def test_palette_matches_word_prefixes() -> None:
    assert prefix_score("Parties › Bruno Sportisse", "bru") > 0
    assert prefix_score("Parties › Bruno Sportisse", "spor bru") == 0  # in order
    assert prefix_score("Thèmes › La promotion d'une approche commune", "Bruno") == 0
    assert prefix_score("Thèmes › Télécom", "telecom") > 0


def palette_prompts(app: AccordApp) -> list[str]:
    commands = app.screen.query_one(CommandList)
    return [str(commands.get_option_at_index(i).prompt) for i in range(commands.option_count)]


@pytest.mark.parametrize("lang", LANGS)
async def test_palette_lists_everything_on_an_empty_query(agreement: Agreement, lang) -> None:
    app = AccordApp(agreement, lang=lang)
    words = labels_for(lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause(0.4)
        prompts = palette_prompts(app)
        assert any(p.startswith(words.key_export) for p in prompts)
        assert sum(p.startswith(words.parties) for p in prompts) >= 2
        await pilot.press(*"screenshot")
        await pilot.pause(0.4)
        fallback = words.palette_search_text.format(query="screenshot")
        assert [p.split("\n")[0] for p in palette_prompts(app)] == [fallback]


async def test_palette_opened_and_closed_at_any_speed(
    agreement: Agreement, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Posted back to back, as a paste or a fast typist delivers them: no NoMatches."""
    monkeypatch.chdir(tmp_path)  # `e`, then keys, then enter: an export (it was in the repo)
    seed = random.randrange(10**9)
    rng = random.Random(seed)
    keys = ["ctrl+p", "escape", "enter", "down", *"brupe1"]
    app = AccordApp(agreement)
    async with app.run_test(size=(60, 20)) as pilot:
        for _ in range(25):
            for key in [rng.choice(keys) for _ in range(15)]:
                app.post_message(events.Key(key, key if len(key) == 1 else None))
            await pilot.pause()
            while len(app.screen_stack) > 1:
                await pilot.press("escape")
            assert app.is_running, seed
        assert app.is_running, seed


@pytest.mark.parametrize(
    "keys",
    [
        ["ctrl+p"],  # the palette opened, the app closed before it was drawn: its search
        ["ctrl+p", "escape", "1", "2"],  # keys after it: no screen, or one without lists
    ],
)
async def test_keys_queued_when_the_app_closes_do_nothing(
    agreement: Agreement, keys: list[str]
) -> None:
    """A paste or fast keys, then quit: what is still queued meets a closing app."""
    app = AccordApp(agreement)
    async with app.run_test(size=(60, 20)):  # raises what a handler or worker raised
        for key in keys:
            app.post_message(events.Key(key, key if len(key) == 1 else None))
        app.exit()


# -- layouts ---------------------------------------------------------------------

SMALL = [(60, 20), (40, 15)]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SMALL)
async def test_small_screens_keep_section_help_and_quit(agreement: Agreement, lang, size) -> None:
    words = labels_for(lang)
    app = AccordApp(agreement, lang=lang)
    async with app.run_test(size=size) as pilot:
        await pilot.press("3")
        await pilot.pause()
        lines = screen_lines(app)
        assert f"3/6 {words.objectives}" in lines[0]
        assert words.key_help in lines[-1] and words.key_quit in lines[-1]
        await pilot.press("e")
        await pilot.pause()
        shown = "\n".join(screen_lines(app))
        assert "accord-objectives" in shown
        assert words.export_button in shown and words.cancel_button in shown


@pytest.mark.parametrize("lang", LANGS)
async def test_wide_screens_show_every_tab(agreement: Agreement, lang) -> None:
    app = AccordApp(agreement, lang=lang)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        first = " ".join(screen_lines(app)[:3])  # the title line, then the tabs
        assert all(
            f"{n} {getattr(labels_for(lang), s)}" in first for n, s in enumerate(SECTIONS, 1)
        )


async def test_lists_stop_at_their_ends(agreement: Agreement) -> None:
    app = AccordApp(agreement)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "G")
        last = screen(app).key
        await pilot.press("j", "down")
        assert screen(app).key == last
        await pilot.press("g")
        first = screen(app).key
        await pilot.press("k", "up")
        assert screen(app).key == first


@pytest.mark.parametrize("lang", LANGS)
async def test_j_and_k_scroll_the_detail(agreement: Agreement, lang) -> None:
    app = AccordApp(agreement, lang=lang)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("1", "tab")
        detail = app.screen.query_one(Detail)
        assert app.focused is detail
        key = screen(app).key
        await pilot.press("j", "j")
        await pilot.pause()
        assert detail.scroll_y == 2 and screen(app).key == key
        await pilot.press("k")
        await pilot.pause()
        assert detail.scroll_y == 1


@pytest.mark.parametrize("lang", LANGS)
async def test_export_names_carry_the_language(
    agreement: Agreement, lang, tmp_path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = AccordApp(agreement, lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5", "e", "enter")
        await pilot.pause()
    assert [p.name for p in tmp_path.iterdir()] == [f"accord-quotes.{lang}.txt"]


@pytest.mark.parametrize("lang", LANGS)
async def test_keys_typed_right_after_slash_land_in_the_query(agreement: Agreement, lang) -> None:
    app = AccordApp(agreement, lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        assert not app.screen.query(SearchBar)  # built at the first search, as the keys arrive
        for key, char in [("slash", "/"), *((c, c) for c in "PEPR/"), ("enter", "\r")]:
            app.post_message(events.Key(key, char))  # back to back, as a paste arrives
        await pilot.pause(0.3)
        assert app.screen.query_one("#search-input", Input).value == "PEPR/"
        await pilot.press("backspace", "enter")
        await pilot.pause()
        assert screen(app).matches and screen(app).key == screen(app).matches[0]


async def test_search_typed_while_the_app_starts_lands_in_the_search_field(
    agreement: Agreement,
) -> None:
    """`/bercy` typed before the first screen has mounted: no export dialog from its `e`."""
    app = AccordApp(agreement)
    seen: list[object] = []

    async def type_at_once(pilot: Pilot[None]) -> None:
        await pilot.press("slash", *"bercy")
        seen.extend([app.focused, len(app.screen_stack)])
        app.exit()

    await app.run_async(headless=True, size=(80, 24), auto_pilot=type_at_once)
    focused, screens = seen
    assert isinstance(focused, Input)
    assert focused.id == "search-input"
    assert focused.value == "bercy"
    assert screens == 1


async def test_n_after_closing_the_search_takes_up_the_last_query(agreement: Agreement) -> None:
    app = AccordApp(agreement)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash", *"pepr", "enter")
        await pilot.pause(0.3)
        first = screen(app).key
        await pilot.press("escape")  # closes the bar; the entry stays
        assert not app.screen.query_one(SearchBar).is_open
        await pilot.press("n")
        await pilot.pause(0.3)
        assert screen(app).key != first and screen(app).key in screen(app).matches
        assert app.screen.query_one(SearchBar).is_open
        assert str(app.screen.query_one("#search-count", Label).render()) == "2/2"
        assert app.focused is not app.screen.query_one("#search-input")
        await pilot.press("slash", "s")  # typing goes after the query taken up, not before
        assert app.screen.query_one("#search-input", Input).value == "peprs"


@pytest.mark.parametrize("lang", LANGS)
async def test_export_error_at_40x15_leaves_the_buttons_on_screen(
    agreement: Agreement, lang
) -> None:
    app = AccordApp(agreement, lang=lang)
    async with app.run_test(size=(40, 15)) as pilot:
        words = labels_for(lang)
        top = screen_lines(app)[0]  # the title, cut to fit, keeps its mark and the language
        assert "…" in top and top.endswith(f"{words.grouping_mark} {words.lang_indicator}")
        await pilot.press("e")
        app.screen.query_one(Input).value = "~nosuchuser/x.txt"
        await pilot.press("enter")
        await pilot.pause()
        error = app.screen.query_one("#export-error", Label)
        assert "nosuchuser" in str(error.render())
        screen_area = app.screen.region
        for button in ("#export-ok", "#export-cancel"):
            region = app.screen.query_one(button).region
            assert region.height >= 1 and screen_area.contains_region(region), button


@pytest.mark.parametrize("width", [40, 60, 72])
async def test_the_footer_says_how_to_close_the_search(agreement: Agreement, width: int) -> None:
    app = AccordApp(agreement)
    async with app.run_test(size=(width, 20)) as pilot:
        await pilot.press("slash")
        await pilot.pause()
        assert FR.key_search_close in screen_lines(app)[-1]


async def test_the_footer_follows_the_language_and_is_not_redrawn_for_nothing(
    agreement: Agreement, monkeypatch: pytest.MonkeyPatch
) -> None:
    drawn: list[KeyFooter] = []
    original = KeyFooter.render

    def counted(footer: KeyFooter) -> Any:
        drawn.append(footer)
        return original(footer)

    monkeypatch.setattr(KeyFooter, "render", counted)
    app = AccordApp(agreement)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        footer = app.screen.query_one(KeyFooter)
        assert FR.key_quit in [entry.description for entry in footer.entries()]
        before = len(drawn)
        app.screen.refresh_bindings()  # as every resize does
        await pilot.pause()
        assert len(drawn) == before, "the same keys are not drawn again"
        await pilot.press("l")
        await pilot.pause()
        assert len(drawn) > before
        assert f"q {EN.key_quit}" in screen_lines(app)[-1]


async def test_the_footer_is_one_widget_and_a_click_on_a_key_presses_it(
    agreement: Agreement,
) -> None:
    """Textual's Footer built a widget per key, four times before the first frame."""
    app = AccordApp(agreement)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        footer = app.screen.query_one(KeyFooter)
        assert not footer.children
        line = screen_lines(app)[-1]
        await pilot.click(KeyFooter, offset=(line.index(FR.key_help), 0))
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_the_first_screen_is_styled_once_before_its_first_frame(
    agreement: Agreement, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Textual styles the whole screen again each time it shows; at its first showing
    every node had just been styled as it mounted."""
    styled: list[str | None] = []
    apply = Stylesheet.apply

    def counting(sheet: Stylesheet, node: DOMNode, *args: Any, **kwargs: Any) -> None:
        styled.append(node.id)
        apply(sheet, node, *args, **kwargs)

    monkeypatch.setattr(Stylesheet, "apply", counting)
    app = AccordApp(agreement)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert styled.count("topbar") == 1


async def test_the_styles_of_later_screens_are_parsed_when_they_first_show(
    agreement: Agreement,
) -> None:
    """In app.tcss, the rules of dialogs, help, the too-small notice and `--watch`'s
    problems were parsed at every start (9 M instructions of 1,206), for screens most
    starts never show; beside those screens they are parsed when one first shows."""
    later = re.compile(r"dialog|help|too-small|TooSmallScreen|live-file|LiveFile")
    app = AccordApp(agreement)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not [r.selectors for r in app.stylesheet.rules if later.search(r.selectors)]
        await pilot.press("question_mark")
        await pilot.pause()
        frame = app.screen.query_one(".dialog")
        assert (frame.styles.border_top[0], frame.styles.width) == ("thick", Scalar.parse("72"))


async def test_no_styles_are_parsed_twice_before_the_first_frame(
    agreement: Agreement, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Textual parses a base's DEFAULT_CSS again when a widget class deeper below it
    mounts: OptionList's was parsed twice, the second time for LinkList (5 M)."""
    parsed: list[tuple[str, str]] = []
    parse = stylesheet.parse

    def recording(scope: str, css: str, read_from: tuple[str, str], **kwargs: Any) -> Any:
        parsed.append(read_from)
        return parse(scope, css, read_from, **kwargs)

    monkeypatch.setattr(stylesheet, "parse", recording)
    app = AccordApp(agreement)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
    assert "OptionList.DEFAULT_CSS" in [name for _, name in parsed]
    assert {source for source in parsed if parsed.count(source) > 1} == set()


async def test_the_footer_reads_the_keys_once_before_the_first_frame(
    agreement: Agreement, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bindings change at mount and at the first focus: the keys were read for
    each, before the bar was first drawn (3 M instructions)."""
    reads_at_frames: list[int] = []
    reads: list[KeyFooter] = []
    entries, render_update = KeyFooter.entries, Compositor.render_update

    def reading(footer: KeyFooter) -> Any:
        reads.append(footer)
        return entries(footer)

    def recording(compositor: Compositor, *args: Any, **kwargs: Any) -> Any:
        update = render_update(compositor, *args, **kwargs)
        if isinstance(update, LayoutUpdate):
            reads_at_frames.append(len(reads))
        return update

    monkeypatch.setattr(KeyFooter, "entries", reading)
    monkeypatch.setattr(Compositor, "render_update", recording)
    app = AccordApp(agreement)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert f"? {FR.key_help}" in screen_lines(app)[-1]
    assert reads_at_frames[0] == 1


async def test_the_first_frame_drawn_holds_the_first_entry_s_text(
    agreement: Agreement, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The detail pane learnt its width from a Resize handled after the first frame:
    that frame showed it empty, and the text came two full redraws later."""
    frames: list[str] = []
    render_update = Compositor.render_update

    def recording(compositor: Compositor, *args: Any, **kwargs: Any) -> Any:
        update = render_update(compositor, *args, **kwargs)
        if isinstance(update, LayoutUpdate):
            frames.append("".join(s.text for line in update.strips for s in line))
        return update

    monkeypatch.setattr(Compositor, "render_update", recording)
    app = AccordApp(agreement)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
    assert frames and agreement.lead.text.fr[:30] in frames[0]


@pytest.mark.parametrize(
    "keys", [["question_mark"], ["e"], ["ctrl+p"]], ids=["help", "export", "palette"]
)
async def test_the_browser_s_keys_leave_the_footer_while_another_screen_is_on_top(
    agreement: Agreement, keys: list[str]
) -> None:
    app = AccordApp(agreement)
    async with app.run_test(size=(80, 24)) as pilot:
        footer = app.screen.query_one(KeyFooter)
        await pilot.press(*keys)
        await pilot.pause()
        assert not isinstance(app.screen, BrowserScreen)
        assert FR.key_export not in screen_lines(app)[-1]  # `e` would not export from here
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, BrowserScreen) and footer.display
        assert FR.key_export in screen_lines(app)[-1]


@pytest.mark.parametrize("lang", LANGS)
async def test_the_footer_never_cuts_quit_at_wide_sizes(agreement: Agreement, lang: Lang) -> None:
    app = AccordApp(agreement, lang=lang)
    async with app.run_test(size=(99, 24)) as pilot:
        for width in (99, 100, 105, 109, 110, 130):
            await pilot.resize_terminal(width, 24)
            await pilot.pause()
            assert f"q {labels_for(lang).key_quit}" in screen_lines(app)[-1], width


def back_key(app: AccordApp) -> tuple[str, bool, bool]:
    """The footer's back key: its description, whether it is shown and enabled."""
    entry = app.screen.active_bindings["escape"]
    return entry.binding.description, entry.binding.show, entry.enabled


async def test_back_is_dimmed_until_there_is_somewhere_to_go_back_to(
    agreement: Agreement,
) -> None:
    app = AccordApp(agreement)
    async with app.run_test(size=(80, 24)) as pilot:
        assert back_key(app) == (FR.key_back, True, False)
        await pilot.press("enter", "enter")  # open the entry, follow its first link
        await pilot.pause()
        assert back_key(app) == (FR.key_back, True, True)
        await pilot.press("escape")
        await pilot.pause()
        assert back_key(app) == (FR.key_back, True, False)


async def test_while_the_search_bar_is_open_back_says_it_closes_the_search(
    agreement: Agreement,
) -> None:
    app = AccordApp(agreement)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash", *"pepr")
        await pilot.pause()
        footer = screen_lines(app)[-1]
        assert footer.count(FR.key_search_close) == 1 and FR.key_back not in footer
        await pilot.press("enter")  # the bar stays open, the list has the focus
        await pilot.pause(0.3)
        assert back_key(app) == (FR.key_search_close, True, True)
        assert FR.key_search_close in screen_lines(app)[-1]
        await pilot.press("escape")  # closes the search, as the footer said
        await pilot.pause()
        assert not app.screen.query_one(SearchBar).is_open
        assert back_key(app)[0] == FR.key_back


@pytest.mark.parametrize("lang", LANGS)
async def test_with_the_search_bar_open_the_footer_keeps_quit(
    agreement: Agreement, lang: Lang
) -> None:
    app = AccordApp(agreement, lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash", *"pepr", "enter")
        await pilot.pause(0.3)
        words = labels_for(lang)
        for width in (80, 60, 59, 40):
            await pilot.resize_terminal(width, 24)
            await pilot.pause()
            footer = screen_lines(app)[-1]
            assert f"q {words.key_quit}" in footer and words.key_back not in footer, width


async def test_a_notice_does_not_outlive_a_change_of_language(agreement: Agreement) -> None:
    app = AccordApp(agreement)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("y")  # a notice in French
        await pilot.pause()
        assert len(app._notifications) == 1
        await pilot.press("l")
        await pilot.pause()
        assert len(app._notifications) == 0, "no French notice left on an English screen"

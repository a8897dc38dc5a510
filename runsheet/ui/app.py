"""The Textual application: opens a congress store and shows the screen of this terminal's role."""

from __future__ import annotations

from functools import partial
from collections.abc import Iterable

from textual.app import App, SystemCommand
from textual.screen import Screen

from ..clock import Clock, system_clock
from ..commands import Session
from ..errors import RunsheetError, StoreError
from ..i18n import t
from .bindings import CHAIR, localized
from .screens.chair import ChairScreen

POLL_SECONDS = 0.25  # how often to look for other terminals' events (a stat of the store file)


class RunsheetApp(App):
    CSS_PATH = "runsheet.tcss"
    TITLE = "runsheet"

    def __init__(self, session: Session, lang: str | None = None, clock: Clock | None = None, poll: bool = True):
        super().__init__()
        self.session = session
        if clock is not None:
            session.clock = clock
        self.lang = lang or session.state.language
        self.poll = poll
        self.title = t("app.title", self.lang)

    def on_mount(self) -> None:
        self.push_screen(localized(ChairScreen, CHAIR, self.lang)())
        if self.poll:
            self.set_interval(POLL_SECONDS, self.tick)

    def tick(self) -> None:
        """Apply other terminals' events and move the clocks on; called by the interval, or by tests."""
        try:
            self.session.sync()
        except StoreError as exc:
            self.notify(str(exc), severity="error", timeout=30)
            return
        for screen in self.screen_stack:
            if hasattr(screen, "refresh_live"):
                screen.refresh_live()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if isinstance(screen, ChairScreen):
            for key in CHAIR:
                if key.action.startswith("app."):
                    continue
                name = key.label.removeprefix("act.")
                help_key = f"help.{name.rstrip('5')}"
                yield SystemCommand(t(f"palette.{name}", self.lang), t(help_key, self.lang),
                                    partial(self.call_next, screen.run_action, key.action))


def run_app(db: str | None, role: str | None = None, lang: str | None = None) -> int:
    from ..demo import open_demo

    try:
        session = open_demo(role=role) if db is None else Session(db, role=role, clock=system_clock)
    except RunsheetError:
        raise
    RunsheetApp(session, lang=lang).run()
    return 0

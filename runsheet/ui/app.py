"""The Textual application: opens a congress store and shows the screen of this terminal's role."""

from __future__ import annotations

from functools import partial
from collections.abc import Iterable

from textual.app import App, SystemCommand
from textual.screen import Screen

from ..clock import Clock, system_clock
from ..commands import Session
from ..errors import StoreError
from ..i18n import t
from .bindings import CHAIR, COUNTING, DESK, PROJECTOR, SECRETARY, SWITCH, localized, palette_name
from .screens.ask import AskScreen
from .screens.chair import ChairScreen
from .screens.counting import CountingScreen
from .screens.desk import DeskScreen
from .screens.projector import ProjectorScreen
from .screens.secretary import SecretaryScreen

POLL_SECONDS = 0.25  # how often to look for other terminals' events (a stat of the store file)
SCREENS = {"chair": (ChairScreen, CHAIR), "secretary": (SecretaryScreen, SECRETARY), "desk": (DeskScreen, DESK),
           "counting": (CountingScreen, COUNTING), "projector": (ProjectorScreen, PROJECTOR)}


class RunsheetApp(App):
    CSS_PATH = "runsheet.tcss"
    TITLE = "runsheet"

    def __init__(self, session: Session, lang: str | None = None, clock: Clock | None = None, poll: bool = True,
                 screen: str | None = None):
        super().__init__()
        self.session = session
        self.role = session.role
        self.start_screen = screen
        if clock is not None:
            session.clock = clock
        self.lang = lang or session.state.language
        self.poll = poll
        self.title = t("app.title", self.lang)

    def on_mount(self) -> None:
        switch = SWITCH if self.role is None else ()
        for name, (screen, keys) in SCREENS.items():
            if self.role is None or name == self.home:
                self.install_screen(localized(screen, keys + switch, self.lang)(), name)
        self.push_screen(self.start_screen or self.home)
        if self.poll:
            self.set_interval(POLL_SECONDS, self.tick)
        if self.session.locked:
            self.ask_pin()

    def ask_pin(self) -> None:
        """A role with a PIN asks for it before anything; giving up closes the terminal."""
        session, lang = self.session, self.lang

        def check(text: str) -> str | None:
            return None if session.unlock(text) else t("err.pin_wrong", lang)

        def answered(text: str | None) -> None:
            if text is None:
                self.exit()

        role = t(f"role.{session.role}", lang)
        self.push_screen(AskScreen(t("pin.title", lang, role=role), t("pin.label", lang), lang, check=check,
                                   password=True), answered)

    @property
    def home(self) -> str:
        """The screen this terminal opens on: its role's; the chair's on a terminal with no role."""
        return self.role if self.role in SCREENS else "chair"

    def action_show(self, name: str) -> None:
        if self.is_screen_installed(name) and self.screen is not self.get_screen(name):
            self.switch_screen(name)

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
        for key in getattr(screen, "KEYS", ()):
            if key.action == "app.quit" or key.action.startswith("cursor"):
                continue
            name = palette_name(key)
            target = self if key.action.startswith("app.") else screen
            yield SystemCommand(t(f"palette.{name}", self.lang), t(f"help.{name.rstrip('5')}", self.lang),
                                partial(self.call_next, target.run_action, key.action.removeprefix("app.")))


def run_app(db: str | None, role: str | None = None, lang: str | None = None, pin: str | None = None) -> int:
    from ..demo import open_demo

    session = open_demo(role=role) if db is None else Session(db, role=role, clock=system_clock)
    if pin:
        session.unlock(pin)
    RunsheetApp(session, lang=lang).run()
    return 0

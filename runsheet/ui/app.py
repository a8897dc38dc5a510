"""The Textual application: opens a congress store and shows the screen of this terminal's role.

The screens never touch the store. Their commands go to the store worker (store_worker.py), which also polls the
store for other terminals' events; the app keeps the screens' own fold of the log (app.state), applies what the
worker appended, and redraws the screens from that. The clock ticks (once a second) move only the clocks and timers.
"""

from __future__ import annotations

import asyncio
import time
from datetime import datetime, timedelta
from collections.abc import Callable, Iterable
from functools import partial
from typing import Any

from rich.segment import Segments
from rich.traceback import Traceback
from textual.app import App, SystemCommand
from textual.markup import escape
from textual.screen import Screen

from ..clock import Clock, system_clock
from ..commands import Session
from ..commands.roles import ROLE_NAMES, ROLES
from ..errors import DomainError, RunsheetError
from ..store import events as ev
from ..store.events import Event
from ..store.follow import Follower
from ..store.state import CongressState
from ..texts import say
from ..texts.formats import clock
from .bindings import CHAIR, COUNTING, DESK, PROJECTOR, SECRETARY, SWITCH, localized
from .errors import describe
from .screens.base import RunsheetScreen
from .screens.chair import ChairScreen
from .screens.counting import CountingScreen
from .screens.desk import DeskScreen
from .screens.pin import PinScreen
from .screens.projector import ProjectorScreen
from .screens.secretary import SecretaryScreen
from .screens.sign_in import EVERY, SignInScreen
from .store_worker import (CommandDone, CommandFailed, Job, LockWaiting, StoreChanged, StoreWarned, StoreWorker,
                           SyncFailed)

TICK_LATE = 0.01  # the clocks move on just after each second of the wall clock turns
SCREENS = {"chair": (ChairScreen, CHAIR), "secretary": (SecretaryScreen, SECRETARY), "desk": (DeskScreen, DESK),
           "counting": (CountingScreen, COUNTING), "projector": (ProjectorScreen, PROJECTOR)}


CLOCK_SLACK = timedelta(minutes=1)  # the host's clock going back by more than this is said


class RunsheetApp(App):
    CSS_PATH = "runsheet.tcss"
    TITLE = "runsheet"

    def __init__(self, session: Session, lang: str | None = None, clock: Clock | None = None, poll: bool = True,
                 screen: str | None = None, sign_in: bool = False):
        """sign_in: a browser tab's, whose role is chosen on its sign-in screen (unless it was given one)."""
        super().__init__()
        self.session = session
        self.role = session.role
        self.start_screen = screen
        if clock is not None:
            session.clock = clock
        self.follower = Follower(session.log)
        self.lang = lang or self.state.language
        self.poll = poll
        self.title = say("app.title", self.lang)
        self.worker = StoreWorker(self, session, poll)
        self._sync_problem: str | None = None
        self._latest: datetime | None = None  # the latest time seen (the clock, the log's events): see _steady
        self._told_clock: datetime | None = None  # the time the clock went back from, once said
        self._pin_waiting: list[CommandFailed] | None = None  # writes refused for want of a PIN set meanwhile
        self.choose_role = sign_in and session.role is None
        self.signed_in = False  # no screen that can act is made before

    def _fatal_error(self) -> None:
        """A fault in the code that reached Textual (the screens catch every error they expect): Textual prints its
        traceback with the values of every frame's variables, among them the state, whose badges' secret and PINs'
        hashes must never be printed. The same traceback, without the values."""
        self.bell()
        self._exit_renderables.append(Segments(self.console.render(crash_report(), self.console.options)))
        self._close_messages_no_wait()

    @property
    def state(self) -> CongressState:
        """The congress as the screens have seen it: the store worker's events applied on this thread."""
        return self.follower.state

    def on_mount(self) -> None:
        self.follower.catch_up()  # what was written between the app's making and its start
        self.worker.start()
        if self.poll:
            self._next_tick()
        if self.choose_role:
            self._choose_role()
        else:
            self._sign_in()

    def _choose_role(self) -> None:
        """A browser tab's first screen: its role (the roles' screens are made only once it has signed in)."""
        lang, pins = self.lang, self.state.pins

        def line(role: str) -> str:
            name = say("signin.every", lang) if role == EVERY else say(ROLE_NAMES[role], lang)
            locked = pins.get("chair" if role == EVERY else role) is not None
            return f"{name} — {say('signin.has_pin' if locked else 'signin.no_pin', lang)}"

        choices = [(role, line(role)) for role in (*ROLES, EVERY)]
        self.push_screen(SignInScreen(say("signin.title", lang), say("signin.choose", lang), choices), self._chosen)

    def _chosen(self, role: str | None) -> None:
        if role is None:
            self.exit()
            return
        self.session.role = self.role = None if role == EVERY else role
        self._sign_in()

    def _sign_in(self) -> None:
        """The PIN of the terminal's role (without a role: the chair's), when it has one; then its screens."""
        if self.session.roles.locked_in(self.state):
            self.ask_pin()
        else:
            self._open_screens()

    def _open_screens(self) -> None:
        self.signed_in = True
        switch = SWITCH if self.role is None else ()
        for name, (screen, keys) in SCREENS.items():
            if self.role is None or name == self.home:
                self.install_screen(localized(screen, keys + switch, self.lang)(), name)
        self.push_screen(self.start_screen or self.home)

    def on_unmount(self) -> None:
        self.worker.stop()

    def ask_pin(self) -> None:
        """A role with a PIN asks for it: when the terminal opens (giving up closes it, or on a browser tab goes back
        to the choice of role), and at the first write after a PIN was set or changed while it was open (the writes
        refused wait for it and run once it is given; giving up says they were refused)."""
        lang = self.lang
        at_start = not self.signed_in

        def answered(right: bool | None) -> None:
            if right:
                self._open_screens() if at_start else self._pin_given()
            elif not at_start:
                self._pin_given_up()
            elif self.choose_role:
                self._choose_role()
            else:
                self.exit()

        role = say(ROLE_NAMES[self.session.roles.pin_role], lang)
        self.push_screen(PinScreen(say("pin.title", lang, role=role), say("pin.label", lang),
                                   "" if at_start else say("pin.asked", lang)), answered)

    def _wait_for_pin(self, failure: CommandFailed) -> None:
        """A write refused for want of the PIN (set while this terminal was open): ask it once, keep the write."""
        asking = self._pin_waiting is not None
        self._pin_waiting = [*(self._pin_waiting or []), failure]
        if not asking:
            self.ask_pin()

    def _pin_given(self) -> None:
        """Run again the writes that waited for the PIN, in the order they were made."""
        waiting, self._pin_waiting = self._pin_waiting or [], None
        for failure in waiting:
            for job in (failure.job, *failure.dropped):
                self.worker.submit(Job(job.command, job.owner, job.done, job.failed, job.sequence))

    def _pin_given_up(self) -> None:
        waiting, self._pin_waiting = self._pin_waiting or [], None
        for failure in waiting:
            self._refused(failure)

    @property
    def home(self) -> str:
        """The screen this terminal opens on: its role's; the chair's on a terminal with no role."""
        return self.role if self.role in SCREENS else "chair"

    def action_show(self, name: str) -> None:
        if self.is_screen_installed(name) and self.screen is not self.get_screen(name):
            self.switch_screen(name)

    # ---- commands and what comes of them ---------------------------------------------------------------------------
    def run_command(self, owner: Any, command: Callable[[Session], Any], done: Callable[[Any], None] | None = None,
                    failed: Callable[[BaseException, int], None] | None = None, sequence: str | None = None) -> Job:
        return self.worker.submit(Job(command, owner, done, failed, sequence))

    def on_command_done(self, message: CommandDone) -> None:
        self.catch_up()
        self.worker.delivered()
        if message.job.done is not None:
            self._safely(message.job.owner, message.job.done, message.outcome)

    def on_command_failed(self, message: CommandFailed) -> None:
        self.catch_up()
        self.worker.delivered(1 + len(message.dropped))
        if isinstance(message.error, DomainError) and message.error.key == "err.pin_needed":
            self._wait_for_pin(message)
            return
        self._refused(message)

    def _refused(self, message: CommandFailed) -> None:
        job, error = message.job, message.error
        if not isinstance(error, RunsheetError):  # a fault, not a refusal: kept in the log for whoever fixes it
            self.log.error(f"{type(error).__name__}: {error}")
        if job.failed is not None:
            self._safely(job.owner, lambda e: job.failed(e, len(message.dropped)), error)
        else:
            self._say_error(job.owner, error, len(message.dropped))

    def on_lock_waiting(self, message: LockWaiting) -> None:
        owner = message.job.owner
        if isinstance(owner, RunsheetScreen):
            owner.say_waiting()
        else:
            self.notify(say("store.waiting", self.lang), timeout=4, markup=False)

    def on_store_changed(self, message: StoreChanged) -> None:
        self._sync_problem = None
        self.catch_up()

    def on_store_warned(self, message: StoreWarned) -> None:
        for warning in message.warnings:
            self.notify(describe(warning, self.lang), severity="warning", timeout=15, markup=False)

    def on_sync_failed(self, message: SyncFailed) -> None:
        text = say("store.sync_failed", self.lang, problem=describe(message.error, self.lang))
        if text != self._sync_problem:  # said once, not at every poll
            self._sync_problem = text
            self.notify(text, severity="error", timeout=30, markup=False)

    def _say_error(self, owner: Any, error: BaseException, dropped: int = 0) -> None:
        if isinstance(owner, RunsheetScreen) and owner.is_attached:
            owner.say_error(error, dropped)
        else:
            self.notify(describe(error, self.lang), severity="error", timeout=10, markup=False)

    def _safely(self, owner: Any, callback: Callable[[Any], None], value: Any) -> None:
        """A screen's own follow-up of a command: an error in it is said, it never closes the app."""
        try:
            callback(value)
        except Exception as error:
            self.log.error(f"{type(error).__name__}: {error}")
            self._say_error(owner, error)

    # ---- redrawing ------------------------------------------------------------------------------------------------
    def catch_up(self) -> list[Event]:
        """Apply the events the worker appended to the log; the screens on the stack redraw from them."""
        new = self.follower.catch_up()
        if new:
            for screen in self.screen_stack:
                if isinstance(screen, RunsheetScreen) and screen.is_attached:
                    self._safely(screen, screen.refresh_state, new)
            self._warn_of_wrong_pins(new)
        return new

    def _warn_of_wrong_pins(self, new: list[Event]) -> None:
        """The chair (or a terminal with every right) is told of each wrong PIN given on another terminal."""
        if not self.signed_in or self.role not in (None, "chair"):
            return
        for event in new:
            if event.type == ev.PinWrong.TYPE and event.terminal != self.session.terminal:
                role = event.payload.role if event.payload.role in ROLE_NAMES else "chair"
                text = say("pin.wrong_notice", self.lang, role=say(ROLE_NAMES[role], self.lang),
                           terminal=event.terminal, time=clock(event.at, self.state.zone, seconds=True))
                self.notify(text, severity="warning", timeout=30, markup=False)

    def _next_tick(self) -> None:
        """Tick once a second, just after the second turns: the clocks show seconds, and nothing else needs more."""
        self.set_timer(1 - time.time() % 1 + TICK_LATE, self._ticked)

    def _ticked(self) -> None:
        self.tick()
        self._next_tick()

    def tick(self) -> None:
        """Move the clocks and timers on (the interval calls it; tests call it after moving their clock)."""
        now = self._steady(self.session.now())
        for screen in self.screen_stack:
            if isinstance(screen, RunsheetScreen) and screen.is_attached:
                self._safely(screen, screen.clock_ticked, now)

    def steady_now(self) -> datetime:
        """The time the screens show now (see _steady)."""
        return self._steady(self.session.now())

    def _steady(self, now: datetime) -> datetime:
        """The time the screens show: the host's clock, but never before a time already seen (the clock or the
        log's last event). A clock set back (15:00 to 13:00) leaves the timers standing still until it reaches its
        time again, as the fold leaves no step ending before it began; it is said once, to whoever sits here."""
        latest = max(self._latest or now, self.state.last_change, now)
        if now < latest - CLOCK_SLACK and latest != self._told_clock:
            self._told_clock = latest
            self.notify(say("app.clock_back", self.lang, minutes=round((latest - now).total_seconds() / 60),
                            time=clock(latest, self.state.zone)), severity="warning", timeout=30, markup=False)
        self._latest = latest
        return latest

    async def sync_now(self) -> None:
        """Look for other terminals' events now, as the poll does, and redraw (for tests and the palette)."""
        request = self.worker.request_sync()
        while not request.finished.is_set():
            await asyncio.sleep(0.005)
        await self.settle()
        self.catch_up()
        self.tick()

    async def settle(self, timeout: float = 30.0) -> None:
        """Wait until every command handed to the store worker has run and its screen has been told."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not self.worker.idle:
            if loop.time() > deadline:
                raise TimeoutError("the store worker did not finish its commands")
            await asyncio.sleep(0.002)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for key in getattr(screen, "KEYS", ()):
            if key.palette is None:
                continue
            target = self if key.action.startswith("app.") else screen
            yield SystemCommand(escape(say(key.palette, self.lang)), escape(say(key.help, self.lang)),  # read as markup
                                partial(self.call_next, target.run_action, key.action.removeprefix("app.")))


def crash_report() -> Traceback:
    """The traceback of the exception being handled: where, never the values of the variables."""
    import rich

    return Traceback(show_locals=False, width=None, suppress=[rich])


def run_app(db: str | None, role: str | None = None, lang: str | None = None, pin: str | None = None,
            sign_in: bool = False) -> int:
    from ..demo import open_demo

    session = open_demo(role=role) if db is None else Session(db, role=role, clock=system_clock)
    if pin:
        session.roles.unlock(pin)  # a wrong one is logged, and the terminal asks for it
    RunsheetApp(session, lang=lang, sign_in=sign_in).run()
    return 0

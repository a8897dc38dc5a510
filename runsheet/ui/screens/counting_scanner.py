"""The counting screen's scanner key (issue 15): ctrl+o watches a folder a scanner saves the ballots into, for the pass
this terminal enters (`ballots scan --watch`, run as a child process: ui/scanner_process.py); ctrl+o again, leaving
the screen or closing the app stops it. Its counts stay on the side panel, each image's line passes on the feedback
line; the ballots themselves come through the screen's usual poll of the store."""

from __future__ import annotations

import os
from pathlib import Path

from textual.screen import ModalScreen
from textual.widgets import Static

from ...commands.roles import ROLE_NAMES
from ...texts import say
from ..scanner_process import ScannerProcess
from .ask import AskScreen

ERROR = "run.py: error: "  # how the command line starts its one-line refusals
KINDS = ("entered", "queued", "refused", "skipped")


class ScannerKey:
    """Mixed into CountingScreen (its record, poll, pass_no, pass_chosen, lang, say)."""

    _scanner: ScannerProcess | None = None
    _scanner_allowed: bool | None = None
    _scanner_folder: str | None = None  # the folder watched last, offered again
    _scanner_said = ""  # the child's last line that was not JSON (its refusal, when it ends with status 2)
    _scanner_pass = 1  # the pass the scanner enters
    _scanner_counts: dict[str, int] | None = None  # images entered, queued, refused and skipped since it started
    _scanner_state = ""  # what it is doing (watching, stopped, did not run)

    def scanner_status(self) -> Static:
        """The side panel's line of the scanner's counts: hidden until the scanner is first started."""
        status = Static("", id="scanner-status", markup=False)
        status.display = False
        return status

    @property
    def scanner(self) -> ScannerProcess:
        if self._scanner is None:
            self._scanner = ScannerProcess(self, self._scanner_told, self._scanner_ended)
        return self._scanner

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "scanner":
            return self._scanner_may()
        return super().check_action(action, parameters)

    def _scanner_may(self) -> bool:
        """The key is there while the scanner runs (to stop it), else on a round being counted with 2 or 3 passes."""
        record = self.record
        return self.scanner.running or (record is not None and not self.poll and record.closed is None
                                        and record.passes > 1)

    def scanner_key_update(self) -> None:
        """Show or hide the key when that changed (the key bar is redrawn only then)."""
        allowed = self._scanner_may()
        if allowed != self._scanner_allowed:
            self._scanner_allowed = allowed
            self.refresh_bindings()

    def on_screen_suspend(self) -> None:
        if not isinstance(self.app.screen, ModalScreen):  # another screen, not a dialog over this one
            self.scanner.stop()

    def on_unmount(self) -> None:
        self.scanner.stop()

    # ---- starting and stopping ------------------------------------------------------------------------------------
    def action_scanner(self) -> None:
        lang = self.lang
        if self.scanner.running:
            self.scanner.stop()
            return
        if not self._scanner_may():
            return
        if not self.pass_chosen:
            self.say(say("count.scanner.pass_first", lang), ok=False)
            return
        default = str(Path(self.app.session.path).parent / "scans-in")  # made when first chosen
        offered = self._scanner_folder or default

        def check(text: str) -> str | None:
            if not text:
                return say("count.scanner.label", lang)
            if text != default and not os.path.isdir(text):
                return say("count.scanner.no_folder", lang, folder=text)
            return None

        def answered(text: str | None) -> None:
            if not text:
                return
            try:
                os.makedirs(text, exist_ok=True)
            except OSError as exc:
                self.say(say("count.scanner.failed", lang, why=str(exc)), ok=False)
                return
            self._scanner_folder = text
            role = self.app.session.roles.pin_role
            if self.state.pins.get(role) is None or os.environ.get("RUNSHEET_PIN"):
                self._scanner_start(text, None)
                return
            self.app.push_screen(AskScreen(say("count.scanner.title", lang, pass_no=self.pass_no),
                                           say("count.scanner.pin", lang, role=say(ROLE_NAMES[role], lang)), lang,
                                           password=True, restrict=r"[0-9]*"),
                                 lambda pin: self._scanner_start(text, pin) if pin else None)

        self.app.push_screen(AskScreen(say("count.scanner.title", lang, pass_no=self.pass_no),
                                       say("count.scanner.label", lang), lang, value=offered,
                                       hint=say("count.scanner.hint", lang), check=check), answered)

    def _scanner_start(self, folder: str, pin: str | None) -> None:
        record, lang = self.record, self.lang
        if record is None or record.closed is not None or self.scanner.running:
            return
        self._scanner_counts = dict.fromkeys(KINDS, 0)
        self._scanner_pass, self._scanner_said = self.pass_no, ""
        try:
            self.scanner.start(self.app.session.path, record.election, self.pass_no, folder, lang, self.app.role, pin)
        except OSError as exc:
            self._scanner_show(say("count.scanner.failed", lang, why=str(exc)))
            return
        self._scanner_show(say("count.scanner.watching", lang, folder=folder))
        self.scanner_key_update()

    # ---- what the child says ------------------------------------------------------------------------------------
    def _scanner_told(self, data: dict | str) -> None:
        if not self.is_mounted:
            return
        lang = self.lang
        if isinstance(data, str):
            self._scanner_said = data.removeprefix(ERROR)
            self.say(self._scanner_said, ok=False)
            return
        if "watching" in data or "stopped" in data:
            self._scanner_show(say("count.scanner.stopped", lang) if "stopped" in data
                               else say("count.scanner.watching", lang, folder=data["watching"]))
            self.say(data["message"])
            return
        where = say("scan.where", lang, file=Path(data["file"]).name, page=data["page"])
        if "refused" in data:
            kind, text = "refused", say("scan.out.refused", lang, where=where, why=data["refused"])
        elif "skipped" in data:
            kind, text = "skipped", f"{where}: {data['skipped']}"
        else:
            marks = data.get("struck", data.get("marks", {}).get("against", []))
            read = ", ".join(map(str, marks)) or say("scan.out.none", lang)
            kind = "queued" if data["review"] else "entered"
            text = say("scan.out.queued" if data["review"] else "scan.out.entered", lang, where=where,
                       ballot=data["ballot"], read=read, reason=data["reason"], pass_no=self._scanner_pass,
                       confidence=data["confidence"])
        self._scanner_counts[kind] += 1
        self._scanner_show()
        self.say(text, ok=kind != "refused")

    def _scanner_ended(self, code: int) -> None:
        if not self.is_mounted:
            return
        if code:
            why = self._scanner_said or str(code)
            self._scanner_show(say("count.scanner.failed", self.lang, why=why))
            self.say(say("count.scanner.failed", self.lang, why=why), ok=False)
        else:
            self._scanner_show(say("count.scanner.stopped", self.lang))
        self.scanner_key_update()

    def _scanner_show(self, state: str | None = None) -> None:
        """The counts, and under them what the scanner is doing (kept until it changes)."""
        if state is not None:
            self._scanner_state = state
        counts = self._scanner_counts or dict.fromkeys(KINDS, 0)
        status = self.query_one("#scanner-status", Static)
        status.update(say("count.scanner.status", self.lang, pass_no=self._scanner_pass, **counts) + "\n"
                      + self._scanner_state + "\n")
        status.display = True

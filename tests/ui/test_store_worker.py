"""The screens never wait for the store: a lock another terminal holds, a full disk, a read-only folder or a fault
in a command is said on the screen's feedback line, the app stays up, and what was typed meanwhile is kept in order.

The lock is held by another process (as another terminal would hold it); the disk is a small tmpfs filled up, or
remounted read-only (root only: skipped with the reason elsewhere)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from driving import press, settle
from runsheet.commands import Session
from runsheet.errors import StoreError
from runsheet.rules.election import Reading
from runsheet.ui.app import RunsheetApp
from runsheet.ui.screens.counting import CountingScreen
from runsheet.ui.screens.desk import DeskScreen

SIZE = (130, 36)
OFFICIALS = ["DV01", "DV02", "DV03", "DV04", "DV06", "DV07", "DV09", "DV10", "DV11", "DV13", "DV14", "DV17"]
HOLDER = """
import sys, time
from pathlib import Path
from filelock import FileLock
lock = FileLock(sys.argv[1] + ".lock")
lock.acquire()
Path(sys.argv[2]).write_text("held")
while not Path(sys.argv[3]).exists():
    time.sleep(0.01)
lock.release()
"""


class HeldLock:
    """Another process holds the store's lock until release()."""

    def __init__(self, store: str, folder: Path):
        self.held, self.free = folder / "held", folder / "release"
        self.process = subprocess.Popen([sys.executable, "-c", HOLDER, store, str(self.held), str(self.free)])
        deadline = time.monotonic() + 10
        while not self.held.exists():
            assert time.monotonic() < deadline, "the holder did not take the lock"
            time.sleep(0.01)

    def release(self) -> None:
        self.free.write_text("go")
        self.process.wait(10)


def text_of(app, selector: str) -> str:
    return str(app.screen.query_one(selector).render())


async def until(pilot, condition, seconds: float = 5.0) -> None:
    """Let the app run until condition() holds (the screen keeps working meanwhile)."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        await pilot.pause(0.02)


async def test_a_check_in_waits_for_a_held_lock_and_the_desk_stays_usable(session, clock, tmp_path):
    app = RunsheetApp(session, clock=clock, poll=False, screen="desk")
    async with app.run_test(size=SIZE) as pilot:
        lock = HeldLock(session.path, tmp_path)
        try:
            await press(pilot, *"nguyen van binh")
            await pilot.press("enter")  # handed to the store worker, which waits for the lock
            await until(pilot, lambda: "chờ" in text_of(app, "#feedback"))
            assert "DV03" not in app.state.attendance.here
            await pilot.press(*"hung")  # the desk still answers: the next name is typed while the first waits
            assert app.screen.query_one("#search").value == "hung" and isinstance(app.screen, DeskScreen)
        finally:
            lock.release()
        await settle(pilot)
        assert "DV03" in app.state.attendance.here and "Nguyễn Văn Bình" in text_of(app, "#feedback")
        assert app.screen.query_one("#search").value == "hung"


@pytest.fixture
def counting(session):
    session.attendance.attend(OFFICIALS)
    session.voting.open_round("chi-uy")
    return session


def readings(app) -> dict:
    return {n: sorted(r.struck) for n, r in app.state.current_round("chi-uy").readings.get(1, {}).items()}


async def test_take_back_waits_for_a_held_lock_and_the_counting_screen_stays_up(counting, clock, tmp_path):
    for struck in ({1}, {2}):
        counting.voting.enter_ballot("chi-uy", Reading(frozenset(struck)))
    app = RunsheetApp(counting, clock=clock, poll=False, screen="counting")
    async with app.run_test(size=SIZE) as pilot:
        lock = HeldLock(counting.path, tmp_path)
        try:
            await pilot.press("f6")  # take back ballot 2
            await until(pilot, lambda: "chờ" in text_of(app, "#count-feedback"))
            assert isinstance(app.screen, CountingScreen) and readings(app) == {1: [1], 2: [2]}
        finally:
            lock.release()
        await settle(pilot)
        assert readings(app) == {1: [1]} and "2" in text_of(app, "#count-feedback")


async def test_ballots_typed_while_the_lock_is_held_keep_their_order_and_numbers(counting, clock, tmp_path):
    app = RunsheetApp(counting, clock=clock, poll=False, screen="counting")
    async with app.run_test(size=SIZE) as pilot:
        lock = HeldLock(counting.path, tmp_path)
        try:
            await pilot.press("3", "enter", "1", "enter", "5", "enter")
            await until(pilot, lambda: "chờ" in text_of(app, "#count-feedback"))
            assert "Phiếu số 4" in text_of(app, "#ballot-no")  # the screen counts the ballots it is saving
            assert readings(app) == {}
        finally:
            lock.release()
        await settle(pilot)
        assert readings(app) == {1: [3], 2: [1], 3: [5]}
        assert "Phiếu số 4" in text_of(app, "#ballot-no")


async def test_a_lock_held_too_long_is_said_and_the_ballots_typed_after_it_are_dropped(counting, clock, tmp_path,
                                                                                        monkeypatch):
    monkeypatch.setattr("runsheet.store.log.LOCK_TIMEOUT", 1.0)
    app = RunsheetApp(counting, clock=clock, poll=False, screen="counting")
    async with app.run_test(size=SIZE) as pilot:
        lock = HeldLock(counting.path, tmp_path)
        try:
            await pilot.press("3", "enter", "1", "enter")
            await until(pilot, lambda: "quá" in text_of(app, "#count-feedback"))
            await settle(pilot)
            said = text_of(app, "#count-feedback")
            assert "chưa ghi gì" in said and "1 thao tác" in said  # the second ballot depended on the first
            assert isinstance(app.screen, CountingScreen) and readings(app) == {}
            assert "Phiếu số 1" in text_of(app, "#ballot-no")
        finally:
            lock.release()
        await press(pilot, "3", "enter")  # typed again: it takes number 1
        assert readings(app) == {1: [3]}


async def test_a_fault_in_a_command_is_said_and_the_app_carries_on(counting, clock, monkeypatch):
    def broken(*args, **kwargs):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr("runsheet.commands.voting.VotingCommands.withdraw_ballot", broken)
    counting.voting.enter_ballot("chi-uy", Reading(frozenset({1})))
    app = RunsheetApp(counting, clock=clock, poll=False, screen="counting")
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "f6")
        assert "ZeroDivisionError" in text_of(app, "#count-feedback")
        await press(pilot, "2", "enter")  # the screen still enters ballots
        assert readings(app) == {1: [1], 2: [2]}


# ---- a full disk, a read-only folder -------------------------------------------------------------------------------
@pytest.fixture
def small_disk(tmp_path):
    """A tmpfs of 2 MiB mounted for the test (root only)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if os.name != "posix" or os.geteuid() != 0:
        pytest.skip("mounting a small filesystem needs root")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace').strip()}")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(disk: Path) -> Path:
    """Fill the disk to the last byte."""
    filler = disk / "filler"
    with open(filler, "wb", buffering=0) as f:
        for size in (65536, 4096, 1):
            try:
                while f.write(b"\0" * size):
                    pass
            except OSError:
                pass
    return filler


@pytest.mark.parametrize("trouble", ["full", "read-only"])
async def test_closing_the_count_on_a_full_or_read_only_disk_is_said_in_one_line(small_disk, make_session, clock,
                                                                                  trouble):
    session = make_session(small_disk / "congress.json")
    session.attendance.attend(OFFICIALS)
    session.voting.open_round("chi-uy")
    for _ in range(3):
        session.voting.enter_ballot("chi-uy", Reading(frozenset({1})))
    app = RunsheetApp(session, clock=clock, poll=False, screen="counting")
    async with app.run_test(size=SIZE) as pilot:
        if trouble == "full":
            filler = fill(small_disk)
            # the store only grows at its end: a commit may still fit in its last block's slack; take the slack up
            # with small commits of another terminal until one no longer fits (nothing of it stays)
            other = Session(session.path, terminal="other")
            with pytest.raises(StoreError):
                for _ in range(64):
                    other.attendance.leave(OFFICIALS[-1])
                    other.attendance.check_in(OFFICIALS[-1])
        else:
            subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
        await press(pilot, "f10", *"3", "enter")
        said = text_of(app, "#count-feedback")
        assert ("ổ đĩa đã đầy" if trouble == "full" else "chỉ cho đọc") in said and "\n" not in said.strip()
        assert isinstance(app.screen, CountingScreen) and app.state.current_round("chi-uy").closed is None
        if trouble == "full":
            filler.unlink()
        else:
            subprocess.run(["mount", "-o", "remount,rw", str(small_disk)], check=True)
        await press(pilot, "f10", *"3", "enter")  # room again: the same close goes through
        assert app.state.current_round("chi-uy").closed is not None

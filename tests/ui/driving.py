"""Driving the app as a person would, in tests: a key press, then wait until the commands it handed to the store
worker have run and their screen has redrawn (the screens never wait for the store; a test must)."""

from __future__ import annotations


async def settle(pilot) -> None:
    """Every command handed to the store worker has run, its screen has been told, and the screen has redrawn."""
    await pilot.app.settle()
    await pilot.pause()


async def press(pilot, *keys: str) -> None:
    await pilot.press(*keys)
    await settle(pilot)


async def click(pilot, selector: str) -> None:
    await pilot.click(selector)
    await settle(pilot)

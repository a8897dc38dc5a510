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


def elect_committee(session) -> None:
    """Round 1 of chi-uy closed, one ballot per member present striking the sixth name (Phạm Quốc Thành): the other
    five are elected, so the secretary's and deputy's rounds (chosen from them) may open."""
    from runsheet.rules.election import Reading

    session.voting.open_round("chi-uy")
    for _ in range(session.state.current_round("chi-uy").issued):
        session.voting.enter_ballot("chi-uy", Reading(frozenset({6})))
    session.voting.close_round("chi-uy")

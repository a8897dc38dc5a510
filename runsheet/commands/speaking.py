"""Commands of the secretary: the list of speakers (who asks to speak at which step, the floor given, paused and
ended, notes for the minutes) and the congress's officers (presidium, secretariat, counting committee)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import DomainError
from ..rules.attendance import may_vote
from ..rules.collation import nfc
from ..store import events as ev
from ..store.state import CongressState
from .outcome import Change, Outcome

if TYPE_CHECKING:
    from . import Session

BODIES = ("presidium", "secretariat", "counting", "guests")  # Đoàn Chủ tịch, Đoàn Thư ký, Ban Kiểm phiếu, khách mời
BODY_NAMES = {"presidium": "body.presidium", "secretariat": "body.secretariat", "counting": "body.counting",
              "guests": "body.guests"}


@dataclass(frozen=True)
class Paused:
    speech: str
    paused: bool  # True: paused now; False: resumed


def _on(kind: type[ev.Payload], speech: str) -> Change:
    return Change([kind(speech)], speech)


def _clean(text: str) -> str:
    return " ".join(nfc(text).split())


def _member(state: CongressState, text: str):
    """The member whose id this is, ignoring case ("dv07" as typed), or None for a name."""
    member = state.roster.get(text)
    if member is None:
        folded = text.casefold()
        member = next((m for m in state.roster.members if m.id.casefold() == folded), None)
    return member


def _not_skipped(state: CongressState, step_id: str) -> None:
    """A step the congress skipped holds no speeches (the minutes would list speeches of a step not held)."""
    run = state.agenda.run(step_id)
    if run.skipped:
        raise DomainError("err.skipped", title=run.step.title)


def check_counting_committee(state: CongressState, people: list[dict]) -> None:
    """The counting committee (ban kiểm phiếu): official members present, none on the list of an election still to
    be counted (190-QĐ/TW Điều 8; docs/rules.md, "The counting committee")."""
    for person in people:
        member = state.roster.get(person.get("member", ""))
        if member is None:
            raise DomainError("err.counter_not_member", name=person["name"])
        if not may_vote(member):
            raise DomainError("err.counter_not_official", name=member.name)
        if member.id not in state.attendance.here:
            raise DomainError("err.counter_not_here", name=member.name)
        for election in state.scenario.elections.values():
            if not state.finished(election.id) and member.id in state.ballot_order(election.id):
                raise DomainError("err.counter_on_list", name=member.name, election=election.title)


def _next_waiting(state: CongressState) -> str:
    following = state.speeches.next_waiting(state.agenda.current)
    if following is None:
        raise DomainError("err.no_speaker_waiting")
    return following.id


class SpeakingCommands:
    def __init__(self, session: Session):
        self.session = session

    def _commit(self, build) -> Outcome:
        return self.session.commit("speeches", build)

    # ---- the list of speakers ------------------------------------------------------------------------------
    def add_speaker(self, who: str, title: str = "", step_id: str | None = None) -> Outcome[str]:
        """Put a member (by roster id) or a guest (by name, with a title) on a step's list; default: the step now.
        The value is the new speech's id."""
        who, title = _clean(who), _clean(title)
        if not who:
            raise DomainError("err.speaker_empty")

        def build(state: CongressState):
            step = step_id or state.agenda.current
            if step is None:
                raise DomainError("err.not_running")
            _not_skipped(state, step)  # an unknown step is refused here
            member = _member(state, who)
            name = member.name if member is not None else who
            speech = state.speeches.next_id()
            return Change([ev.SpeechAdded(speech, step, name, title, member.id if member is not None else None)],
                          speech)
        return self._commit(build)

    def start_speech(self, speech_id: str | None = None) -> Outcome[str]:
        """Give the floor to a speaker on the current step's list (default: the first waiting); ends the speech
        running. The value is the speech started."""
        def build(state: CongressState):
            if state.agenda.current is None:  # before the opening or after the closing: nothing to time
                raise DomainError("err.not_running")
            target = speech_id or _next_waiting(state)
            running = state.speeches.check_start(target)
            speech = state.speeches.items[target]
            _not_skipped(state, speech.step)
            if speech.step != state.agenda.current:  # a speech is given, timed and shown at its own step only
                raise DomainError("err.speech_other_step", name=speech.name,
                                  title=state.agenda.run(speech.step).step.title)
            items: list[ev.Payload] = [ev.SpeechEnded(running)] if running else []
            return Change(items + [ev.SpeechStarted(target)], target)
        return self._commit(build)

    def toggle_speech_pause(self) -> Outcome[Paused]:
        """Pause the speech running, or resume it if paused; the value says which and whose."""
        def build(state: CongressState):
            speeches = state.speeches
            running = speeches.check_end()
            if running.paused_at is None:
                return Change([ev.SpeechPaused(speeches.check_pause().id)], Paused(running.id, True))
            return Change([ev.SpeechResumed(speeches.check_resume().id)], Paused(running.id, False))
        return self._commit(build)

    def pause_speech(self) -> Outcome[str]:
        return self._commit(lambda s: _on(ev.SpeechPaused, s.speeches.check_pause().id))

    def resume_speech(self) -> Outcome[str]:
        return self._commit(lambda s: _on(ev.SpeechResumed, s.speeches.check_resume().id))

    def end_speech(self) -> Outcome[str]:
        """End the speech running; the value is its id."""
        return self._commit(lambda s: _on(ev.SpeechEnded, s.speeches.check_end().id))

    def move_speaker(self, speech_id: str, offset: int) -> Outcome[None]:
        def build(state: CongressState):
            after = state.speeches.check_move(speech_id, offset)
            return [ev.SpeechMoved(speech_id, after)]
        return self._commit(build)

    def withdraw_speaker(self, speech_id: str) -> Outcome[None]:
        def build(state: CongressState):
            state.speeches.check_withdraw(speech_id)
            return [ev.SpeechWithdrawn(speech_id)]
        return self._commit(build)

    def note_speech(self, speech_id: str, notes: str) -> Outcome[None]:
        """The secretary's notes on a speech (the whole text; a later note replaces it, both stay in the log)."""
        notes = nfc(notes).strip()

        def build(state: CongressState):
            speech = state.speeches.get(speech_id)
            if speech.notes == notes:
                return []
            return [ev.SpeechNoted(speech_id, notes)]
        return self._commit(build)

    # ---- officers: presidium, secretariat, counting committee ------------------------------------------------
    def set_officers(self, body: str, people: list[str]) -> Outcome[tuple[dict, ...]]:
        """Who the congress chose (by show of hands) for a body: roster ids or names, each with ", title" if wanted
        ("DV07, Trưởng ban"). The value is the people recorded."""
        outcome = self.set_bodies({body: people})
        return Outcome(outcome.events, outcome.value[body])

    def set_bodies(self, bodies: dict[str, list[str]]) -> Outcome[dict[str, tuple[dict, ...]]]:
        """Several bodies at once, all or none (the officers dialog saves every line it changed)."""
        for body in bodies:
            if body not in BODIES:
                raise DomainError("err.body", body=body, bodies=", ".join(BODIES))

        def build(state: CongressState):
            chosen = {body: _people(state, body, people) for body, people in bodies.items()}
            return Change([ev.OfficersSet(body, people) for body, people in chosen.items()], chosen)
        return self.session.commit("officers", build)


def _people(state: CongressState, body: str, people: list[str]) -> tuple[dict, ...]:
    chosen = []
    for item in people:
        text = _clean(item)
        if not text:
            continue
        name, _, title = (part.strip() for part in text.partition(","))
        member = _member(state, name)
        person = {"member": member.id, "name": member.name} if member else {"name": name}
        chosen.append({**person, "title": title} if title else person)
    if not chosen:
        raise DomainError("err.body_empty")
    if body == "counting":
        check_counting_committee(state, chosen)
    return tuple(chosen)

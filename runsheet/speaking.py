"""Commands for the list of speakers and the congress's officers; part of the commands layer (Session mixes it in)."""

from __future__ import annotations

from .errors import DomainError
from .rules.collation import nfc
from .store.events import Event
from .store.state import CongressState

BODIES = ("presidium", "secretariat", "counting")  # Đoàn Chủ tịch, Đoàn Thư ký, Ban Kiểm phiếu


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


class SpeakingCommands:
    # ---- the list of speakers ------------------------------------------------------------------------------
    def add_speaker(self, who: str, title: str = "", step_id: str | None = None) -> list[Event]:
        """Put a member (by roster id) or a guest (by name, with a title) on a step's list; default: the step now."""
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
            data = {"speech": state.speeches.next_id(), "step": step, "name": name, "title": title,
                    "member": member.id if member is not None else None}
            return [("speech.added", data)]
        return self._commit("speeches", build)

    def start_speech(self, speech_id: str | None = None) -> list[Event]:
        """Give the floor to a speaker (default: the first waiting at the current step); ends the speech running."""
        def build(state: CongressState):
            if state.agenda.current is None:  # before the opening or after the closing: nothing to time
                raise DomainError("err.not_running")
            target = speech_id or self._next_waiting(state)
            running = state.speeches.check_start(target)
            _not_skipped(state, state.speeches.items[target].step)
            items = [("speech.ended", {"speech": running})] if running else []
            return items + [("speech.started", {"speech": target})]
        return self._commit("speeches", build)

    @staticmethod
    def _next_waiting(state: CongressState) -> str:
        following = state.speeches.next_waiting(state.agenda.current)
        if following is None:
            raise DomainError("err.no_speaker_waiting")
        return following.id

    def toggle_speech_pause(self) -> list[Event]:
        def build(state: CongressState):
            speeches = state.speeches
            running = speeches.check_end()
            if running.paused_at is None:
                return [("speech.paused", {"speech": speeches.check_pause().id})]
            return [("speech.resumed", {"speech": speeches.check_resume().id})]
        return self._commit("speeches", build)

    def pause_speech(self) -> list[Event]:
        return self._commit("speeches", lambda s: [("speech.paused", {"speech": s.speeches.check_pause().id})])

    def resume_speech(self) -> list[Event]:
        return self._commit("speeches", lambda s: [("speech.resumed", {"speech": s.speeches.check_resume().id})])

    def end_speech(self) -> list[Event]:
        return self._commit("speeches", lambda s: [("speech.ended", {"speech": s.speeches.check_end().id})])

    def move_speaker(self, speech_id: str, offset: int) -> list[Event]:
        def build(state: CongressState):
            after = state.speeches.check_move(speech_id, offset)
            return [("speech.moved", {"speech": speech_id, "after": after})]
        return self._commit("speeches", build)

    def withdraw_speaker(self, speech_id: str) -> list[Event]:
        def build(state: CongressState):
            state.speeches.check_withdraw(speech_id)
            return [("speech.withdrawn", {"speech": speech_id})]
        return self._commit("speeches", build)

    def note_speech(self, speech_id: str, notes: str) -> list[Event]:
        """The secretary's notes on a speech (the whole text; a later note replaces it, both stay in the log)."""
        notes = nfc(notes).strip()

        def build(state: CongressState):
            speech = state.speeches.get(speech_id)
            if speech.notes == notes:
                return []
            return [("speech.noted", {"speech": speech_id, "notes": notes})]
        return self._commit("speeches", build)

    # ---- officers: presidium, secretariat, counting committee ------------------------------------------------
    def set_officers(self, body: str, people: list[str]) -> list[Event]:
        """Who the congress chose (by show of hands) for a body: roster ids or names, each with ", title" if wanted
        ("DV07, Trưởng ban")."""
        if body not in BODIES:
            raise DomainError("err.body", body=body, bodies=", ".join(BODIES))

        def build(state: CongressState):
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
            return [("officers.set", {"body": body, "people": chosen})]
        return self._commit("officers", build)

"""The hall's screens in a browser (`run.py hall`): the projector's page, the podium's countdown and the delegates'
programme on their phones, fed live by one reader of the store. Read-only: nothing here writes the store (it
imports no command), shows a terminal screen or loads Textual."""

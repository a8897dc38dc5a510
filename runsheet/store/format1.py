"""Reading a store of runsheet's earlier format, to migrate it: the whole store as one JSON document (TinyDB's
layout), table "events" keyed by seq and table "meta" holding the head of the chain. Nothing writes this format
any more; `run.py migrate` turns such a store (and its backups) into the append-only one."""

from __future__ import annotations

import orjson


class Format1Error(ValueError):
    """Not a readable store of the earlier format."""


def read_docs(raw: bytes) -> tuple[list[dict], dict]:
    """(the event documents in seq order, the meta document). Checks the layout, not the chain (the caller does,
    with the same checks as the current format)."""
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise Format1Error(f"not valid JSON ({exc})") from None
    table = data.get("events") if isinstance(data, dict) else None
    meta = data.get("meta") if isinstance(data, dict) else None
    head = meta.get("1") if isinstance(meta, dict) else None
    if not isinstance(table, dict) or not table or not isinstance(head, dict):
        raise Format1Error("no events table, or no head of the chain")
    docs = []
    for seq in range(1, len(table) + 1):
        doc = table.get(str(seq))
        if not isinstance(doc, dict):
            raise Format1Error(f"event {seq} is missing: events were removed")
        docs.append(doc)
    return docs, head

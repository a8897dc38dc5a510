"""Role PINs, kept only as salted scrypt hashes (hashlib's scrypt: the standard library, on every platform)."""

from __future__ import annotations

import hashlib
import hmac
import secrets

N, R, P = 2**14, 8, 1  # about 16 MiB and a few tens of milliseconds per check: slow to guess, quick to type


def _hash(pin: str, salt: bytes, n: int = N, r: int = R, p: int = P) -> str:
    return hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=32).hex()


def record(pin: str) -> dict:
    salt = secrets.token_bytes(16)
    return {"salt": salt.hex(), "hash": _hash(pin, salt), "n": N, "r": R, "p": P}


def matches(pin: str, stored: dict) -> bool:
    candidate = _hash(pin, bytes.fromhex(stored["salt"]), stored["n"], stored["r"], stored["p"])
    return hmac.compare_digest(candidate, stored["hash"])

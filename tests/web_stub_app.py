"""A stand-in for a tab's app (tests): speaks textual-serve's protocol, reports what it gets.

It starts in milliseconds where the real app takes a second, so that the server's
limits can be tried with many tabs. It writes back, as terminal data: `size WxH`
(its environment's), `resize WxH`, `keys TEXT`, `focus`/`blur`; it quits on the key `q`
or a quit message, saying "exit" as Textual's web driver does.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator

EXIT = json.dumps({"type": "exit"}).encode()


def send(text: str) -> None:
    payload = text.encode()
    sys.stdout.buffer.write(b"D" + len(payload).to_bytes(4, "big") + payload)
    sys.stdout.buffer.flush()


def packets() -> Iterator[tuple[bytes, bytes]]:
    stdin = sys.stdin.buffer
    while len(head := stdin.read(5)) == 5:
        yield head[:1], stdin.read(int.from_bytes(head[1:], "big"))


def main() -> None:
    sys.stdout.buffer.write(b"__GANGLION__\n")
    send(f"size {os.environ['COLUMNS']}x{os.environ['ROWS']}")
    for kind, payload in packets():
        meta = json.loads(payload) if kind == b"M" else {"type": "keys"}
        if payload == b"q" or meta["type"] == "quit":  # say "exit" as Textual does
            sys.stdout.buffer.write(b"M" + len(EXIT).to_bytes(4, "big") + EXIT)
            return
        if kind == b"D":
            send(f"keys {payload.decode()}")
            continue
        if meta["type"] == "resize":
            send(f"resize {meta['width']}x{meta['height']}")
        else:
            send(meta["type"])


if __name__ == "__main__":
    main()

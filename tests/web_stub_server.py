"""`accordtui serve`'s server around the stub app (tests): real routes, checks and signals.

Usage: python web_stub_server.py PORT IDLE_SECONDS. Prints the page's URL (with its
token) once it listens; exits 128 + N on signal N, as `accordtui serve` does.
"""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

from accordtui.web.guard import Limits, Served, new_token
from accordtui.web.listen import listen
from accordtui.web.server import TabServer

STUB_APP = Path(__file__).with_name("web_stub_app.py")


def main(port: int, idle_seconds: float) -> int:
    served = Served("127.0.0.1", port, new_token())
    command = shlex.join([sys.executable, str(STUB_APP)])
    server = TabServer(command, served, Limits(idle_seconds=idle_seconds), "Titre <b>", "fr")
    return listen(server, lambda: print(served.url, flush=True))


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]), float(sys.argv[2])))

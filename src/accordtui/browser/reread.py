"""One read of a watched file, in a process of its own: `python -m accordtui.browser.reread
FILE MAX_BYTES`.

Reading and validating a large file in a thread still starved the browser's event loop:
libyaml composing the nodes that place an invalid file's problems, and pydantic
validating, run long stretches of C that hold the interpreter's lock (on a 10,000-item
file the loop waited up to 365 ms). A process of its own holds no lock of the browser's.

| Exit | Standard output |
| :- | :- |
| 0 | the valid agreement's plain form, as `plain.dump_lines` writes it |
| 1 | its problems, as `accordtui validate --format json` prints them |

Anything else is a failure, told on standard error. Nothing is pickled: the browser
reads back JSON only, decoded a line at a time in a thread.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from accordtui.agreement.errors import AgreementError, Problem

if TYPE_CHECKING:
    from accordtui.agreement.model import Agreement


class Reread:
    """A read started in a child process; `result` waits for it, `stop` ends it early.

    The child runs this interpreter with `-P`: nothing of the working folder (a file
    named like a module we import) can be imported in our place.
    """

    def __init__(self, path: Path, max_bytes: int) -> None:
        self._name = str(path)
        command = [sys.executable, "-P", "-m", __name__, self._name, str(max_bytes)]
        self._process: subprocess.Popen[bytes] | None = None
        self._failure = ""
        self._output: tuple[int, bytes, bytes] | None = None
        """The child's exit code, standard output and error, once it has ended."""
        try:
            self._process = subprocess.Popen(
                command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE
            )
        except OSError as error:
            self._failure = f"could not start a reader: {error.strerror}"

    def wait(self) -> None:
        """Wait for the child to end, its output read; run off the event loop."""
        if self._process is not None and self._output is None:
            out, err = self._process.communicate()
            self._output = (self._process.returncode, out, err)
            self._process = None  # it kept its output's chunks: 7 MB on a 10,000-item file

    def result(self) -> Agreement:
        """The valid agreement (built from its plain form), or AgreementError naming its
        problems, as the child found them; run off the event loop (it waits)."""
        self.wait()
        if self._output is None:
            raise AgreementError([Problem(self._name, self._failure)])
        code, out, err = self._output
        decoded = _decoded(code, out)
        if isinstance(decoded, list):
            raise AgreementError(decoded)
        if decoded is not None:
            return decoded
        said = err.decode("utf-8", "replace").strip().splitlines()
        last = said[-1] if said else f"exit {code}"
        raise AgreementError([Problem(self._name, f"the reader stopped: {last}")])

    def stop(self) -> None:
        """A newer save is to be read: this read's result will not be shown."""
        if self._process is not None:
            self._process.kill()


def _decoded(code: int, out: bytes) -> Agreement | list[Problem] | None:
    """What `main` wrote for its exit `code`; None for anything else."""
    from accordtui.agreement.plain import load, load_lines  # pydantic: not before the first frame

    try:
        if code == 0:
            return load(load_lines(out.splitlines()))
        if code == 1:
            return [_problem(p) for p in json.loads(out)["problems"]]
    except (ValueError, LookupError, TypeError):  # not written by `main`
        return None
    return None


def _problem(report: dict[str, Any]) -> Problem:
    """A problem back from its line in `validate --format json`'s report."""
    return Problem(
        report["file"], report["message"], report["line"], report["column"], report["path"] or ""
    )


def main(argv: list[str]) -> int:
    """Read `argv[0]`, refused above `argv[1]` bytes; write the result on stdout."""
    from accordtui.agreement.loader import load_agreement
    from accordtui.agreement.plain import dump_lines
    from accordtui.rendering.problem_report import report_json

    name, max_bytes = argv[0], int(argv[1])
    out = sys.stdout.buffer
    try:
        agreement = load_agreement(Path(name), max_bytes)
    except AgreementError as error:
        out.write(report_json([(name, error.problems)]).encode("ascii"))
        return 1
    out.writelines(dump_lines(agreement))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

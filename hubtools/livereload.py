"""Live reload for local work: the page reloads itself after each successful rebuild.

``invoke livereload`` builds with ``HUB_LIVERELOAD = True``, so ``base.html`` adds one
same-origin module script (allowed by ``script-src 'self'``). The local server serves that
script and a Server-Sent Events stream from ``/__livereload/``; neither is ever written into
output/, and publish builds never set the switch, so a published site holds no trace of it.
"""

from __future__ import annotations

import threading
from pathlib import Path

CLIENT_SCRIPT = Path(__file__).with_name("livereload.js")
EVENTS_PATH = "__livereload/events"
CLIENT_PATH = "__livereload/client.js"
# A comment line keeps idle connections open through proxies and lets the server notice a
# closed tab, so its thread ends.
KEEPALIVE_SECONDS = 15


class BuildSignal:
    """Counts successful builds; event streams wait on it and tell their page the new count."""

    def __init__(self) -> None:
        self._condition = threading.Condition()
        self.count = 0

    def built(self) -> None:
        """Call after every successful build: each open page reloads."""
        with self._condition:
            self.count += 1
            self._condition.notify_all()

    def wait_for_change(self, seen: int, timeout: float) -> int:
        """Block until the count differs from ``seen`` or the timeout passes; return the count."""
        with self._condition:
            self._condition.wait_for(lambda: self.count != seen, timeout=timeout)
            return self.count


def stream_builds(wfile, signal: BuildSignal, keepalive: float = KEEPALIVE_SECONDS) -> None:
    """Write Server-Sent Events to ``wfile``: the build count now, then each new one."""
    seen = signal.count
    wfile.write(f"retry: 1000\ndata: {seen}\n\n".encode())
    wfile.flush()
    while True:
        count = signal.wait_for_change(seen, keepalive)
        message = f"data: {count}\n\n" if count != seen else ": still here\n\n"
        seen = count
        wfile.write(message.encode())  # a closed tab raises here, which ends the stream
        wfile.flush()

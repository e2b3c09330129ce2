"""A small static server for a built site: pretty URLs, the site's 404 page, an optional sub-path.

Used by ``invoke serve`` and by the browser tests. It reads files on every request, so a
build swapped into place is served at once. Not for production: any static host is.
"""

from __future__ import annotations

import functools
import gzip
import threading
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from hubtools.livereload import CLIENT_PATH, CLIENT_SCRIPT, EVENTS_PATH, BuildSignal, stream_builds

COMPRESSIBLE = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".webmanifest"}


class SiteRequestHandler(SimpleHTTPRequestHandler):
    """Serves ``directory`` under ``prefix``; anything else gets the site's 404 page.

    Text files are gzipped when the browser accepts it, as static hosts do, so what the
    browser downloads here matches what readers download.
    """

    prefix = "/"
    quiet = True

    def __init__(
        self, *args, directory: str, prefix: str = "/", quiet: bool = True, reload: BuildSignal | None = None, **kwargs
    ):
        self.prefix = prefix
        self.quiet = quiet
        self.reload = reload
        super().__init__(*args, directory=directory, **kwargs)

    def _serve_livereload(self) -> bool:
        """The live-reload script and event stream, when this server was made with a BuildSignal."""
        path = self.path.split("?")[0].lstrip("/")
        if self.reload is None or path not in (CLIENT_PATH, EVENTS_PATH):
            return False
        self.send_response(HTTPStatus.OK)
        if path == CLIENT_PATH:
            body = CLIENT_SCRIPT.read_bytes()
            self.send_header("Content-Type", "text/javascript; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return True
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        try:
            stream_builds(self.wfile, self.reload)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the tab was closed or reloaded
        return True

    def _strip_prefix(self) -> bool:
        """Rewrite self.path relative to the prefix; False when it lies outside it."""
        if self.prefix == "/":
            return True
        bare = self.prefix.rstrip("/")
        if self.path == bare:
            self.path = "/"
            self.send_response(HTTPStatus.MOVED_PERMANENTLY)
            self.send_header("Location", self.prefix)
            self.end_headers()
            return False
        if not self.path.startswith(self.prefix):
            self._send_not_found()
            return False
        self.path = "/" + self.path[len(self.prefix) :]
        return True

    def _send_not_found(self) -> None:
        page = Path(self.directory, "404.html")
        body = page.read_bytes() if page.is_file() else b"Not found"
        self.send_response(HTTPStatus.NOT_FOUND)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _serve(self, send) -> None:
        if not self._strip_prefix():
            return
        if self._serve_livereload():
            return
        target = Path(self.translate_path(self.path))
        if not target.exists():
            self._send_not_found()
            return
        if target.is_dir() and self.path.split("?")[0].endswith("/") and not (target / "index.html").is_file():
            self._send_not_found()
            return
        if target.is_dir() and self.path.split("?")[0].endswith("/"):
            target = target / "index.html"
        if target.is_file() and target.suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", ""):
            self._send_gzipped(target)
            return
        send()

    def _send_gzipped(self, target: Path) -> None:
        body = gzip.compress(target.read_bytes(), mtime=0)
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", self.guess_type(str(target)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 (the standard library's name)
        self._serve(super().do_GET)

    def do_HEAD(self) -> None:  # noqa: N802
        self._serve(super().do_HEAD)

    def send_response(self, code, message=None) -> None:
        """Redirects for folders keep the prefix the reader asked for."""
        super().send_response(code, message)

    def send_header(self, keyword, value) -> None:
        if keyword == "Location" and self.prefix != "/" and value.startswith("/") and not value.startswith(self.prefix):
            value = self.prefix.rstrip("/") + value
        super().send_header(keyword, value)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format: str, *args) -> None:
        if not self.quiet:
            super().log_message(format, *args)


def make_server(
    root: str | Path,
    host: str = "127.0.0.1",
    port: int = 8000,
    prefix: str = "/",
    quiet: bool = True,
    reload: BuildSignal | None = None,
) -> ThreadingHTTPServer:
    """Create (not start) a server for the site in ``root``; port 0 picks a free port.

    With ``reload``, it also serves the live-reload script and events (see hubtools.livereload).
    """
    if not prefix.endswith("/"):
        prefix += "/"
    handler = functools.partial(SiteRequestHandler, directory=str(root), prefix=prefix, quiet=quiet, reload=reload)
    server = ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    return server


def serve_in_background(root: str | Path, prefix: str = "/") -> tuple[ThreadingHTTPServer, str]:
    """Start a server on a free port in a thread; return it and its base URL."""
    server = make_server(root, port=0, prefix=prefix)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    host, port = server.server_address[:2]
    return server, f"http://{host}:{port}{prefix.rstrip('/')}"

"""A forked call returns, raises and logs as the same call run in this process would."""

from __future__ import annotations

import logging
import os

import pytest
from hub import forked
from hub.forked import ForkedCall
from hub.problems import ContentError, ContentProblem


@pytest.fixture(params=[True, False], ids=["forked", "in-process"])
def fork(request, monkeypatch):
    # The test process may run threads of its own (a test server): fork anyway, the child is short.
    monkeypatch.setattr(forked, "can_fork", lambda: request.param)
    return request.param


def test_the_value_comes_back(fork):
    call = ForkedCall(lambda: {"pid": os.getpid(), "data": b"x" * 300_000})
    assert call.forked is fork
    value = call.result()
    assert value["data"] == b"x" * 300_000
    assert (value["pid"] != os.getpid()) is fork


def test_a_content_error_keeps_its_problems(fork):
    problem = ContentProblem("content/tips/a.md", "themes", "names no theme; add one")

    def fail():
        raise ContentError([problem])

    with pytest.raises(ContentError) as raised:
        ForkedCall(fail).result()
    assert raised.value.problems == (problem,) or list(raised.value.problems) == [problem]


def test_an_unpicklable_error_still_says_what_it_was(fork):
    class Odd(Exception):
        def __init__(self, one, two):
            super().__init__(f"{one} and {two}")

    def fail():
        raise Odd("this", "that")

    with pytest.raises(Exception, match="this and that"):
        ForkedCall(fail).result()


def test_warnings_reach_the_parents_handlers(fork, caplog):
    # Pelican's LimitFilter drops a warning it has seen before: each run logs its own.
    page = f"tips/{fork}/index.html"

    def warn():
        logging.getLogger("hub.test").warning("File %s is written twice", page)
        logging.getLogger("hub.test").info("not sent: below WARNING")
        return 1

    with caplog.at_level(logging.INFO):
        assert ForkedCall(warn).result() == 1
    warnings = [record.getMessage() for record in caplog.records if record.levelno >= logging.WARNING]
    assert warnings == [f"File {page} is written twice"]


def test_no_fork_when_asked_not_to(monkeypatch):
    monkeypatch.setattr(forked, "can_fork", lambda: True)
    call = ForkedCall(os.getpid, fork=False)
    assert not call.forked and call.result() == os.getpid()


def test_a_thread_rules_out_forking():
    import threading

    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not forked.can_fork()
    finally:
        stop.set()
        thread.join()

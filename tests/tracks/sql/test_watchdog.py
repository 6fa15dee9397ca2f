"""The watchdog severs a guarded socket past its deadline, and only then, whether it was asleep,
ticking or waiting for a later deadline when the guard came (it is notified only when a guard
is due before it would wake by itself)."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator

import pytest

from pgdojo.tracks.sql import sandbox
from pgdojo.tracks.sql.sandbox import Guard, Watchdog


@pytest.fixture
def pair() -> Iterator[tuple[socket.socket, socket.socket]]:
    guarded, peer = socket.socketpair()
    yield guarded, peer
    guarded.close()
    peer.close()


def wait_severed(guard: Guard, seconds: float = 10.0) -> bool:
    deadline = time.monotonic() + seconds
    while not guard.severed and time.monotonic() < deadline:
        time.sleep(0.01)
    return guard.severed


def assert_cut(guarded: socket.socket) -> None:
    # shutdown(2) on the duplicate acts on the socket: its owner reads the end of the stream.
    guarded.settimeout(5)
    assert guarded.recv(1) == b""


def test_a_guard_past_its_deadline_is_severed(pair: tuple[socket.socket, socket.socket]) -> None:
    guarded, _peer = pair
    watchdog = Watchdog()
    with watchdog.guard(guarded.fileno(), 0.3) as guard:
        assert not guard.severed  # not before its deadline
        assert wait_severed(guard)
        assert time.monotonic() >= guard.deadline
    assert_cut(guarded)


def test_a_guard_due_before_the_next_wake_is_not_left_waiting(
    pair: tuple[socket.socket, socket.socket],
) -> None:
    """A long guard first: the thread sleeps until its deadline, an hour away; a short one
    taken then must still be severed on time."""
    guarded, _peer = pair
    long_one, _ = socket.socketpair()
    watchdog = Watchdog()
    try:
        with watchdog.guard(long_one.fileno(), 3600) as long_guard:
            time.sleep(0.1)  # the thread has gone to sleep until the long deadline
            with watchdog.guard(guarded.fileno(), 0.2) as short:
                assert wait_severed(short)
            assert not long_guard.severed
    finally:
        long_one.close()
    assert_cut(guarded)


@pytest.mark.parametrize(
    ("idle_ticks_s", "seconds"),
    [(sandbox.IDLE_TICKS_S, sandbox.TICK_S + 0.5), (0.0, 0.2)],
    ids=["ticking", "asleep"],
)
def test_a_guard_taken_between_guards_is_severed(
    pair: tuple[socket.socket, socket.socket],
    monkeypatch: pytest.MonkeyPatch,
    idle_ticks_s: float,
    seconds: float,
) -> None:
    """Ticking (judging goes on), a guard due after the next tick is found by the tick, no
    notify; asleep (after an idle spell, untimed), the next guard notifies the thread."""
    monkeypatch.setattr(sandbox, "IDLE_TICKS_S", idle_ticks_s)
    guarded, _peer = pair
    watchdog = Watchdog()
    with watchdog.guard(guarded.fileno(), 0.2):
        pass
    time.sleep(0.4)  # the thread woke at that deadline and found no guard
    if idle_ticks_s:
        assert watchdog._wake_at < time.monotonic() + sandbox.TICK_S + 0.1
    else:
        assert watchdog._wake_at == float("inf")
    with watchdog.guard(guarded.fileno(), seconds) as guard:
        assert wait_severed(guard)
    assert_cut(guarded)


def test_a_guard_that_ends_in_time_is_never_severed(
    pair: tuple[socket.socket, socket.socket],
) -> None:
    guarded, peer = pair
    watchdog = Watchdog()
    with watchdog.guard(guarded.fileno(), 0.3) as guard:
        pass
    time.sleep(0.6)  # past the deadline the guard no longer has
    assert not guard.severed
    peer.sendall(b"x")
    assert guarded.recv(1) == b"x"

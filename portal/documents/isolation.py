"""Run CPU-bound work on untrusted input in a separate process, killed at a time limit.

A thread cannot be stopped, and a signal handler does not interrupt long C calls; a
process can always be killed. Processes come from a fork server: it starts once per
worker, single-threaded, with pyHanko already imported, so each check forks a clean copy
in milliseconds instead of importing everything anew, and never forks the web server's
threads (their held locks) along.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections.abc import Callable
from typing import Any

logger = logging.getLogger(__name__)

_CONTEXT = multiprocessing.get_context("forkserver")
_CONTEXT.set_forkserver_preload(["portal.documents.seal"])


class TimeLimitExceeded(Exception):
    """The work did not finish within its time limit; its process was killed."""


class WorkerFailed(Exception):
    """The worker process ended without an answer (it crashed or ran out of memory)."""


def _work(connection, function: Callable[..., Any], args: tuple) -> None:
    try:
        connection.send((True, function(*args)))
    except Exception as error:  # noqa: BLE001 - reported to the parent, which decides
        connection.send((False, repr(error)))
    finally:
        connection.close()


def run_with_time_limit(function: Callable[..., Any], *args: Any, seconds: float) -> Any:
    """``function(*args)`` in a worker process; TimeLimitExceeded after ``seconds``.

    ``function`` and ``args`` must pickle (a module-level function, plain data); so must
    the result.
    """
    receiver, sender = _CONTEXT.Pipe(duplex=False)
    process = _CONTEXT.Process(target=_work, args=(sender, function, args), daemon=True)
    try:
        process.start()
    except BaseException:
        receiver.close()
        raise
    finally:
        sender.close()  # the child holds its own copy; EOF reaches us if it dies
    try:
        if not receiver.poll(seconds):
            raise TimeLimitExceeded(f"{function.__qualname__} ran past {seconds} s")
        succeeded, value = receiver.recv()
    except EOFError as error:
        raise WorkerFailed(f"{function.__qualname__} ended without an answer") from error
    finally:
        receiver.close()
        if process.is_alive():
            process.kill()
        process.join()
        process.close()
    if not succeeded:
        raise WorkerFailed(value)
    return value

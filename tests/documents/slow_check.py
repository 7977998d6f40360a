"""A seal check that never ends, run in the verification's worker process by a test.

Importable without Django (the worker imports it by name); it writes its process id where
the test can find it, to see that the process was really stopped.
"""

import hashlib
import os
import tempfile
from pathlib import Path


def pid_file(content: bytes) -> Path:
    name = f"slow-check-{hashlib.sha256(content).hexdigest()[:16]}.pid"
    return Path(tempfile.gettempdir()) / name


def busy_loop(content: bytes, trust_root_der: bytes):
    pid_file(content).write_text(str(os.getpid()))
    while True:
        pass

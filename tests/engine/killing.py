"""SIGKILL a real command mid-run, then everything it started, as a crashed machine would lose them."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import psutil


def frozen_package(directory: Path) -> dict[str, str]:
    """An environment whose ``consilience`` is a copy of the package taken now, in ``directory``.

    The analysis fingerprint hashes the analysis code, so an edit made in the working tree between the killed run
    and its resumption (others work in it meanwhile) would rightly make the resumed run redo everything.
    """
    import consilience

    shutil.copytree(Path(consilience.__file__).parent, directory / "consilience",
                    ignore=shutil.ignore_patterns("__pycache__"))
    return {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(directory), os.environ.get("PYTHONPATH")]))}


def sigkill_when(command: list[str], ready: Callable[[], bool], env: dict[str, str] | None = None,
                 timeout: float = 300) -> list[int]:
    """Run ``command`` in its own session, SIGKILL it once ``ready()``, then kill what it started; returns their pids.

    Ray's processes (GCS, raylet, agents, workers) are started by the driver and some outlive it when it is killed,
    so every descendant it had when killed, and every process left in its session, is killed too: nothing else.
    """
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
                            start_new_session=True)
    started: list[psutil.Process] = []
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline and proc.poll() is None and not ready():
            time.sleep(0.005)
        assert proc.poll() is None, "the run finished before it could be killed: make the corpus bigger"
        started = _descendants(proc.pid)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    started += [p for p in _same_session(proc.pid) if p not in started]
    return _kill_all(started)


def _descendants(pid: int) -> list[psutil.Process]:
    """The live descendants of ``pid`` (none once it is gone)."""
    try:
        return psutil.Process(pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []


def _same_session(sid: int) -> list[psutil.Process]:
    """Processes in session ``sid``: what the driver started, even those re-parented to init after it died."""
    members = []
    for process in psutil.process_iter():
        try:
            if os.getsid(process.pid) == sid:
                members.append(process)
        except (ProcessLookupError, PermissionError):
            continue
    return members


def _kill_all(processes: list[psutil.Process], timeout: float = 30) -> list[int]:
    """SIGKILL each process still running and wait until none is left but zombies; returns the pids killed."""
    killed = []
    for process in processes:
        try:
            if process.is_running() and process.status() != psutil.STATUS_ZOMBIE:
                process.kill()
                killed.append(process.pid)
        except psutil.NoSuchProcess:
            continue
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and any(_alive(p) for p in processes):
        time.sleep(0.05)
    alive = [p.pid for p in processes if _alive(p)]
    assert not alive, f"processes survived SIGKILL: {alive}"
    return killed


def _alive(process: psutil.Process) -> bool:
    """Running and not a zombie (an orphan's zombie is init's to reap, and holds no resources)."""
    try:
        return process.is_running() and process.status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False

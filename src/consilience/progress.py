"""Progress bars on stderr (rich) with rate and ETA, and the time each stage took."""
from __future__ import annotations

import contextlib
import time

from rich.console import Console
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn, TimeElapsedColumn,
                           TimeRemainingColumn)
from rich.text import Text

console = Console(stderr=True)


class RateColumn(ProgressColumn):
    """Items per second."""

    def render(self, task) -> Text:
        return Text(f"{task.speed:6.1f}/s" if task.speed else "       ", style="progress.data.speed")


class Task:
    def __init__(self, progress: Progress | None, task_id):
        self._progress, self._id = progress, task_id

    def advance(self, n: int = 1) -> None:
        if self._progress is not None:
            self._progress.advance(self._id, n)

    def total(self, n: int) -> None:
        if self._progress is not None:
            self._progress.update(self._id, total=n)


class Reporter:
    """Stages ask it for a Task; timings of every stage are kept for the summary and the dossier."""

    def __init__(self, enabled: bool = True):
        self.enabled = enabled
        self.timings: dict[str, float] = {}
        self.notes: list[str] = []
        self._progress: Progress | None = None

    def __enter__(self):
        if self.enabled:
            self._progress = Progress(
                TextColumn("{task.description:<22}"), BarColumn(), MofNCompleteColumn(), RateColumn(),
                TimeElapsedColumn(), TimeRemainingColumn(), console=console,
            )
            self._progress.__enter__()
        return self

    def __exit__(self, *exc):
        if self._progress is not None:
            self._progress.__exit__(*exc)

    def note(self, message: str) -> None:
        """A line for the run's summary (the CLI prints them after the timings)."""
        self.notes.append(message)

    @contextlib.contextmanager
    def stage(self, name: str, total: int | None = None):
        started = time.perf_counter()
        task = Task(self._progress, self._progress.add_task(name, total=total) if self._progress else None)
        try:
            yield task
        finally:
            self.timings[name] = self.timings.get(name, 0.0) + time.perf_counter() - started
            if self._progress is not None:
                t = next(t for t in self._progress.tasks if t.id == task._id)
                if t.total is None:
                    self._progress.update(task._id, total=max(t.completed, 1), completed=max(t.completed, 1))

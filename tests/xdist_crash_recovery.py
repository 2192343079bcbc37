"""A worker that crashes must fail its test, not hang the whole run (tests/conftest.py installs
this in the controller).

pytest-xdist 3.8's `--dist loadscope` hangs after a worker crash, with every worker idle waiting
for work: `remove_node` puts the crashed worker's whole workload back on the queue, scopes it had
finished included, which come back as empty work units that never complete
(pytest-dev/pytest-xdist#1378, #1363), and a replacement worker given a single test waits for a
second one that never comes (#1327, #1328). Until a release carries the fixes: only scopes with
tests still to run go back on the queue, the test the worker died in counts as done (xdist reports
it failed; #1371), and a worker with fewer than two tests to run and nothing left to hand out is
told so. Checked by hand on four modules, one test calling os._exit(1), `-n 2 --dist loadscope`:
without this 3 runs of 3 hung or ended in an internal error; with it 40 runs of 40 (16 of them
four at once) ended `1 failed, 9 passed`, and a run without the crash passes whole."""
from __future__ import annotations


def remove_node(self, node):
    workload = self.assigned_work.pop(node)
    if not self._pending_of(workload):
        return None
    crashitem = next(nodeid for unit in workload.values()
                     for nodeid, completed in unit.items() if not completed)
    for scope, unit in workload.items():
        if crashitem in unit:
            unit[crashitem] = True
        if not all(unit.values()):
            self.workqueue[scope] = unit
    for other in self.assigned_work:
        self._reschedule(other)
    return crashitem


def reschedule(self, node):
    if node.shutting_down:
        return
    if not self.workqueue:
        node.shutdown()
        return
    if self._pending_of(self.assigned_work[node]) > 2:
        return
    self._assign_work_unit(node)
    while self.workqueue and self._pending_of(self.assigned_work[node]) < 2:
        self._assign_work_unit(node)
    if not self.workqueue and self._pending_of(self.assigned_work[node]) < 2:
        node.shutdown()  # a worker runs a test once it knows the next one, or that none follows


def install() -> None:
    try:
        from xdist.scheduler.loadscope import LoadScopeScheduling
    except ImportError:  # pragma: no cover - xdist comes with the test extras
        return
    LoadScopeScheduling.remove_node = remove_node
    LoadScopeScheduling._reschedule = reschedule

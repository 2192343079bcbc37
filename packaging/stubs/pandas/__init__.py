"""Stand-in for pandas in the frozen build only (packaging/freeze_filter.py says why).

OR-Tools' cp_model imports pandas at load time for its *_series helpers (variables indexed by a
pandas Index); the planner never calls them. The real pandas would add 28 MB to a 250 MB budget.
Anything that does use these names gets a clear error instead of a wrong result."""


class _NotInThisBuild:
    def __init__(self, *args, **kwargs):
        raise ImportError("pandas is not part of the installed Factory Classroom")


class Index(_NotInThisBuild):
    pass


class Series(_NotInThisBuild):
    pass


class DataFrame(_NotInThisBuild):
    pass

"""The planner's progress moves while it works (issue 17: the bar sat at 95 % for 20 s): first the
lessons placed, then the share of the search budget spent after every neighbourhood, each
report naming its stage by a code the window words (never "greedy" or CP-SAT's numbers)."""
from trainer.scheduling.instances import InstanceSize, generate
from trainer.scheduling.planner import STAGES, SolveOptions, solve


def test_progress_names_its_stage_and_keeps_moving_while_the_search_runs():
    # greedy leaves a lesson the bound allows unplaced here, so the search runs
    problem = generate(InstanceSize("small", 6, 4, 30), seed=38)
    seen = []
    solve(problem, SolveOptions(time_limit=2.0, step=0.2, neighbourhood=10),
          progress=lambda done, total, stage: seen.append((stage, done, total)))
    assert {stage for stage, _d, _t in seen} <= set(STAGES)
    placing = [s for s in seen if s[0] == "place"]
    improving = [s for s in seen if s[0] == "improve"]
    assert placing[0][1] == 0 and placing[-1][1] > 0  # before and after the first placement
    assert len(improving) >= 3  # reported after every neighbourhood, not only on improvements
    done = [d for _s, d, _t in improving]
    assert done == sorted(done) and all(d <= t for _s, d, t in improving)
    assert seen.index(placing[-1]) < seen.index(improving[0])

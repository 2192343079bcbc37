"""The personal values of a bulk trail entry (security/trail_personal.py): the JSON written
group by group is the JSON of the whole, and the digests the hash chain takes of it (remembered
when it was made) are those read back from the stored text."""
import json
import random

from trainer.security import trail_personal as tp


def _bulk(rng: random.Random, rows: int) -> dict:
    texts = ["欧阳䶮", "𠮷田", 'say "hi"', "back\\slash", "tab\tline\n", "", None, "é"]
    return {"columns": ["name", "gender", "id_number", "birth_date", "post", "category"],
            "rows": [[rng.choice(texts), rng.choice("MF"), rng.choice(texts), "****-**-**",
                      rng.choice(texts), rng.choice(["regular", 1, 2.5, True, None])]
                     for _ in range(rows)]}


def test_bulk_personal_json_and_digests_are_those_of_the_stored_text():
    rng = random.Random(13)
    for trial in range(60):
        summary = rng.choice(["", "张三"])
        before = rng.choice([None, {"name": "李四", "category": "regular"}])
        _s, _b, after, personal = tp.split("trainees", summary, before,
                                           _bulk(rng, rng.randint(1, 30)))
        assert tp._dumps(json.loads(personal)) == personal  # the canonical encoding
        remembered = tp.digests(personal)
        tp._REMEMBERED.clear()
        fresh = tp.digests(personal)
        assert list(remembered.items()) == list(fresh.items())  # same order: the chain dumps it
        assert "rows" in fresh and after["columns"] == ["category"]


def test_a_changed_group_is_not_taken_for_the_remembered_one():
    _s, _b, _a, personal = tp.split("trainees", "", None, _bulk(random.Random(1), 5))
    groups = json.loads(personal)
    groups["rows"][2][1][0] = "改过的名字"
    changed = tp._dumps(groups)
    assert tp.digests(changed)["rows"] != tp.digests(personal)["rows"]

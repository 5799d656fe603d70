"""tools/fit_weights.py: choices from a hand audit of top answers (--audit), in a day written for this test."""
import numpy as np

from extractor.answers import BIAS, WEIGHTS
from tools.fit_weights import audit_target, fit, pairs

DAY = [
    ("08:00:00", "路人甲", "大家早"),
    ("08:00:30", "路人乙", "早上好"),
    ("09:00:00", "林晓峰", "退款到原卡一般几天能到账？"),
    ("09:02:00", "周敏", "一般T+1到T+3，看发卡行"),
    ("09:03:00", "林晓峰", "明白了，多谢"),
]


def test_audit_target_follows_the_labels():
    assert audit_target({"label": "right", "top": 7, "right": None}) == 7
    assert audit_target({"label": "right-none", "top": None, "right": None}) is None
    assert audit_target({"label": "wrong", "top": 7, "right": 9}) == 9
    assert audit_target({"label": "wrong", "top": 7, "right": None}) is None  # no answer is right
    assert audit_target({"label": "none-but-one-exists", "top": None, "right": 9}) == 9


def test_audit_rows_become_choices_of_the_predicted_question(tmp_path, write_day):
    write_day("grp", "2020-01-02", DAY)
    gold = tmp_path / "gold.jsonl"
    gold.write_text("", encoding="utf-8")
    f = "grp/2020-01-02-chat.markdown"
    audits = [
        {"file": f, "question": 2, "top": 3, "label": "right", "right": None},
        {"file": f, "question": 2, "top": 3, "label": "wrong", "right": None},
        {"file": f, "question": 0, "top": None, "label": "right-none", "right": None},  # no question there
    ]
    stats = {}
    rows = pairs(str(gold), str(tmp_path / "chats"), audits, stats)
    assert stats["audit_rows"] == 3 and stats["audit_no_question"] == 1 and stats["audit_out_of_reach"] == 0
    (right, answered_right), (wrong, answered_wrong) = rows
    assert answered_right and [lab for _, lab in right] == [1] + [0] * (len(right) - 1)
    assert not answered_wrong and not any(lab for _, lab in wrong)


def test_fit_keeps_fixed_weights_and_bias():
    names = ["near", "coverage", "echoes"]  # echoes has no prior: never fitted
    rows = [([({"near": 1.0, "coverage": 1.0, "echoes": 1.0}, 1), ({"near": 0.2}, 0)], True)] * 5
    w, qs = fit(rows, names, steps=200, fixed={"coverage", "BIAS"}, from_current=True)
    assert len(qs) == 5
    assert w[1] == WEIGHTS["coverage"] and w[2] == WEIGHTS["echoes"] and w[-1] == -BIAS
    assert w[0] > WEIGHTS["near"]  # the right choice is the nearer message
    assert np.isfinite(w).all()

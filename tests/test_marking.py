"""Claim statuses marked by hand on a map: right exactly when some labelling of the
evaluation gives every marked claim its mark, and otherwise compared with the closest one."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap import ArgumentMap, Status
from argmap.errors import LabellingError, UnknownIdError
from argmap.render import render_map
from argmap.strategies import argument_maps

from conftest import run

SEMANTICS = ["grounded", "complete", "preferred", "stable", "stage"]
STATUSES = [Status.IN, Status.OUT, Status.UNDEC]


def _claim_status(labelling, arguments):
    """A claim is IN when one of its arguments is IN, OUT when all are OUT (none: OUT)."""
    labels = [labelling.label(a).value for a in arguments]
    if "in" in labels:
        return Status.IN
    return Status.OUT if all(label == "out" for label in labels) else Status.UNDEC


@given(
    argument_maps(max_claims=6, max_attacks=6),
    st.sampled_from(SEMANTICS),
    st.data(),
)
def test_marks_are_right_exactly_when_a_labelling_gives_them(m, semantics, data):
    ev = m.evaluate(semantics)
    claims = [c.id for c in m.claims]
    marked = data.draw(st.lists(st.sampled_from(claims), unique=True))
    if ev.labellings and data.draw(st.booleans()):  # the marks of one labelling
        chosen = data.draw(st.sampled_from(ev.labellings))
        marks = {c: _claim_status(chosen, ev.translation.arguments_for[c]) for c in marked}
    else:
        marks = {c: data.draw(st.sampled_from(STATUSES)) for c in marked}
    found = ev.check_statuses(
        **{
            key: [c for c, s in marks.items() if s is status]
            for key, status in (("in_", Status.IN), ("out", Status.OUT), ("undec", Status.UNDEC))
        }
    )

    def misses(labelling):
        return {
            c: _claim_status(labelling, ev.translation.arguments_for[c])
            for c, mark in marks.items()
            if _claim_status(labelling, ev.translation.arguments_for[c]) is not mark
        }

    assert found.holds == any(not misses(lab) for lab in ev.labellings)
    assert found.holds == (not found.wrong) == (not found.problems) or not ev.labellings
    if ev.labellings:
        assert found.compared in ev.labellings
        assert found.wrong == misses(found.compared)
        assert len(found.wrong) == min(len(misses(lab)) for lab in ev.labellings)
        for claim in found.wrong:
            assert any(p.startswith(f"- {claim} is marked ") for p in found.problems)


def test_a_wrong_mark_is_explained():
    m = ArgumentMap()
    a, b, c = m.claim("a", "A"), m.claim("b", "B"), m.claim("c", "C")
    m.rebut(b, a)
    m.rebut(c, b)
    found = m.evaluate().check_statuses(in_=["c", "b"], undec=["a"])
    assert not found.holds and found.wrong == {"b": Status.OUT, "a": Status.IN}
    assert found.explain().splitlines() == [
        "Not right under grounded semantics:",
        "- b is marked IN, but it is OUT:",
        "  - 'B' (b) is defeated: 'C' (c) rebuts it, and stands.",
        "- a is marked UNDEC, but it is IN:",
        "  - 'A' (a) stands, because each of its defeaters is itself defeated:",
        "    - 'B' (b) rebuts it; but 'C' (c) rebuts that.",
        "      - 'C' (c) stands: nothing defeats it.",
    ]


def test_marks_name_claims_of_the_map_once():
    m = ArgumentMap()
    m.claim("a", "A")
    ev = m.evaluate()
    with pytest.raises(UnknownIdError, match="unknown claim id: 'z'"):
        ev.check_statuses(in_=["z"])
    with pytest.raises(LabellingError, match="claim 'a' is marked both IN and OUT"):
        ev.check_statuses(in_=["a"], out=["a"])
    with pytest.raises(TypeError, match="not one string: 'a'"):
        ev.check_statuses(in_="a")


def test_the_command_checks_marks_on_a_map(capsys, tmp_path):
    path = tmp_path / "nixon.py"
    path.write_text(
        "from argmap import ArgumentMap\n"
        "m = ArgumentMap('Nixon')\n"
        "q, r = m.claim('q', 'Quaker'), m.claim('r', 'Republican')\n"
        "p, h = m.claim('p', 'Pacifist'), m.claim('h', 'Not a pacifist')\n"
        "m.support(q, p)\n"
        "m.support(r, h)\n"
        "m.contradict(p, h)\n"
    )
    status, out, err = run(capsys, "check", "-f", str(path), "--in", "p", "--out", "h", "-s", "PR")
    assert (status, err) == (0, "")
    assert (
        out.strip() == "Right: under preferred semantics each marked claim has its mark in "
        "extension 1."
    )
    status, out, err = run(capsys, "check", "-f", str(path), "--in", "p,h")
    assert status == 1 and out.splitlines()[:2] == [
        "Not right under grounded semantics:",  # the default, as `argmap evaluate`'s
        "- p is marked IN, but it is UNDEC:",
    ]
    status, out, err = run(capsys, "check", "-f", str(path), "--in", "p,h", "-s", "CO")
    assert status == 1 and out.splitlines()[:3] == [
        "Not right under complete semantics:",
        "- No extension gives every marked claim its mark; extension 2 is the closest, where 1 "
        "differs.",
        "- h is marked IN, but it is OUT there:",
    ]
    drawn = tmp_path / "marks.svg"
    status, out, err = run(capsys, "check", "-f", str(path), "--in", "p,h", "-o", str(drawn))
    assert status == 1 and out.splitlines()[-1] == f"wrote {drawn}"
    assert "(!) is UNDEC" in drawn.read_text()
    for argv, message in (
        (["--in", "z"], "nixon.py: unknown claim id: 'z'"),
        (["--in", "p", "-o", str(tmp_path / "x.xyz")], "cannot tell the output format"),
        (["--in", "p", "--out", "p"], "claim 'p' is marked both IN and OUT"),
    ):
        status, out, err = run(capsys, "check", "-f", str(path), *argv)
        assert status == 2 and out == "" and message in err and "Traceback" not in err


def test_the_command_takes_a_claim_id_holding_a_comma_whole(capsys, tmp_path):
    path = tmp_path / "ids.py"
    path.write_text(
        "from argmap import ArgumentMap\n"
        "m = ArgumentMap()\n"
        "w = m.claim('Moscow, Tehran', 'Moscow and Tehran coordinate')\n"
        "d = m.claim('denial', 'Both deny it')\n"
        "m.rebut(d, w)\n"
    )
    status, out, err = run(capsys, "check", "-f", str(path), "--in", "Moscow, Tehran")
    assert status == 1 and err == ""
    assert "- Moscow, Tehran is marked IN, but it is OUT:" in out.splitlines()
    status, out, err = run(
        capsys, "check", "-f", str(path), "--in", "denial", "--out", "Moscow, Tehran"
    )
    assert (status, err) == (0, "")
    status, out, err = run(capsys, "check", "-f", str(path), "--out", "Moscow,denial")
    assert status == 2 and "ids.py: unknown claim id: 'Moscow'" in err


def test_marks_are_drawn_on_the_map_each_wrong_one_noted():
    m = ArgumentMap()
    a, b, c = (m.claim(i, i.upper()) for i in "abc")
    m.claim("d", "D, not marked")
    m.rebut(b, a)
    m.rebut(c, b)
    ev = m.evaluate()
    marks = ev.check_statuses(in_=["c", "b"], out=["a"])
    source = render_map(ev, marks=marks).source
    assert "marks checked under grounded semantics: 2 wrong, marked (!)" in source
    assert "<B>(+) IN</B> · (!) is OUT" in source  # b
    assert "<B>(-) OUT</B> · (!) is IN" in source  # a
    assert source.count("(!)") == 3  # two claims and the subtitle
    assert "0.50" not in source  # no strengths: the answer is not shown beside the marks
    with pytest.raises(ValueError, match="marks are drawn as marked"):
        render_map(ev, marks=marks, blank=True)

"""Labellings given by hand: the check agrees with the exhaustive reference on whether a
labelling is one of the semantics, names exactly the illegally labelled arguments, and
compares with labellings that are the semantics' own and improve where it says."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import SEMANTICS, Framework
from argmap.errors import LabellingError, UnknownArgumentError
from argmap.semantics import Label, Labelling, check_labelling
from argmap.semantics.legality import COMPLETE_BASED
from argmap.strategies import frameworks

import oracle
from conftest import run

CODES = sorted(SEMANTICS)


def _reference_labellings(af, code):
    """The labelling of each extension the exhaustive reference finds."""
    return {Labelling.from_extension(af, e) for e in oracle.extensions(af, code)}


def _legal(af, labelling, name):
    """Caminada (2006): IN iff every attacker OUT, OUT iff some attacker IN, else UNDEC."""
    labels = {labelling.label(a) for a, b in af.attacks if b == name}
    if Label.IN in labels:
        return Label.OUT
    return Label.IN if labels <= {Label.OUT} else Label.UNDEC


def _relabelled(af, labelling, name, label):
    every = labelling.as_dict() | {name: label}
    return Labelling.from_labels(
        af,
        in_=[n for n, x in every.items() if x is Label.IN],
        out=[n for n, x in every.items() if x is Label.OUT],
    )


labels = st.sampled_from([Label.IN, Label.OUT, Label.UNDEC])


@settings(max_examples=max(30, settings.default.max_examples // 2))
@given(af=frameworks(max_arguments=5), code=st.sampled_from(CODES), data=st.data())
def test_a_labelling_is_accepted_exactly_when_it_is_one_of_the_semantics(af, code, data):
    reference = _reference_labellings(af, code)
    names = sorted(af.arguments)
    drawn = [
        dict(
            zip(
                names,
                data.draw(st.lists(labels, min_size=len(names), max_size=len(names))),
                strict=True,
            )
        )
        for _ in range(3)
    ]
    candidates = [
        Labelling.from_labels(
            af,
            in_=[n for n, label in given.items() if label is Label.IN],
            out=[n for n, label in given.items() if label is Label.OUT],
        )
        for given in drawn
    ] + sorted(reference, key=repr)
    for labelling in candidates:
        found = check_labelling(af, labelling, code)
        assert found.holds == (labelling in reference)
        assert found.holds == (not found.problems)
        if found.holds:
            assert not found.mislabelled and found.instead is None
        if code in COMPLETE_BASED:
            illegal = {n for n in names if labelling.label(n) is not _legal(af, labelling, n)}
            assert found.mislabelled.keys() == illegal
            # each illegal argument, given the label the check says it should have, is
            # legal, and the sentence about it says so (where some are illegal, the problems
            # are theirs alone)
            pairs = zip(found.mislabelled.items(), found.problems, strict=True) if illegal else ()
            for (name, label), problem in pairs:
                assert problem.startswith(f"{name} is ")
                assert problem.endswith(f"it should be {label.name}.")
                assert _legal(af, _relabelled(af, labelling, name, label), name) is label
        else:
            wanted = Labelling.from_extension(af, labelling.in_)
            assert found.mislabelled == {
                n: wanted.label(n)
                for n in names
                if n not in labelling.in_ and labelling.label(n) is not wanted.label(n)
            }
        instead = found.instead
        if instead is None:
            continue
        assert instead in reference
        if code == "PR":
            assert instead.in_ > labelling.in_
        if code == "SST":
            assert instead.undec < labelling.undec
        if code == "STG":
            assert af.range_of(instead.in_) > af.range_of(labelling.in_)
        if code in ("GR", "ID", "EA"):
            assert reference == {instead}


def test_each_illegal_label_is_named_with_what_it_should_be():
    af = Framework.from_attacks([("a", "b"), ("b", "c"), ("c", "d")], arguments=["e"])
    labelling = Labelling.from_labels(af, in_=["b", "d"], out=["a", "e"])
    found = check_labelling(af, labelling, "complete")
    # b is legally IN (its one attacker is OUT), however wrong a's label is
    assert not found.holds and found.mislabelled == {
        "a": Label.IN,
        "c": Label.OUT,
        "d": Label.UNDEC,
        "e": Label.IN,
    }
    assert found.problems == (
        "a is OUT, but nothing attacks it; it should be IN.",
        "c is UNDEC, but its attacker b is IN; it should be OUT.",
        "d is IN, but its attacker c is UNDEC: an IN argument's attackers are all OUT; it "
        "should be UNDEC.",
        "e is OUT, but nothing attacks it; it should be IN.",
    )


def test_a_complete_labelling_the_semantics_does_not_select_is_compared_with_one_it_does():
    # a <-> b, b -> c: complete labellings all UNDEC, {a} IN, {b} IN
    af = Framework.from_attacks([("a", "b"), ("b", "a"), ("b", "c")])
    nothing = Labelling.from_labels(af)
    assert check_labelling(af, nothing, "complete").holds
    assert check_labelling(af, nothing, "grounded").holds
    preferred = check_labelling(af, nothing, "preferred")
    assert preferred.problems == (
        "It is a complete labelling, but not one with as many IN as can be: {b} IN is "
        "complete too (a UNDEC here, OUT there; b UNDEC here, IN there; c UNDEC here, OUT "
        "there).",
    )
    stable = check_labelling(af, nothing, "stable")
    assert stable.instead == Labelling.from_extension(af, {"a", "c"})
    chosen = Labelling.from_extension(af, {"b"})
    assert check_labelling(af, chosen, "stable").holds
    grounded = check_labelling(af, chosen, "grounded")
    assert grounded.problems == (
        "It is a complete labelling, but the grounded labelling has nothing IN: a OUT here, "
        "UNDEC there; b IN here, UNDEC there; c OUT here, UNDEC there.",
    )


def test_for_other_semantics_the_in_set_and_its_labelling_are_checked():
    af = Framework.from_attacks([("a", "b"), ("b", "c"), ("c", "b")])
    lone = Labelling.from_labels(af, in_=["c"], out=["b"])  # admissible, not strongly
    found = check_labelling(af, lone, "SAD")
    assert found.problems == (
        "The IN arguments {c} are admissible but not strongly admissible: c is defended only "
        "with its own help, never by IN arguments defended before them.",
    )
    assert check_labelling(af, lone, "AD").holds
    short = Labelling.from_labels(af, in_=["a"])  # b is attacked by a, so OUT
    assert check_labelling(af, short, "SAD").problems == (
        "b is UNDEC, but a, which is IN, attacks it; it should be OUT.",
    )
    naive = check_labelling(af, Labelling.from_labels(af, in_=["a"], out=["b"]), "naive")
    assert naive.problems == (
        "The IN arguments {a} are not a maximal conflict-free set: c can join them.",
    )
    clash = check_labelling(af, Labelling.from_labels(af, in_=["b", "c"]), "CF")
    assert clash.problems[-1] == "The IN arguments {b, c} are not conflict-free: b attacks c."


def test_the_labelling_must_name_arguments_of_the_framework_once():
    af = Framework.from_attacks([("a", "b")])
    with pytest.raises(UnknownArgumentError, match="'z'"):
        Labelling.from_labels(af, in_=["z"])
    with pytest.raises(TypeError, match="in_ is a collection of names, not one string: 'ab'"):
        Labelling.from_labels(af, in_="ab")
    with pytest.raises(ValueError, match="'a' is labelled both IN and UNDEC"):
        Labelling.from_labels(af, in_=["a"], undec=["a", "b"])
    with pytest.raises(ValueError, match=r"arguments given no label: \['b'\]"):
        Labelling.from_labels(af, in_=["a"], undec=[])
    with pytest.raises(LabellingError, match=r"one label \(given no label: b\);"):
        check_labelling(af, Labelling(frozenset("a"), frozenset(), frozenset()), "CO")
    faults = r"\(given two: a; not arguments of the framework: z\)"
    with pytest.raises(LabellingError, match=faults):
        check_labelling(af, Labelling(frozenset("a"), frozenset("ab"), frozenset("z")), "CO")


def test_the_command_checks_a_labelling_and_exits_1_when_it_is_not_one(capsys, tmp_path):
    path = tmp_path / "chain.apx"
    path.write_text("arg(a).\narg(b).\narg(c).\narg(d).\natt(a,b).\natt(b,c).\natt(d,d).\n")
    status, out, err = run(capsys, "check", "-f", str(path), "--in", "a,c", "--out", "b")
    assert (status, err) == (0, "")
    assert out.splitlines() == [
        "This is a complete labelling.",
        "(UNDEC, as no label was given: d)",
    ]
    status, out, err = run(
        capsys, "check", "-f", str(path), "--in", "a, c", "--out", "b,d", "--undec", "", "-s", "GR"
    )
    assert (status, err) == (1, "")
    assert out.splitlines() == [
        "This is not a grounded labelling:",
        "- d is OUT, but none of its attackers (d) is IN; it should be UNDEC.",
    ]
    for argv, message in (
        (["--in", "a,z"], "chain.apx: unknown argument: 'z' (arguments: ['a', 'b', 'c', 'd'])"),
        (["--in", "a", "--out", "a"], "argument 'a' is labelled both IN and OUT"),
        (["--in", "a", "--undec", "b"], "arguments given no label: ['c', 'd']"),
        (["--in", "a", "-s", "prefered"], "unknown semantics: 'prefered'"),
    ):
        status, out, err = run(capsys, "check", "-f", str(path), *argv)
        assert status == 2 and out == "" and message in err and "Traceback" not in err
    status, out, err = run(capsys, "check", "-f", str(tmp_path / "none.apx"), "--in", "a")
    assert status == 2 and "none.apx: cannot read the file" in err


def test_the_command_takes_names_whole_or_split_on_commas_and_repeated_options(capsys, tmp_path):
    path = tmp_path / "commas.tgf"
    path.write_text("a\nb\na,b\nc\n#\na b\na,b c\n")
    for argv, labelled_in in (
        (["--in", "a,b"], {"a,b"}),  # the whole value names an argument
        (["--in", "a", "--in", "b"], {"a", "b"}),
        (["--in", "a, c", "--in", " a,b "], {"a", "c", "a,b"}),
    ):
        status, out, err = run(capsys, "check", "-f", str(path), *argv, "-s", "ST", "--undec", " ")
        assert status == 2 and "arguments given no label" in err
        unlabelled = {"a", "b", "a,b", "c"} - labelled_in
        assert err.count("'") == 2 * len(unlabelled)
        assert all(f"'{name}'" in err for name in unlabelled)
    status, out, err = run(
        capsys, "check", "-f", str(path), "--in", "a,b", "--in", "a", "--out", "b,c"
    )
    assert (status, err) == (0, "") and out.splitlines()[0] == "This is a complete labelling."
    status, out, err = run(capsys, "check", "-f", str(path), "--in", "a", "--out", "b", "-s", "GR")
    assert (status, err) == (1, "")
    for value in ("a,,c", "a,", ",a"):
        status, out, err = run(capsys, "check", "-f", str(path), "--in", value)
        assert status == 2 and out == "" and "Traceback" not in err
        assert f"--in: an empty name in {value!r}" in err
    status, out, err = run(capsys, "check", "-f", str(path), "--in", "a,d")
    assert status == 2 and "commas.tgf: unknown argument: 'd'" in err


def test_the_command_names_so_many_arguments_it_labelled_undec(capsys, tmp_path):
    path = tmp_path / "many.apx"
    path.write_text("".join(f"arg(a{i}).\n" for i in range(30)))
    status, out, err = run(capsys, "check", "-f", str(path), "--in", "a0", "--timeout", "5")
    assert status == 1 and err == ""
    names = ", ".join(f"a{i}" for i in range(1, 21))
    assert out.splitlines()[-1] == f"(UNDEC, as no label was given: {names} and 9 more)"


def test_the_command_draws_the_checked_labelling(capsys, tmp_path):
    path = tmp_path / "chain.apx"
    path.write_text("arg(a).\narg(b).\natt(a,b).\n")
    drawn = tmp_path / "out" / "answer.svg"
    status, out, err = run(capsys, "check", "-f", str(path), "--in", "b", "-o", str(drawn))
    assert (status, err) == (1, "") and out.splitlines()[-1] == f"wrote {drawn}"
    assert "should be" in drawn.read_text()
    odd = tmp_path / "answer.xyz"
    status, out, err = run(capsys, "check", "-f", str(path), "--in", "a", "-o", str(odd))
    assert status == 2 and out == "" and "cannot tell the output format" in err
    assert not odd.exists()

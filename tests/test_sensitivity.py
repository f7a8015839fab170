"""What would change a claim's status, against a reference that re-judges the map through the
builder, one judgement at a time, over every claim, inference and source (no pruning)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import ArgumentMap, Confidence, Credibility, Likelihood, Reliability
from argmap.errors import SolverTimeout, UnknownIdError
from argmap.sensitivity import what_would_change
from argmap.strategies import argument_maps


def _outcome(m, claim, semantics, translation):
    ev = m.evaluate(semantics, translation=translation)
    return ev.status(claim), ev.acceptance(claim)


def _reference(m, claim, semantics, translation):
    """Every judgement re-made through the builder on a copy of the map, over the whole map."""
    before = _outcome(m, claim, semantics, translation)
    model = m.model()
    found = set()

    def latest(target, scales):
        for a in reversed(model.assessments_of(target)):
            if any(getattr(a, s) is not None for s in scales):
                return a
        return None

    def judge(change):
        copy = ArgumentMap.from_dict(m.to_dict())
        change(copy)
        return _outcome(copy, claim, semantics, translation)

    for target in [c.id for c in model.claims] + [s.id for s in model.supports]:
        now = latest(target, ("likelihood",))
        for band in Likelihood:
            if now is not None and band is now.likelihood:
                continue
            confidence = None if now is None else now.confidence
            after = judge(
                lambda c, t=target, b=band, k=confidence: c.assess(t, likelihood=b, confidence=k)
            )
            if after != before:
                found.add((target, "likelihood", band.value, *after))
        if now is None:
            continue  # a confidence weighs a likelihood
        for confidence in Confidence:
            if confidence is now.confidence:
                continue
            after = judge(
                lambda c, t=target, b=now.likelihood, k=confidence: c.assess(
                    t, likelihood=b, confidence=k
                )
            )
            if after != before:
                found.add((target, "confidence", confidence.value, *after))
    for source in [s.name for s in model.sources]:
        now = latest(source, ("reliability", "credibility"))
        for scale, values in (("reliability", Reliability), ("credibility", Credibility)):
            for value in values:
                if now is not None and getattr(now, scale) is value:
                    continue
                kept = (
                    {}
                    if now is None
                    else {"reliability": now.reliability, "credibility": now.credibility}
                )
                rating = {**kept, scale: value}
                after = judge(lambda c, s=source, r=rating: c.source(s, **r))
                if after != before:
                    found.add((source, scale, value.value, *after))
    return found


@settings(max_examples=max(8, settings.default.max_examples // 3))  # each tries ~100 judgements
@given(
    argument_maps(max_claims=5, max_supports=3, max_attacks=4, max_sources=2),
    st.sampled_from(["grounded", "preferred"]),
    st.sampled_from(["aspic", "flat", "deductive"]),
    st.data(),
)
def test_the_changes_found_are_those_the_reference_finds(m, semantics, translation, data):
    claim = data.draw(st.sampled_from([c.id for c in m.claims]))
    found = what_would_change(m, claim, semantics=semantics, translation=translation)
    assert (found.status, found.acceptance) == _outcome(m, claim, semantics, translation)
    assert {
        (c.target, c.scale, c.after, c.status, c.acceptance) for c in found.changes
    } == _reference(m, claim, semantics, translation)


def _bridge():
    m = ArgumentMap("Bridge")
    a = m.claim("a", "The bridge is safe", source="Engineer")
    b = m.claim("b", "A crack was reported")
    m.rebut(b, a)
    m.assess(a, likelihood="likely")
    m.assess(b, likelihood="unlikely", confidence="high")
    m.claim("z", "Unrelated")
    return m


def test_the_text_groups_the_values_that_lead_to_one_outcome():
    found = _bridge().evaluate().what_would_change("a")
    text = " ".join(str(found).split())  # the lines are wrapped at 96 characters
    assert all(len(line) <= 96 for line in str(found).splitlines())
    assert text.startswith("a is IN (sceptical) under grounded semantics. ")
    assert "- claim 'b' (likelihood now unlikely): likely, very likely or almost certain " in text
    # the crack report is judged unlikely: judging it roughly as likely as the safety claim
    # (0.675) or more defeats that claim; the unrelated claim z is not tried
    assert all(c.target != "z" for c in found.changes)
    # a and b: six other bands each, and the confidences they are not judged with (a has
    # none, b high); the unrated source: every reliability and credibility
    assert found.tried == 2 * 6 + 3 + 2 + 6 + 6
    assert "source 'Engineer' (reliability not judged)" not in text  # a's own likelihood rules
    calm = what_would_change(_bridge(), "z")
    assert " ".join(str(calm).split()) == (
        "z is IN (sceptical) under grounded semantics. None of the 7 single changes of one "
        "judgement that bears on it changes that."
    )


def test_an_evaluation_lends_its_semantics_and_translation_and_needs_preferences():
    m = _bridge()
    flat = m.evaluate("preferred", translation="flat").what_would_change("a")
    assert flat.semantics == "preferred"
    assert flat == what_would_change(m, "a", semantics="preferred", translation="flat")
    with pytest.raises(ValueError, match="translation, link given beside it would be ignored"):
        what_would_change(m.evaluate(), "a", translation="flat", link="last")
    with pytest.raises(ValueError, match="preferences, and this evaluation has them off"):
        m.evaluate(preferences=False).what_would_change("a")
    with pytest.raises(UnknownIdError, match="'nope'"):
        what_would_change(m, "nope")
    assert what_would_change(m, m.model().claim_by_id["a"]) == what_would_change(m, "a")
    with pytest.raises(SolverTimeout):
        what_would_change(m, "a", timeout=1e-9)

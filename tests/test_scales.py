import pytest

from argmap.errors import UnknownNameError
from argmap.map import (
    Confidence,
    Credibility,
    Likelihood,
    Reliability,
    parse_admiralty,
    parse_judgement,
)


def test_icd_203_bands_are_ordered_and_cover_the_scale():
    scores = [band.score for band in Likelihood]
    assert scores == sorted(scores)
    bands = [band.probability for band in Likelihood]
    assert all(bands[i][1] == bands[i + 1][0] for i in range(len(bands) - 1))


@pytest.mark.parametrize(
    ("text", "likelihood", "confidence"),
    [
        (
            "We assess with high confidence that Russia is very likely to continue",
            "very likely",
            "high",
        ),
        ("It is unlikely (moderate confidence)", "unlikely", "moderate"),
        ("There is a roughly even chance of a deal", "roughly even chance", None),
        ("We have low confidence in this report", None, "low"),
        ("An attack is almost certain", "almost certain", None),
        ("We judge it highly probable", "very likely", None),
    ],
)
def test_analyst_wording(text, likelihood, confidence):
    got_l, got_c = parse_judgement(text)
    assert (got_l.value if got_l else None) == likelihood
    assert (got_c.value if got_c else None) == confidence


def test_wording_without_any_scale_word_is_an_error():
    with pytest.raises(UnknownNameError, match="no likelihood or confidence word"):
        parse_judgement("The sky is blue")


def test_admiralty():
    assert parse_admiralty("c3") == (Reliability.C, Credibility.POSSIBLY_TRUE)
    assert Credibility.parse("6").label == "cannot be judged"
    assert Confidence.parse("low").weight < Confidence.parse("high").weight
    with pytest.raises(UnknownNameError, match="unknown source reliability"):
        Reliability.parse("Z")


def test_a_misspelt_word_is_answered_with_the_words_spelt_like_it():
    with pytest.raises(UnknownNameError, match=r"'likley' \(did you mean 'likely'\? must be"):
        Likelihood.parse("likley")
    with pytest.raises(UnknownNameError) as raised:
        Likelihood.parse("very unlikley")
    assert raised.value.close == ["very unlikely", "very likely"]
    with pytest.raises(UnknownNameError) as raised:
        Likelihood.parse("maybe")
    assert raised.value.close == [] and "did you mean" not in str(raised.value)

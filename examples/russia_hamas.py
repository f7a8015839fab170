"""The showcase: "Geopolitics of Russia Hamas Relations", mapped claim by claim.

Every claim below is made or reported by the article, attributed to the source the article
gives. The article's hedges become assessments: "can be assessed to" (likely, low confidence),
"alleged" and "denied the possibility" (the two sides' judgements of the arms claim), "might
have" (roughly even chance, low confidence) and "is thus expected to" (likely). Where the
article concedes a point with "despite", the conceded consideration is a rebuttal that the
author judges weaker, so the preference for the stronger argument settles it.

Run it with ``make demo`` or ``python examples/russia_hamas.py [OUTPUT_DIR]``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from argmap import ArgumentMap
from argmap.render import render_map, save

AUTHOR = "Article author"
MINISTRY = "Russian foreign ministry statement"
AL_JAZEERA = "Al Jazeera"

m = ArgumentMap(
    "Geopolitics of Russia-Hamas relations",
    description="An argument map of the article in shared/corpus/russia_hamas_article.txt.",
)
m.source(MINISTRY, note="statement on the January meeting with a Hamas delegation")
m.source("Reuters")
m.source(AL_JAZEERA)
m.source("Nikolay Mitrokhin", note="University of Bremen, speaking to Al Jazeera")
m.source("Igar Tyshkevich", note="Ukrainian Institute of the Future, quoted by Al Jazeera")
m.source("Ukrainian interlocutors", note="as reported by Al Jazeera")
m.source("Dmitry Medvedev", note="former Russian President and Prime Minister")
m.source("Hamas statement")
m.source(AUTHOR, note="the article's own assessments")

with m.section("The January meeting"):
    meeting = m.claim(
        "meeting",
        "Deputy foreign minister Mikhail Bogdanov received Hamas Politburo member Abu Marzouk "
        "in Moscow in January",
        source="Reuters",
    )
    focus = m.claim(
        "focus",
        "The talks focused on the Palestinian-Israeli confrontation and the catastrophic "
        "humanitarian crisis in Gaza",
        source=MINISTRY,
    )
    urged = m.claim(
        "urged_release",
        "Russia urged the speedy release of civilians held since 7 October, including three "
        "Russian citizens",
        source=MINISTRY,
    )
    informed = m.claim(
        "informed_israel",
        "Bogdanov told Israel's ambassador Simona Halperin of Russia's efforts for the "
        "unconditional release of the civilians held in Gaza",
        source=MINISTRY,
    )
    humanitarian = m.claim(
        "humanitarian",
        "Russia's engagement with Hamas is humanitarian diplomacy to free the hostages",
        source=MINISTRY,
    )
    m.support(focus, humanitarian, id="s_focus")
    m.support(urged, humanitarian, id="s_urged")
    m.support(informed, humanitarian, id="s_informed")

with m.section("A long relationship"):
    congratulated = m.claim(
        "congratulated_2006",
        "In 2006 Putin was among the first world leaders to congratulate Hamas on its "
        "election victory over Fatah",
        source=AUTHOR,
    )
    hosted = m.claim(
        "hosted_2007",
        "In 2007 Putin hosted Hamas leader Khaled Mashal in Moscow, who praised his "
        "'courage and manliness'",
        source=AUTHOR,
    )
    thanked = m.claim(
        "thanked",
        "After October 7 Hamas thanked Putin for his 'position regarding the ongoing Zionist "
        "aggression against our people'",
        source="Hamas statement",
    )
    declined = m.claim(
        "declined_to_condemn",
        "The Kremlin declined to condemn Hamas's actions, expressing only 'grave concerns'",
        source=AUTHOR,
    )
    legitimizes = m.claim(
        "legitimizes",
        "Declining to condemn gives Hamas the legitimizing effect of recognition",
        source=AUTHOR,
    )
    maintains = m.claim(
        "maintains_relationship",
        "Despite a stated hard stance on terrorism and the October 7 massacre, in which 16 "
        "Russian nationals died, Moscow maintains its relationship with Hamas",
        source=AUTHOR,
    )
    m.support(declined, legitimizes, id="s_legitimizes")
    for premise in (meeting, congratulated, hosted, thanked, declined):
        m.support(premise, maintains, id=f"s_{premise.id}")
    m.rebut(legitimizes, humanitarian, id="r_recognition")

with m.section("Material support"):
    crypto = m.claim(
        "crypto_funds",
        "On the eve of the attacks Hamas received millions of dollars through a Moscow-based "
        "crypto exchange",
        source=AUTHOR,
    )
    facilitated = m.claim(
        "facilitated_support",
        "Russia facilitated material support for Hamas",
        source=AUTHOR,
    )
    m.support(crypto, facilitated, id="s_crypto")
    m.support(facilitated, maintains, id="s_facilitated")
    m.assess(
        facilitated,
        likelihood="likely",
        confidence="low",
        by=AUTHOR,
        note='the article: "Russia can be assessed to have facilitated material support"',
    )

with m.section("Arms allegations"):
    arms = m.claim(
        "russian_arms",
        "Russia is supplying Hamas with weapons",
        source="Ukrainian interlocutors",
    )
    denial = m.claim(
        "denial",
        "Independent observers deny that Russia supplies Hamas with weapons",
        source=AL_JAZEERA,
    )
    no_evidence = m.claim(
        "no_evidence",
        "There is no statement from the Israeli military and no demonstration of Hamas arms "
        "they seized",
        source="Nikolay Mitrokhin",
    )
    nato_arms = m.claim(
        "nato_arms",
        "NATO arms sent to Ukraine 'ended up' in the hands of Hamas fighters",
        source="Dmitry Medvedev",
    )
    campaign = m.claim(
        "information_campaign",
        "Medvedev's claim is part of an information campaign to blame the Western alliance "
        "for arming Ukraine",
        source=AUTHOR,
    )
    reshipped = m.claim(
        "reshipped",
        "Russia may have shipped to Hamas Western arms seized in Ukraine, Afghanistan or Iraq",
        source="Igar Tyshkevich",
    )
    m.support(no_evidence, denial, id="s_no_evidence")
    m.contradict(arms, denial, id="x_arms")
    m.undermine(campaign, nato_arms, id="r_campaign")
    m.contradict(nato_arms, reshipped, id="x_origin")
    m.assess(
        arms,
        likelihood="roughly even chance",
        confidence="low",
        by="Ukrainian interlocutors",
        note='the article: "have alleged"',
    )
    m.assess(
        arms,
        likelihood="very unlikely",
        by="independent observers",
        note='the article: "independent observers have denied the possibility"',
    )
    m.assess(
        reshipped,
        likelihood="roughly even chance",
        confidence="low",
        by="Igar Tyshkevich",
        note='the article: "Russia might have shipped Western arms"',
    )

with m.section("Geopolitical advantage"):
    attention = m.claim(
        "attention_diverted",
        "The new Middle East front diverted the world's attention from the war in Ukraine",
        source=AUTHOR,
    )
    us_support = m.claim(
        "us_support_reduced",
        "United States support to Kyiv was reduced",
        source=AUTHOR,
    )
    front = m.claim(
        "front_benefits",
        "The opening of the Middle East front benefited Russia",
        source=AUTHOR,
    )
    drones = m.claim(
        "shahed_drones",
        "Iran has supplied Russia with Shahed one-way drones, among its most valuable arms at "
        "a critical moment of the war in Ukraine",
        source=AUTHOR,
    )
    iran = m.claim(
        "iran_axis",
        "Russia's political and diplomatic support for Hamas is linked to its growing axis "
        "with Iran",
        source=AUTHOR,
    )
    advantages = m.claim(
        "advantages",
        "Russia accrues geopolitical advantages from the relationship",
        source=AUTHOR,
    )
    motive = m.claim(
        "geopolitical_motive",
        "Russia keeps its relationship with Hamas for the geopolitical advantage it brings",
        source=AUTHOR,
    )
    m.support(attention, front, id="s_attention")
    m.support(us_support, front, id="s_us_support")
    m.support(drones, iran, id="s_drones")
    m.support(front, advantages, id="s_front")
    m.support(iran, advantages, id="s_iran")
    m.support([maintains, advantages], motive, id="s_motive")
    m.contradict(humanitarian, motive, id="x_motive")

with m.section("Bottom line"):
    stigma = m.claim(
        "stigma",
        "The stigma attached to the relationship could deter Russia from continuing it",
        source=AUTHOR,
    )
    bottom = m.claim(
        "bottom_line",
        "Russia is expected to continue the relationship with Hamas in the days ahead",
        source=AUTHOR,
    )
    m.support(motive, bottom, id="s_bottom")
    m.rebut(stigma, bottom, id="r_stigma")
    m.assess(
        bottom,
        likelihood="likely",
        by=AUTHOR,
        note='the article: "Russia is thus expected to continue the relationship"',
    )
    m.assess(
        stigma,
        likelihood="unlikely",
        by=AUTHOR,
        note='the article: "given the geopolitical advantages accrued despite the stigma attached"',
    )

#: The conclusions the demo reports on.
KEY_CLAIMS = [
    "bottom_line",
    "geopolitical_motive",
    "humanitarian",
    "maintains_relationship",
    "facilitated_support",
    "russian_arms",
    "denial",
    "nato_arms",
    "reshipped",
    "stigma",
]


def main(output: Path) -> None:
    for semantics in ("grounded", "preferred"):
        ev = m.evaluate(semantics)
        print(
            f"== {ev.semantics_name} semantics ({ev.extension_count} extension"
            f"{'s' if ev.extension_count != 1 else ''}) =="
        )
        print(ev.table(KEY_CLAIMS))
        print()
    ev = m.evaluate()
    print(ev.explain("bottom_line"))
    print()
    print(ev.what_would_change("bottom_line"))
    print()
    output.mkdir(parents=True, exist_ok=True)
    graph = render_map(ev, wrap=34)
    for fmt in ("svg", "png"):
        path = save(graph, output / f"russia_hamas.{fmt}")
        print(f"diagram written to {path}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("out"))

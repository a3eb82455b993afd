"""Normalisation, body hash, fingerprints and pairwise verification."""

from __future__ import annotations

from dedup import body_hash
from dedup.compare import compare
from dedup.events import StoryFacts, company_key, event_keys, material_change, same_event
from dedup.fingerprint import ANCHOR_SAMPLE, fingerprint
from dedup.resolve import Candidate
from dedup.text import figures, normalise, tokens


def test_normalise_folds_accents_case_and_arabic_marks():
    assert normalise("Économie ÉLAN") == "economie elan"
    assert normalise("أَعْلَنَتْ الشـركة") == normalise("اعلنت الشركة")
    assert normalise("مدرسة") == normalise("مدرسه")


def test_numbers_are_values_whatever_the_script_or_grouping():
    assert tokens("5.050 emplois") == tokens("5 050 emplois") == tokens("5,050 emplois")
    assert tokens("٥٠٥٠ منصب")[0] == "5050"
    assert tokens("2,5 milliards")[0] == "2.5"
    assert tokens("en 2022 300 postes")[1:3] == ["2022", "300"]


def test_figures_include_scaled_amounts():
    found = figures(tokens("65 millions de dirhams et 1,5 milliard, 5.050 emplois, le 3 mai"))
    assert {65.0, 65e6, 1.5e9, 5050.0} <= found
    assert 3.0 not in found


def test_body_hash_ignores_typography_only():
    a = "Le  centre emploiera 1.200 personnes.\n\nRecrutements en avril."
    assert body_hash(a) == body_hash("le centre emploiera 1 200 personnes - recrutements en AVRIL")
    assert body_hash(a) != body_hash(a.replace("1.200", "1.300"))


def test_anchors_are_a_function_of_the_shingle_only():
    text = " ".join(f"mot{i} terme{i} chose{i}" for i in range(200))
    full, prefix = fingerprint(text), fingerprint(text[: len(text) // 3])
    assert set(prefix.anchors) <= set(full.anchors)
    assert all(h % ANCHOR_SAMPLE == 0 for h in full.anchors)


def test_substituted_figure_or_name_is_a_different_story():
    template = (
        "Un mémorandum d'entente a été signé mercredi à Rabat en présence du ministre de "
        "l'Industrie. Ce mémorandum, conclu avec la société {co}, prévoit la création de "
        "{jobs} emplois directs et stables à l'horizon 2027 sur le site de la technopole. "
        "La cérémonie s'est déroulée en présence des représentants de l'agence des investissements."
    )
    a = fingerprint(template.format(co="Nearsoft Maghreb", jobs="850"))
    b = fingerprint(template.format(co="Bluewave CX", jobs="1.400"))
    same = fingerprint(template.format(co="Nearsoft Maghreb", jobs="850") + " Fin.")
    match = compare(a, b)
    assert match.similarity > 0.6 and not match.is_near_duplicate
    assert ("850", "1400") in match.substitutions
    assert compare(a, same).is_near_duplicate


def test_shared_teaser_block_alone_is_not_a_copy():
    teasers = "\n\n".join(
        f"Article lié numéro {i} : la Bourse de Casablanca termine la semaine en hausse "
        "portée par les valeurs bancaires."
        for i in range(6)
    )
    a = fingerprint(
        "Le groupe Alpha ouvre un centre de relation client à Fès, où deux cents postes de "
        "téléconseillers bilingues seront pourvus avant l'été, selon la direction régionale.\n\n"
        "Les recrutements commencent lundi prochain dans les locaux de l'agence pour l'emploi.\n\n"
        + teasers
    )
    b = fingerprint(
        "La société Beta inaugure une usine de câbles électriques à Kénitra, destinée aux "
        "constructeurs automobiles installés dans la zone franche, a indiqué son directeur.\n\n"
        "La production démarrera au troisième trimestre avec une première ligne automatisée.\n\n"
        + teasers
    )
    match = compare(a, b)
    assert match.similarity > 0.5 and match.lead < 0.3 and not match.is_near_duplicate


def _cand(**facts) -> Candidate:
    base = dict(text="", title=None, language="fr", source="s", published_at=None,
                announcement=True, kinds=["jobs"], jobs=None, investment_amount=None,
                investment_currency=None, companies=[], cities=[])
    base.update(facts)
    return Candidate(**base)


def test_company_keys_drop_legal_and_country_words():
    assert company_key("Webhelp Maroc SA") == company_key("webhelp") == "webhelp"
    assert event_keys(_cand(companies=["NTT Data Morocco"], jobs=1000, investment_amount=65e6)) == [
        "co:ntt data", "jobs:1000", "inv:MAD:6.5e+07",
    ]


def test_same_event_rules():
    story = StoryFacts(story_id=1, known=False, kinds={"jobs"},
                       companies={"atlas contact services"}, jobs={1200}, numbers={1200.0, 40e6})
    assert same_event(_cand(companies=["Atlas Contact Services"], jobs=1200), story).same
    assert not same_event(_cand(companies=["Bluewave CX"], jobs=1200), story).same
    # Without companies, a specific figure is enough, a round one is not.
    specific = StoryFacts(story_id=2, known=True, kinds={"jobs"}, jobs={5050}, numbers={5050.0})
    assert same_event(_cand(jobs=5050), specific).same
    round_only = StoryFacts(story_id=3, known=False, kinds={"jobs"}, jobs={1000}, numbers={1000.0})
    assert not same_event(_cand(jobs=1000), round_only).same
    assert not same_event(_cand(jobs=1000, kinds=["investment"]), round_only).same


def test_material_change_lists_what_is_new():
    story = StoryFacts(story_id=1, known=False, companies={"sigma relation clients"}, jobs={900})
    assert material_change(_cand(companies=["Sigma Relation Clients"], jobs=900), story) == []
    new = material_change(
        _cand(companies=["Sigma Relation Clients"], jobs=900, investment_amount=55e6), story
    )
    assert new == ["amount 55,000,000 MAD"]


def test_company_names_in_other_scripts_are_no_evidence():
    story = StoryFacts(story_id=1, known=False, kinds={"jobs"},
                       companies={"atlas contact services"}, jobs={1200},
                       amounts={("MAD", 40e6)}, numbers={1200.0, 40e6})
    rewrite = _cand(companies=["أطلس كونتاكت سيرفيسز"], jobs=1200, investment_amount=40e6)
    assert same_event(rewrite, story).same
    assert material_change(rewrite, story) == []
    other_arabic = StoryFacts(story_id=2, known=False,
                              companies={company_key("فينتورا كونتاكت")}, jobs={1200})
    assert not same_event(rewrite, other_arabic).same


def test_kinds_differing_between_rewrites_do_not_split_a_story():
    story = StoryFacts(story_id=1, known=False, kinds={"mou"}, companies={"nearsoft"}, jobs={850})
    assert same_event(_cand(kinds=["new_site"], companies=["Nearsoft"], jobs=850), story).same
    assert not same_event(_cand(kinds=["new_site"], companies=["Nearsoft"]), story).same


def test_same_template_other_company_same_figures_is_not_a_copy():
    template = (
        "Un mémorandum d'entente a été signé mercredi à Rabat en présence du ministre de "
        "l'Industrie et de la ministre de la Transition numérique. Ce mémorandum, conclu avec "
        "la société {co}, prévoit la création de 500 emplois directs et stables à l'horizon "
        "2027. Une enveloppe de 20 millions de dirhams sera mobilisée pour ce projet, précise "
        "un communiqué du ministère."
    )
    match = compare(fingerprint(template.format(co="Nearsoft Maghreb")),
                    fingerprint(template.format(co="Bluewave CX")))
    assert match.similarity > 0.8 and not match.is_near_duplicate


def test_same_company_other_figures_is_its_next_project():
    story = StoryFacts(story_id=1, known=False, kinds={"jobs"}, companies={"orion tech services"},
                       jobs={600}, amounts={("MAD", 120e6)}, numbers={600.0, 120e6})
    next_project = _cand(companies=["Orion Tech Services"], jobs=250, investment_amount=30e6)
    assert not same_event(next_project, story).same
    same_jobs_other_amount = _cand(companies=["Orion Tech Services"], jobs=600,
                                   investment_amount=30e6)
    assert not same_event(same_jobs_other_amount, story).same
    adds_amount = StoryFacts(story_id=2, known=False, companies={"orion tech services"}, jobs={600})
    match = same_event(same_jobs_other_amount, adds_amount)
    assert match.same
    assert material_change(same_jobs_other_amount, adds_amount) == ["amount 30,000,000 MAD"]


def test_figures_of_one_event_need_only_be_compatible():
    story = StoryFacts(story_id=1, known=False, kinds={"mou"}, companies={"astriva", "bluecall"},
                       jobs={3000}, amounts={("MAD", 240e6)},
                       numbers={3000.0, 1800.0, 1200.0, 240e6},
                       cities={"rabat", "tanger"})
    part = _cand(companies=["Astriva"], jobs=1800, cities=["Kénitra"])
    rounded = _cand(companies=["Astriva", "Bluecall"], jobs=2900, investment_amount=250e6)
    missing = _cand(companies=["Bluecall"], cities=["Tétouan"])
    for report in (part, rounded, missing):
        assert same_event(report, story).same, report
        assert material_change(report, story) == []  # other readings are not news
    total_after_part = StoryFacts(story_id=2, known=False, companies={"astriva"}, jobs={1800})
    total = _cand(companies=["Astriva", "Bluecall"], jobs=3000)
    assert same_event(total, total_after_part, numbers={3000.0, 1800.0, 1200.0}).same
    one_share = StoryFacts(story_id=3, known=False, companies={"ntt data"}, jobs={1000})
    four = _cand(companies=["NTT Data", "Phoneo", "Cnexia", "Eids"], jobs=5050)
    assert same_event(four, one_share).same  # the total of a joint announcement, no parts given
    assert not same_event(_cand(companies=["NTT Data"], jobs=5050), one_share).same


def test_one_company_two_sites_or_far_figures_are_two_events():
    story = StoryFacts(story_id=1, known=False, kinds={"jobs"}, companies={"castelis"},
                       jobs={300}, cities={"tanger"})
    other_site = same_event(_cand(companies=["Castelis"], jobs=1500, cities=["Dakhla"]), story)
    assert not other_site.same and "other place" in other_site.why
    far = same_event(_cand(companies=["Castelis"], jobs=3000), story)
    assert not far.same and "too far apart" in far.why
    # Salé is Rabat's employment area: one event, not two sites.
    rabat = StoryFacts(story_id=2, known=False, companies={"zenfield digital"}, jobs={1000},
                       cities={"rabat"})
    assert same_event(_cand(companies=["Zenfield Digital"], jobs=1000, cities=["Salé"]), rabat).same


def test_subsidiaries_and_transliterations_are_one_company():
    story = StoryFacts(story_id=1, known=False, companies={"webhelp"}, jobs={700})
    assert same_event(_cand(companies=["Concentrix"], jobs=700), story).same
    assert same_event(_cand(companies=["ويب هيلب"], jobs=700), story).same
    assert not same_event(_cand(companies=["Orbisa Contact"], jobs=700), story).same
    one_word = StoryFacts(story_id=2, known=False, companies={"novatech"}, jobs={400})
    assert same_event(_cand(companies=["Nova Tech"], jobs=400), one_word).same


def test_seed_events_match_on_company_and_a_figure_written_in_the_seed():
    seed = StoryFacts(story_id=1, known=True, numbers={2000.0, 20000.0, 2e9},
                      seed_article_id=1, seed_words=frozenset({"dell", "centres", "appels"}))
    assert same_event(_cand(companies=["Dell"], jobs=2000), seed).same
    assert not same_event(_cand(companies=["Dell"], jobs=600), seed).same
    assert not same_event(_cand(companies=["Helix Data"], jobs=2000), seed).same

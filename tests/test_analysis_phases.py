"""Phased and multi-figure announcements: the whole commitment's total, not a phase's share.

The labelling guidelines take "the number of new jobs the announced commitment creates". When an
article announces a project and then lists its phases, or says "N at term, of which M in the first
year", the commitment is the whole project: its total is the figure. Only when the event itself is the
first phase (a first tranche inaugurated) does that phase's figure stand. All articles are written
for this test (invented names and figures).
"""

from __future__ import annotations

import pytest

from analysis import analyze


def _jobs(title: str | None, text: str) -> int | None:
    result = analyze(title=title, text=text)
    assert result.announcement, result.reasons
    return result.jobs


def test_phases_listed_as_lines_give_the_total_of_the_last_phase() -> None:
    text = ("Le prestataire Orvanis Contact va ouvrir un centre de relation client à Kénitra. Le projet, d'un coût de "
            "90 millions de dirhams, sera déployé en trois étapes.\n\n"
            "Phase 1 (2027) : ouverture d'un plateau de 250 positions et recrutement de 250 téléconseillers ;\n\n"
            "Phase 2 (2028) : extension à 600 emplois avec une offre de back-office ;\n\n"
            "Phase 3 (2029) : 950 emplois au total et un centre de formation.")
    assert _jobs("Orvanis Contact s'installe à Kénitra", text) == 950


def test_year_labelled_lines_give_the_plan_total_and_a_provider_named_by_its_trade_is_relevant() -> None:
    text = ("Le prestataire de relation client Dovrane va implanter un nouveau centre à Khouribga. La montée en "
            "charge est prévue ainsi :\n\n- 2027 : 150 conseillers au démarrage ;\n\n- 2028 : 400 emplois avec un "
            "second plateau ;\n\n- 2029 : 650 emplois au total.")
    result = analyze(title="Khouribga : Dovrane annonce un centre", text=text)
    assert result.relevant and result.announcement and result.jobs == 650


def test_phases_listed_after_a_lead_total_keep_the_lead_total() -> None:
    text = ("L'opérateur Brevane Services va investir 60 millions de dirhams dans un centre de relation client à Béni Mellal. Le site "
            "emploiera à terme 700 personnes, dont 200 dès la première année.\n\n"
            "Phase 1 (2026) : ouverture d'un premier plateau de 200 positions ;\n\n"
            "Phase 2 (2027) : 700 emplois au total.")
    result = analyze(title="Brevane Services : un site de 700 emplois à Béni Mellal", text=text)
    assert result.announcement and result.jobs == 700
    assert result.jobs_evidence is not None and "700" in result.jobs_evidence


def test_of_which_some_in_the_first_year_gives_the_whole() -> None:
    text = ("Le groupe Talvora CX ouvrira un centre d'appels à Safi. Il emploiera à terme 850 salariés, dont 300 "
            "dès la première année d'exploitation.")
    assert _jobs(None, text) == 850


def test_first_then_later_gives_the_later_total() -> None:
    text = ("Le spécialiste de l'externalisation Mirelia Group recrutera dans un premier temps 120 conseillers à "
            "Settat, puis 480 d'ici 2028.")
    assert _jobs(None, text) == 480


def test_a_first_phase_out_of_a_stated_whole_gives_the_whole() -> None:
    text = ("Outsourcing provider Kestrelon will open a customer-care hub in Tetouan. The project includes a first "
            "phase of 220 jobs out of 900 jobs planned by 2029.")
    assert _jobs(None, text) == 900


def test_opening_with_a_first_phase_out_of_the_planned_whole_gives_the_whole() -> None:
    text = ("Belgian contact-centre group Tervanta will open a new site in Kenitra. The site will open with a first "
            "phase of 180 jobs out of the 750 planned by 2029, serving Dutch-speaking clients.")
    assert _jobs(None, text) == 750


def test_an_english_first_phase_then_growth_by_a_year_gives_the_target() -> None:
    text = ("Nearshore firm Dalvigo Solutions will hire 160 agents in Agadir in its first phase and plans to reach "
            "640 jobs by 2028.")
    assert _jobs(None, text) == 640


def test_arabic_first_stage_then_horizon_gives_the_horizon_total() -> None:
    text = ("أعلنت شركة \"سيرالكو\" المتخصصة في مراكز الاتصال عن فتح مركز جديد بمدينة الجديدة، "
            "حيث ستوفر في مرحلة أولى 300 منصب شغل، على أن يصل العدد إلى 1100 منصب شغل في أفق 2028.")
    assert _jobs(None, text) == 1100


def test_arabic_first_phase_then_reaching_gives_the_target() -> None:
    text = ("ستحدث شركة \"نوفاكول\" لترحيل الخدمات مركزا للاتصال بمدينة وجدة، وستشغل في المرحلة الأولى 250 "
            "مستشارا ليصل إلى 800 منصب شغل في أفق 2029.")
    assert _jobs(None, text) == 800


def test_the_title_figure_agreeing_with_a_later_phase_total_wins() -> None:
    text = ("Le prestataire Quandora BPO ouvre un nouveau centre à Larache.\n\n"
            "Première phase : 180 emplois en 2026 ;\n\n"
            "Deuxième phase : 1.000 emplois au total en 2028.")
    assert _jobs("Quandora BPO : 1.000 emplois à Larache", text) == 1000


def test_the_whole_amount_beats_the_first_tranche_amount() -> None:
    text = ("Le groupe Sorelian Digital va investir 240 millions de dirhams au total dans un campus de services informatiques offshore à Fès, dont "
            "80 millions de dirhams pour la première tranche. Le campus créera à terme 1.500 emplois.")
    result = analyze(title=None, text=text)
    assert result.announcement and result.jobs == 1500
    assert result.investment is not None and result.investment.amount == 240_000_000


@pytest.mark.parametrize(("title", "text", "jobs"), [
    (None, "Le gouverneur a inauguré la première tranche du parc Rivashore à Berkane, un projet dédié à "
           "l'offshoring. La première tranche créera 700 emplois, et le parc 6.000 à terme.", 700),
    (None, "The first phase of the Calderpark offshoring zone in Oujda was inaugurated on Monday. The first phase "
           "will host 450 jobs, and the whole park 4,000 by 2030.", 450),
    (None, "دشن والي الجهة الشطر الأول من المنطقة المخصصة لترحيل الخدمات \"ريفا بارك\"، وسيوفر الشطر الأول 900 "
           "منصب شغل، فيما سيوفر المشروع برمته 7000 منصب شغل في أفق 2032.", 900),
    (None, "افتتح عامل الإقليم، صباح أمس الأربعاء، الشطر الأول من منطقة \"صفرو شور\" المخصصة لمراكز الاتصال "
           "بصفرو. وسيوفر الشطر الأول 400 منصب شغل، فيما سيصل العدد إلى 3000 منصب عند استكمال المشروع.", 400),
])
def test_a_first_phase_inaugurated_keeps_its_own_figure(title: str | None, text: str, jobs: int) -> None:
    assert _jobs(title, text) == jobs


def test_the_group_total_after_the_project_and_its_first_centre_are_neither_figure_nor_site() -> None:
    result = analyze(title="Meknès : Corvane Tech inaugure un centre de 300 ingénieurs", text=(
        "La société de services informatiques Corvane Tech a inauguré jeudi à Meknès un centre nearshore qui "
        "emploiera 300 ingénieurs d'ici 2027. Corvane Tech, présente au Maroc depuis 2018 avec un premier "
        "centre à Casablanca, emploiera au total plus de 1.100 personnes dans le Royaume à l'issue de ce projet."))
    assert result.announcement and result.jobs == 300
    assert result.cities == ["Meknès"]


def test_initially_then_rising_to_gives_the_later_figure() -> None:
    text = ("Contact-centre operator Halloway CX will open a site in Meknes. The site will initially employ 120 "
            "people, rising to 450 by 2028.")
    assert _jobs(None, text) == 450


def test_hires_planned_for_a_year_are_no_past_hires() -> None:
    text = ("Contact-centre operator Halloway CX will open a site in Meknes. Phase 1 will see 200 agents hired in "
            "2027, and the site will reach 650 jobs by 2029.")
    assert _jobs(None, text) == 650


@pytest.mark.parametrize(("text", "amount"), [
    ("Le prestataire de centres d'appels Ravello va investir dans un centre à Taza : une première tranche de 50 "
     "millions de dirhams, sur une enveloppe globale de 130 millions de dirhams, créera 700 emplois.", 130_000_000),
    ("Outsourcing firm Quillon will open a call center in Safi. The first phase will cost $3 million out of a total "
     "investment of $10 million, creating 800 jobs.", 10_000_000),
])
def test_the_whole_projects_amount_beats_a_first_phase_amount_said_first(text: str, amount: int) -> None:
    result = analyze(title=None, text=text)
    assert result.announcement and result.investment is not None and result.investment.amount == amount

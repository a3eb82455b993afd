"""Phrasing classes seen on real Moroccan articles, one written example per class and language.

Every text here is written for this test (invented companies, figures and places in the style of the
real press); none is copied from the real-text corpus. Each test failed before the class was handled.
"""

from __future__ import annotations

import json

import pytest

from analysis import analyze
from analysis.figures import find_jobs, find_money
from analysis.jsonl import process_line
from analysis.text import fold


def _jobs(sentence: str) -> list[tuple[int, bool]]:
    """(value, usable as the job figure) for each count of jobs in a sentence."""
    from analysis.sentences import BAD_JOB_FLAGS

    return [(j.value, not j.flags & BAD_JOB_FLAGS) for j in find_jobs(fold(sentence))]


def _money(sentence: str) -> list[tuple[float, str, bool]]:
    from analysis.sentences import BAD_MONEY_FLAGS

    return [(m.amount, m.currency, not m.flags & BAD_MONEY_FLAGS) for m in find_money(fold(sentence))]


# --- relevance: IT services, engineering and KPO delivered from Morocco -----------------------------

@pytest.mark.parametrize("title, text", [
    ("Rabat : Inetum étend son centre de services numériques",
     "Le groupe Inetum a inauguré à Rabat un nouveau plateau dédié au développement d'applications pour ses "
     "clients européens. L'ESN prévoit d'y recruter 260 ingénieurs d'ici deux ans."),
    ("Forvis Mazars to open an expertise centre in Rabat",
     "Audit and advisory firm Forvis Mazars will open an expertise centre in Rabat, Morocco, to serve its offices "
     "in Europe. The centre will employ 340 consultants in data analytics and cybersecurity."),
    (None,
     "Le groupe SII a inauguré à Oujda une filiale d'ingénierie et de conseil en technologies. À terme, ce projet "
     "entend générer 260 emplois directs pour ses clients européens."),
    (None,
     "افتتحت شركة \"آي بي إم\" بالدار البيضاء مركزا جديدا لخدمات تكنولوجيا المعلومات موجها للزبناء في أوروبا، "
     "سيمكن من إحداث 280 منصب شغل خلال ثلاث سنوات."),
])
def test_it_and_engineering_services_from_morocco_are_relevant_announcements(title: str | None, text: str) -> None:
    result = analyze(title=title, text=text)
    assert result.relevant and result.announcement
    assert result.jobs in {260, 340, 280}


def test_a_fraud_network_using_call_centre_words_is_off_topic() -> None:
    result = analyze(
        title="Agadir : la police démantèle un réseau de faux centres d'appels",
        text="Les services de police ont interpellé quinze suspects qui exploitaient un centre d'appels fictif pour "
             "escroquer des clients étrangers. L'arnaque aurait rapporté plus de 3 millions de dirhams.")
    assert not result.relevant


# --- the event as the subject ------------------------------------------------------------------------

@pytest.mark.parametrize("text, jobs", [
    ("La société Orvalis a signé une convention avec la région de l'Oriental. Ce nouveau centre emploiera "
     "350 téléconseillers dès son ouverture à Oujda.", 350),
    ("Outsourcing firm Vantora signed an agreement with the Moroccan government last week. The center will create "
     "nearly 220 direct "
     "jobs in Tangier.", 220),
    ("وقعت شركة \"سيلفا\" اتفاقية لإحداث مركز اتصال بمدينة مكناس. ويعد هذا المركز الأول من نوعه بالمغرب، ومن "
     "المتوقع أن يخلق 180 فرصة عمل جديدة.", 180),
])
def test_the_centre_or_agreement_as_subject_carries_the_figure(text: str, jobs: int) -> None:
    result = analyze(title=None, text=text)
    assert result.announcement and result.jobs == jobs


# --- Arabic announcements and amounts in words --------------------------------------------------------

def test_arabic_opening_with_capacity_in_words() -> None:
    result = analyze(
        title=None,
        text="افتتحت مجموعة \"نوفاسيس\" الفرنسية، المتخصصة في مراكز النداء، وحدة جديدة بالمنطقة الحرة لطنجة باستثمار "
             "يصل إلى 35 مليون درهم. وتمتد هذه الوحدة على مساحة 4 آلاف متر مربع، وقادرة على استقبال 600 متعاون.")
    assert result.announcement
    assert result.jobs == 600
    assert result.investment is not None and (result.investment.amount, result.investment.currency) == (35e6, "MAD")


@pytest.mark.parametrize("phrase, amount, currency", [
    ("باستثمار يبلغ 3 مليارات و250 مليون درهم", 3_250_000_000, "MAD"),
    ("باستثمار قدره خمسة ملايين دولار", 5_000_000, "USD"),
    ("باستثمار يناهز ملياري درهم", 2_000_000_000, "MAD"),
    ("un investissement de 2 milliards et 400 millions de dirhams", 2_400_000_000, "MAD"),
])
def test_amounts_written_in_two_parts_or_words(phrase: str, amount: float, currency: str) -> None:
    assert _money(phrase)[0] == (amount, currency, True)


def test_vague_plurals_are_no_figure() -> None:
    assert _jobs("وهو ما يعد بتوفير آلاف مناصب الشغل في مجال البرمجيات") == []
    assert _money("une opération qui mobilisera plusieurs dizaines de millions de dirhams") == []


# --- which number is the job figure -------------------------------------------------------------------

@pytest.mark.parametrize("sentence, expected", [
    # the company's existing staff, said with "déjà" / "currently" earlier in the clause
    ("Le groupe, déjà présent depuis 4 ans au parc avec plus de 150 ingénieurs, va créer 400 postes.",
     [(150, False), (400, True)]),
    # group-wide headcount
    ("The group now counts over 31,000 employees in 40 countries.", [(31000, False)]),
    ("L'effectif global de la société devrait passer de 300 à 900 employés.", [(900, False)]),
    # the total after growth, not the new jobs
    ("Ses effectifs qui devraient atteindre 700 personnes fin 2026.", [(700, False)]),
    # past hires and study figures
    ("Le secteur a créé 90.000 emplois au cours des dernières années.", [(90000, False)]),
    ("وحسب دراسة حديثة، توفر هذه المراكز الشغل لأزيد من 40 ألف عامل.", [(40000, False)]),
    # an event total over several companies
    ("Au total, ces opérateurs assureront plus de 2.500 emplois à terme.", [(2500, True)]),
    # "une centaine" is about 100
    ("L'opérateur recrutera une centaine de téléconseillers.", [(100, True)]),
    # "500+ employees", "IT professionals", "development personnel"
    ("The new site opens with 450+ employees.", [(450, True)]),
    ("The centre will employ 260 IT professionals.", [(260, True)]),
])
def test_job_mentions_by_class(sentence: str, expected: list[tuple[int, bool]]) -> None:
    assert _jobs(sentence) == expected


def test_chained_figures_keep_the_commitment_horizon() -> None:
    result = analyze(title=None, text=(
        "La société Kalyon Services a inauguré son centre de relation client de Fès. Elle a déjà embauché 420 conseillers et prévoit "
        "d'en recruter 1.100 d'ici fin 2026, et 2.600 dans les années à venir."))
    assert result.announcement and result.jobs == 2600


def test_several_commitments_without_a_total_add_up() -> None:
    result = analyze(title="Trois mémorandums pour l'offshoring à Rabat", text=(
        "Trois mémorandums d'entente ont été signés jeudi à Rabat avec les groupes Altimis et Norvatek. "
        "Altimis va créer deux centres qui généreront à terme 450 emplois, pour un investissement de 30 millions "
        "de dirhams. Norvatek, de son côté, ouvrira un centre de services qui nécessitera 12 millions de dirhams "
        "et générera 150 emplois."))
    assert result.announcement and result.jobs == 600
    assert result.investment is not None and result.investment.amount == 42_000_000
    assert result.jobs_evidence is not None and "450" in result.jobs_evidence and "150" in result.jobs_evidence


def test_a_stated_total_wins_over_the_shares() -> None:
    result = analyze(title=None, text=(
        "Deux opérateurs de l'offshoring se sont engagés, mardi à Tétouan, à créer 1.800 emplois dans la région. "
        "Les conventions ont été signées avec Clarvia (1.200 emplois) et Sonatel Services (600)."))
    assert result.announcement and result.jobs == 1800


def test_commitment_phrased_as_an_objective_of_signed_memoranda() -> None:
    result = analyze(title="Offshoring : 3.400 emplois via trois mémorandums", text=(
        "Trois mémorandums d'entente ont été signés lundi à Rabat avec les sociétés Datalis, Vocalia et Meridio. "
        "Objectif : créer 3.400 emplois d'ici 2027 dans les métiers de la relation client."))
    assert result.announcement and result.jobs == 3400


# --- amounts -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, expected", [
    ("un investissement compris entre 20 et 25 millions d'euros", [(20_000_000, "EUR", True)]),
    ("an investment of between 8 and 10 million dollars", [(8_000_000, "USD", True)]),
    ("un investissement de plus de 70 millions de dirhams", [(70_000_000, "MAD", True)]),
    ("une enveloppe de 1,2 MMDH", [(1_200_000_000, "MAD", True)]),
    ("will invest over MAD420 million (US$40 million)", [(420_000_000, "MAD", True), (40_000_000, "USD", False)]),
    ("une prime de 5.000 DH par emploi créé", [(5000, "MAD", False)]),
    ("منحة مالية تصل إلى 3 ملايين درهم لكل مشروع", [(3_000_000, "MAD", False)]),
    ("وحققت أكثر من 2 مليارات درهم كرقم معاملات", [(2_000_000_000, "MAD", False)]),
    ("X, qui a investi 40 millions de dirhams dans un premier centre", [(40_000_000, "MAD", False)]),
])
def test_money_mentions_by_class(sentence: str, expected: list[tuple[float, str, bool]]) -> None:
    assert _money(sentence) == expected


# --- precision traps -------------------------------------------------------------------------------------

def test_an_award_in_the_title_is_no_announcement() -> None:
    result = analyze(
        title="Morocco named nearshore destination of the year at the outsourcing awards",
        text="The jury praised Atlas Parks, operator of the outsourcing parks of Casablanca and Rabat. It opened its "
             "new building in Fez on 12 May and plans to hire 300 advisers for its tenants.")
    assert not result.announcement


def test_a_project_not_yet_approved_is_no_announcement() -> None:
    result = analyze(title="L'ESN Codexa réfléchit à un campus pour ses ingénieurs à Rabat", text=(
        "L'ESN Codexa explore un projet de campus pour ses ingénieurs marocains. L'opération, qui devra "
        "mobiliser 40 millions de dirhams, n'a pas encore obtenu le feu vert de la maison mère, mais la filiale "
        "compte porter ses effectifs à 600 salariés."))
    assert not result.announcement


def test_a_programme_running_total_is_not_the_figure() -> None:
    result = analyze(title=None, text=(
        "The Moroccan ministry signed a memorandum of understanding with Brightline Solutions, which plans to set "
        "up a nearshore centre in Rabat. The center will create 200 jobs. The agreement brings the total number of "
        "jobs created through partnerships since March 2022 to 12,000, for an overall investment of MAD 900 "
        "million."))
    assert result.announcement and result.jobs == 200 and result.investment is None


def test_a_signed_agreement_naming_a_sector_company_is_an_announcement() -> None:
    result = analyze(title=None, text=(
        "Un mémorandum d'entente a été signé mardi entre le ministère de la Transition numérique et la société "
        "« Callis », en vue de la création d'un centre d'appels à Errachidia."))
    assert result.announcement and result.jobs is None and result.investment is None


# --- per-figure evidence ----------------------------------------------------------------------------------

def test_each_figure_names_its_sentence() -> None:
    result = analyze(title="Meknès : Voxalis ouvre un centre", text=(
        "La société Voxalis a inauguré lundi un centre de relation client à Meknès. Le site emploiera 320 "
        "téléconseillers. L'investissement s'élève à 18 millions de dirhams."))
    assert result.jobs == 320 and result.jobs_evidence == "Le site emploiera 320 téléconseillers."
    assert result.investment_evidence == "L'investissement s'élève à 18 millions de dirhams."


def test_jsonl_output_carries_the_figure_evidence() -> None:
    line = json.dumps({"id": "w1", "title": None, "text": (
        "The company Arvento opened a contact centre in Fez. It will hire 240 advisers this year.")})
    out = process_line(line)
    assert out is not None and out["jobs"] == 240
    assert out["jobs_evidence"] == "It will hire 240 advisers this year."
    assert out["investment"] is None and out["investment_evidence"] is None


def test_a_park_inaugurated_is_a_named_project() -> None:
    result = analyze(title=None, text=(
        "أشرف الملك، أمس الخميس، على تدشين الشطر الأول من مركز ترحيل الخدمات \"فاس شور\"، الذي سيمكن من إحداث "
        "2500 منصب شغل في مجالات مراكز النداء والخدمات المعلوماتية."))
    assert result.announcement and result.jobs == 2500


def test_an_anniversary_of_an_existing_site_is_no_announcement() -> None:
    result = analyze(title=None, text=(
        "Le groupe Datanor a célébré à Casablanca le premier anniversaire de l'implantation de son centre offshore "
        "à Casanearshore, qui compte déjà 180 collaborateurs. Le centre sert des clients francophones."))
    assert not result.announcement


@pytest.mark.parametrize("title, text", [
    ("Fusion Vocalis-Tellium", "La fusion entre Vocalis et Tellium, opérateurs de centres d'appels, crée un groupe qui "
                              "emploiera 14.000 personnes au Maroc."),
    ("Callnet Maroc distribue 60 MDH", "Le centre d'appels Callnet Maroc a annoncé la distribution de dividendes de 60 "
                                       "millions de dirhams à ses actionnaires."),
])
def test_a_merger_or_a_cash_distribution_is_no_announcement(title: str, text: str) -> None:
    result = analyze(title=title, text=text)
    assert result.relevant and not result.announcement


def test_a_past_figure_in_a_relative_clause_does_not_hide_the_commitment() -> None:
    result = analyze(title=None, text=(
        "La société de centres d'appels Sorvia, qui a réalisé un chiffre d'affaires de 210 MDH en 2024, va créer "
        "450 emplois à Béni Mellal."))
    assert result.announcement and result.jobs == 450 and result.investment is None


def test_a_named_company_after_a_fronted_phrase_commits_even_at_a_fair() -> None:
    result = analyze(title="Relation client : les opérateurs regardent vers le nord", text=(
        "Le salon international de la relation client s'est tenu le week-end dernier à Casablanca. Parmi les "
        "exposants, l'Italien Gruppo Vortex a annoncé l'ouverture de deux centres d'appels, à Tétouan et à Nador."))
    assert result.announcement


def test_a_possibility_is_not_the_job_figure() -> None:
    assert _jobs("وسيرفع المشروع عدد المهندسين إلى 400 مهندس، مع إمكانية الوصول إلى نحو ألف متعاون.") == [
        (400, True), (1000, False)]


def test_a_verbless_bullet_about_the_pilot_site_gives_the_figure() -> None:
    result = analyze(title="A new hybrid model for regional call centres", text=(
        "• First pilot site in Safi with up to 350 new jobs created\n"
        "Outsourcing group Callora launches a new model of sites combining telework and on-site work in Safi."))
    assert result.announcement and result.jobs == 350


def test_the_first_tranche_inaugurated_has_its_own_figures() -> None:
    result = analyze(title=None, text=(
        "Le Roi a inauguré la première tranche du parc offshoring Nador Shore, dont l'ensemble mobilisera une "
        "enveloppe de 900 millions de dirhams. La première tranche a nécessité un investissement de 160 millions "
        "de dirhams. Le parc va créer dans sa première tranche 1.300 emplois, puis 8.000 à terme."))
    assert result.announcement and result.jobs == 1300
    assert result.investment is not None and result.investment.amount == 160_000_000
    assert result.investment_evidence is not None and "160" in result.investment_evidence


def test_arabic_memoranda_with_the_article_and_a_minister_quoting_their_figures() -> None:
    result = analyze(title=None, text=(
        "أكدت الوزيرة المكلفة بالانتقال الرقمي، اليوم بالرباط، أن مذكرات التفاهم التي وقعتها الوزارة مع شركات "
        "متخصصة في ترحيل الخدمات ستساعد في خلق أكثر من 6 آلاف فرصة عمل.\n"
        "كما ينبغي أن تجتذب هذه المشاريع استثمارات تقدر بنحو 320 مليون درهم."))
    assert result.announcement and result.jobs == 6000
    assert result.investment is not None and result.investment.amount == 320_000_000


@pytest.mark.parametrize("title, text", [
    (None, "أعلنت شركة \"أطلس كول\" المغربية لمراكز النداء عن افتتاح مركز جديد بالعاصمة السنغالية داكار سيوفر 400 "
           "منصب شغل."),
    ("Intelcia à l'international", "Le groupe marocain de centres d'appels Intelcia ouvre un site dans la capitale "
                                   "ivoirienne, Abidjan, qui emploiera 500 personnes."),
])
def test_a_moroccan_operator_opening_abroad_is_no_announcement(title: str | None, text: str) -> None:
    assert not analyze(title=title, text=text).announcement


def test_banking_jobs_with_only_supporting_terms_are_off_topic() -> None:
    result = analyze(title="Banque : Bankal recrute 400 conseillers",
                     text="La banque Bankal va recruter 400 conseillers clientèle pour son réseau d'agences.")
    assert not result.relevant


@pytest.mark.parametrize("text, jobs", [
    ("Dans le cadre du programme Offshoring Booster, qui vise la création de 12.000 emplois, l'opérateur de centres "
     "d'appels Dialis va créer 280 emplois à Khouribga.", 280),
    ("The outsourcing company Dialis joined the national programme, which aims to create 40,000 jobs, and will hire "
     "190 agents in Khouribga.", 190),
    ("في إطار البرنامج الوطني الذي يهدف إلى إحداث 15 ألف منصب شغل، ستحدث شركة \"ديالس\" لمراكز النداء 260 منصب "
     "شغل بخريبكة.", 260),
    # the company's own programme is its commitment
    ("Le groupe Dialis a signé un mémorandum portant sur un programme d'investissement de 500 millions de dirhams. "
     "Ce programme vise la création de 2.200 emplois dans les centres d'appels du groupe.", 2200),
])
def test_a_national_programme_target_is_not_the_company_figure(text: str, jobs: int) -> None:
    result = analyze(title=None, text=text)
    assert result.announcement and result.jobs == jobs


def test_the_commitment_sentence_wins_over_a_disagreeing_headline() -> None:
    result = analyze(title="Dialis : 2.000 emplois à Safi", text=(
        "L'opérateur de centres d'appels Dialis a inauguré son site de Safi. Il emploiera 1.300 téléconseillers "
        "d'ici fin 2026."))
    assert result.jobs == 1300 and result.jobs_evidence == "Il emploiera 1.300 téléconseillers d'ici fin 2026."


@pytest.mark.parametrize("title, text, jobs", [
    ("Canadian CX firm Norwave picks Rabat for its first African hub",
     "Norwave, a Canadian customer experience company, has chosen Rabat for its first African delivery hub, where "
     "it plans to employ 450 multilingual agents by 2027.", 450),
    (None, "The investment, worth MAD 60 million, will allow the BPO firm Callista to open a 380-seat contact centre in "
           "Kenitra.", 380),
    (None, "Morocco's digital transition ministry and Indian IT giant Zentrix signed a memorandum of understanding on "
           "Monday for a software development centre in Rabat expected to create 900 jobs by 2027.", 900),
])
def test_english_phrasings_of_openings_and_memoranda(title: str | None, text: str, jobs: int) -> None:
    result = analyze(title=title, text=text)
    assert result.announcement and result.jobs == jobs


def test_existing_staff_said_in_arabic_is_not_the_figure() -> None:
    assert _jobs("واختارت المجموعة أن تقيم فرعها بالمركب يشتغل فيه حوالي مائتي مهندس، وسيرفع المشروع العدد إلى 350 مهندس") == [
        (200, False), (350, True)]


def test_a_platform_inaugurated_is_the_subject_of_its_figure() -> None:
    result = analyze(title=None, text=(
        "من المرتقب أن توفر منصة \"نوفا سيرف\" لترحيل الخدمات، التي دشنت اليوم بأكادير، حوالي 650 منصب شغل مباشر."))
    assert result.announcement and result.jobs == 650

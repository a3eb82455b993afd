"""Phrasing classes the blind sets exposed, one short written example each (fr/ar/en).

Every text is written for this test with invented companies and figures; none comes from the real
corpus or repeats a blind-set article. Each case failed before its class was handled, except the guards
(past hires after a hiring verb, a Moroccan operator abroad) that keep a new rule from reaching too far.
"""

from __future__ import annotations

import pytest

from analysis import analyze


def _run(title: str | None, text: str):  # type: ignore[no-untyped-def]
    return analyze(title=title, text=text)


# --- which number is the job figure ------------------------------------------------------------------

@pytest.mark.parametrize("title, text, jobs", [
    (None, "Deux opérateurs, Telvio et Kastra, s'installent à Safi. Telvio y ouvrira un centre d'appels de 200 positions, "
           "tandis que Kastra prévoit d'y recruter 90 techniciens. Au total, 290 emplois seront créés d'ici un an.",
     290),
    (None, "Nordwave and Calinex have signed agreements to open two contact centres in Meknes. Nordwave will run a "
           "300-seat site, while Calinex will set up in the city centre. The two projects will create a total of "
           "700 jobs.", 700),
    (None, "Le prestataire de relation client Orvane ouvre un plateau à Kénitra. Le centre démarrera avec une "
           "trentaine de conseillers, avec un objectif de quatre-vingts salariés à la fin de l'année.", 80),
    (None, "Le spécialiste de l'externalisation comptable Finoria recrute 120 comptables et auditeurs à Rabat "
           "pour son centre de services partagés.", 120),
    (None, "L'opérateur de centres d'appels Brisa ouvre un nouveau site à Fès. Le centre ouvrira ses portes en "
           "mars avec 50 conseillers. L'objectif est d'atteindre 200 emplois d'ici deux ans.", 200),
    (None, "افتتحت شركة «نوفاليس» المتخصصة في مراكز النداء مركزا جديدا بمراكش، ومن المرتقب أن يمكن هذا المشروع "
           "من توظيف 150 مستشارا، ليرتفع عدد العاملين بالشركة إلى نحو 900 شخص.", 150),
])
def test_the_commitment_figure_is_picked(title: str | None, text: str, jobs: int) -> None:
    result = _run(title, text)
    assert result.announcement and result.jobs == jobs, (result.jobs, result.reasons)


def test_past_hires_after_a_hiring_verb_are_not_the_figure() -> None:
    result = _run(None, "Le groupe de relation client Vexio ouvre un centre à Oujda. « Nous avons réussi à "
                        "embaucher plus de 400 personnes depuis janvier », a déclaré sa directrice.")
    assert result.jobs != 400


# --- amounts ---------------------------------------------------------------------------------------

def test_background_apposition_abroad_does_not_block_the_investment() -> None:
    result = _run(None, "Le groupe nantais Clarivo, qui emploie 2.000 personnes en France, a investi 3 millions "
                        "d'euros dans son nouveau centre de relation client de Fès.")
    assert result.announcement and result.investment is not None
    assert (result.investment.amount, result.investment.currency) == (3_000_000, "EUR")


def test_the_markets_served_are_not_a_place_abroad() -> None:
    result = _run(None, "أعلنت شركة «سيرفيكال» عن توسيع مركزها للنداء بأكادير. وأفاد بلاغ للشركة أن هذا التوسع كلف "
                        "استثمارا بقيمة 20 مليون درهم، استجابة لطلب زبنائها في فرنسا وبلجيكا.")
    assert result.announcement and result.investment is not None and result.investment.amount == 20_000_000


def test_cost_words_make_an_investment() -> None:
    result = _run(None, "وسعت شركة «نيكستيرا» المغربية للخدمات المعلوماتية مركزها بالرباط لتوظيف 90 مهندسا. "
                        "وبلغت كلفة هذا التوسع حوالي 15 مليون درهم.")
    assert result.investment is not None and result.investment.amount == 15_000_000


# --- relevance and precision ---------------------------------------------------------------------

def test_another_country_as_the_subject_with_morocco_as_a_comparison_is_off_topic() -> None:
    result = _run("Tunisie : 4.000 emplois dans les centres d'appels de Sousse",
                  "Trois opérateurs français vont créer 4.000 emplois dans des centres d'appels à Sousse et à "
                  "Monastir. Les investissements atteignent 25 millions d'euros. La Tunisie concurrence "
                  "directement le Maroc sur le marché francophone.")
    assert not result.relevant


def test_moroccans_hired_abroad_are_not_a_moroccan_actor() -> None:
    result = _run("Portugal : un centre d'appels de Lisbonne recrute des Marocains",
                  "Un centre d'appels de Lisbonne recrute 200 conseillers francophones, en ciblant les Marocains "
                  "installés au Portugal. Les salaires vont de 1.000 à 1.200 euros.")
    assert not result.relevant


def test_a_moroccan_operator_abroad_stays_relevant_without_an_announcement() -> None:
    result = _run("Le groupe marocain Callivo s'installe à Dakar",
                  "Le groupe marocain de centres d'appels Callivo a inauguré un site à Dakar, au Sénégal, qui "
                  "emploiera 300 conseillers.")
    assert result.relevant and not result.announcement


@pytest.mark.parametrize("title, text", [
    ("Teleperformance completes takeover of a rival", "Teleperformance has completed its acquisition of a rival "
     "customer experience group; in Morocco, the combined company will employ more than 20,000 people."),
    ("Majorel posts higher revenue in Morocco", "Majorel's Moroccan call centres grew revenue by 8% in the first "
     "half. The company did not announce new sites or hiring plans."),
])
def test_takeovers_and_denied_plans_are_no_announcement(title: str, text: str) -> None:
    assert not _run(title, text).announcement


@pytest.mark.parametrize("title, text", [
    (None, "Relavo, spécialisé dans l'assistance technique et le support informatique à distance, ouvre un "
           "site de 150 techniciens à Meknès."),
    (None, "أعلنت مجموعة «كلاودكير» المتخصصة في تجربة الزبناء عن إحداث مركز جديد بطنجة سيوفر 300 منصب شغل."),
])
def test_remote_support_and_arabic_customer_experience_are_in_the_sector(title: str | None, text: str) -> None:
    assert _run(title, text).relevant


# --- cities ----------------------------------------------------------------------------------------

def test_existing_sites_and_distances_do_not_place_the_new_site() -> None:
    result = _run(None, "L'opérateur Calvia ouvre un centre de relation client à Settat, à une heure de "
                        "Casablanca. Il vient compléter ses implantations de Rabat et de Tanger, qui regroupent "
                        "déjà 1.200 salariés. Le centre emploiera 250 conseillers.")
    assert result.cities == ["Settat"]


def test_a_school_named_after_a_place_places_nothing() -> None:
    result = _run(None, "دشنت شركة «ديجيتيكا» مركزا للخدمات الرقمية بالرباط سيشغل 200 مهندس، بشراكة مع المدرسة "
                        "المحمدية للمهندسين.")
    assert result.cities == ["Rabat"]


# --- companies -------------------------------------------------------------------------------------

def test_names_of_a_multi_party_event() -> None:
    result = _run(None, "Quatre conventions ont été signées à Oujda pour créer 900 emplois. Parmi les signataires "
                        "figurent le centre de contact Voxlane et l'opérateur espagnol Hablara. Les deux autres "
                        "conventions concernent des sociétés d'ingénierie informatique, Codexa et Infraline.")
    assert set(result.companies) == {"Voxlane", "Hablara", "Codexa", "Infraline"}


def test_former_names_auxiliaries_and_abstract_nouns_are_not_companies() -> None:
    result = _run(None, "Customer experience group Movantis, formerly known as Sitel, will open a 400-seat centre "
                        "in Rabat. Recruitment is under way.")
    assert result.companies == ["Movantis"]


def test_a_quoted_arabic_name_may_start_with_al() -> None:
    result = _run(None, "افتتحت مجموعة «ألفيرا» الفرنسية مركزا جديدا للهندسة الرقمية بفاس سيشغل 150 مهندسا.")
    assert result.companies == ["ألفيرا"]


@pytest.mark.parametrize("text, jobs", [
    ("Le centre d'appels Ardivo, qui a doublé ses effectifs ces dernières années, va créer 500 emplois à Fès.", 500),
    ("Contact centre operator Brightline will create 300 jobs in Agadir in the near future.", 300),
])
def test_background_years_and_the_near_future_leave_a_commitment_standing(text: str, jobs: int) -> None:
    result = _run(None, text)
    assert result.announcement and result.jobs == jobs, result.reasons


def test_a_title_opening_on_another_country_keeps_an_announcement_placed_in_morocco() -> None:
    result = _run("France : Webhelp annonce 1.000 emplois au Maroc",
                  "Le groupe Webhelp va créer 1.000 emplois dans ses centres d'appels au Maroc, à Rabat et à Fès, "
                  "a-t-il annoncé mardi à Paris.")
    assert result.relevant and result.announcement and result.jobs == 1000


# --- third blind set -------------------------------------------------------------------------------

def test_a_period_that_is_this_years_plan_leaves_the_commitment_standing() -> None:
    result = _run(None, "La filiale Talvis Maroc annonce le recrutement de 300 consultants au cours de l'année pour "
                        "son centre de services numériques de Rabat.")
    assert result.announcement and result.jobs == 300


def test_trades_of_the_centres_are_job_counts() -> None:
    result = _run(None, "Le spécialiste de la gestion documentaire Scanora ouvre un centre de traitement à Fès, qui "
                        "accueillera 260 opérateurs de saisie pour le compte de banques françaises.")
    assert result.relevant and result.announcement and result.jobs == 260


@pytest.mark.parametrize("text, amount, currency", [
    ("وقعت مجموعة «بيلكو» اتفاقية لإحداث مركز للخدمات المشتركة بفاس، تبلغ كلفته ثلاثة ملايين ونصف مليون يورو، "
     "وسيوفر 200 منصب شغل.", 3_500_000, "EUR"),
    ("Le groupe Orvia investira deux millions et demi de dirhams dans un centre d'appels à Safi.", 2_500_000, "MAD"),
])
def test_amounts_with_a_half(text: str, amount: float, currency: str) -> None:
    result = _run(None, text)
    assert result.investment is not None and (result.investment.amount, result.investment.currency) == (amount, currency)


def test_a_new_sites_initial_team_grown_in_the_next_sentence_gives_its_target() -> None:
    result = _run(None, "Software services firm Kodexa has opened a delivery centre in Tangier with an initial team "
                        "of 60 developers. The company plans to grow the team to 300 by 2027.")
    assert result.jobs == 300


def test_a_dateline_does_not_swallow_the_company_and_a_count_of_companies_is_no_name() -> None:
    result = _run(None, "AGADIR, Morocco — Helpwise, a Danish company that runs support desks for software vendors, "
                        "will open a 250-seat contact centre in Agadir.")
    assert result.companies == ["Helpwise"]
    fair = _run(None, "انطلقت بالرباط فعاليات معرض التشغيل في قطاع ترحيل الخدمات، بمشاركة عشرين شركة تعرض حوالي "
                      "3 آلاف فرصة عمل.")
    assert not fair.announcement and not fair.companies


def test_the_market_served_after_li_faidat_is_no_place_abroad() -> None:
    result = _run(None, "افتتحت شركة «سيلكوم» مركزا للاتصال بوجدة. وأوضح مديرها أن الشركة رصدت لهذا المشروع 12 مليون "
                        "درهم، وأن المركز سيقدم خدماته لفائدة شركات الطاقة بإسبانيا.")
    assert result.investment is not None and result.investment.amount == 12_000_000


def test_another_destination_named_in_english_is_abroad() -> None:
    result = _run("South Africa's contact centres add 8,000 jobs",
                  "South Africa's outsourcing industry created 8,000 jobs in Cape Town and Durban last year. "
                  "It competes with the Philippines and Morocco for English-language contracts.")
    assert not result.relevant


# --- fourth blind set ------------------------------------------------------------------------------

def test_fraud_screening_is_a_service_not_a_scam() -> None:
    result = _run("Payments support firm to hire 400 in Rabat",
                  "Customer operations company Tillgate, which provides fraud screening, customer support and "
                  "back-office services to European banks, will open a nearshore centre in Rabat employing 400 people.")
    assert result.relevant and result.announcement and result.jobs == 400


def test_an_audit_firms_expertise_centre_is_in_the_sector() -> None:
    result = _run(None, "Le cabinet d'audit et de conseil Norvia installera à Rabat un centre d'expertise qui "
                        "réalisera des travaux d'analyse de données pour ses bureaux européens et comptera 200 "
                        "collaborateurs en 2027.")
    assert result.relevant and result.announcement and result.jobs == 200


def test_an_arabic_initial_phase_grown_to_a_total_gives_the_target() -> None:
    result = _run(None, "افتتحت شركة «أطلس كول» مركزا جديدا للنداء بالداخلة، يوفر في مرحلة أولى 50 منصب شغل، على أن "
                        "يصل عدد المستخدمين إلى 150 في غضون سنة.")
    assert result.jobs == 150


def test_an_agency_named_in_full_is_not_a_company() -> None:
    result = _run(None, "Contact centre operator Brightdesk will create 300 jobs in Fez, the Moroccan Investment and "
                        "Export Development Agency announced on Tuesday.")
    assert result.companies == ["Brightdesk"]

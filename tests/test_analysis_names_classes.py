"""Company and city names on the phrasings real articles use (issue 12): one written example per
class, in French, Arabic and English. All names, places and figures here are invented."""

from __future__ import annotations

import pytest

from analysis import analyze


def _names(title: str | None, text: str) -> tuple[list[str], list[str]]:
    result = analyze(title=title, text=text)
    assert result.relevant, result.reasons
    return result.companies, result.cities


def _folded(names: list[str]) -> set[str]:
    return {n.casefold() for n in names}


# --- companies ---------------------------------------------------------------------------------

def test_local_subsidiary_keeps_its_full_name() -> None:
    companies, _ = _names(None, "La société Kelvora Services Maroc a inauguré mercredi à Agadir un centre de "
                                "relation client de 400 positions dédié à l'offshoring.")
    assert companies == ["Kelvora Services Maroc"]


def test_local_subsidiary_of_a_known_group_keeps_morocco() -> None:
    companies, _ = _names("Outsourcing: Concentrix Morocco adds 600 seats",
                          "Concentrix Morocco will open a new customer experience centre in Agadir, "
                          "creating 600 jobs in the outsourcing sector.")
    assert companies == ["Concentrix Morocco"]


def test_owner_named_only_as_parent_is_left_out() -> None:
    companies, _ = _names(None, "Nexalia, filiale du conglomérat suédois Holmvik, ouvre à Fès un centre d'appels "
                                "de 250 postes.")
    assert companies == ["Nexalia"]


def test_parent_acting_through_its_subsidiaries_is_kept_with_them() -> None:
    companies, _ = _names(None, "Le groupe Varnel a décidé de créer deux centres offshore à Casablanca à travers "
                                "ses deux filiales, Dataqor et Linvia. Ces centres généreront 500 emplois.")
    assert set(companies) == {"Varnel", "Dataqor", "Linvia"}


def test_the_agreement_acronym_is_not_a_company() -> None:
    companies, _ = _names("Morocco, Quantexa Group sign MoU for 800 outsourcing jobs",
                          "Morocco on Monday signed a memorandum of understanding with Quantexa Group to "
                          "create 800 jobs in its nearshore delivery centre in Tangier.")
    assert companies == ["Quantexa Group"]


def test_a_relative_pronoun_opening_a_sentence_is_not_a_company() -> None:
    companies, _ = _names(None, "La société Marvesta a signé une convention avec la région pour un centre "
                                "d'appels. Laquelle prévoit de créer 200 emplois à Oujda d'ici 2027.")
    assert companies == ["Marvesta"]


def test_a_site_noun_is_not_a_company() -> None:
    companies, _ = _names(None, "Pyxera inaugure à Rabat son nouveau Delivery Center dédié à l'offshoring "
                                "informatique. Le Delivery Center va accueillir 500 ingénieurs.")
    assert companies == ["Pyxera"]


def test_people_with_honorifics_are_not_companies() -> None:
    companies, _ = _names(None, "Le Chef du gouvernement, Monsieur Karim Tahiri, a reçu la présidente du groupe "
                                "indien Velantis, qui ouvrira un centre offshore de 900 emplois à Rabat.")
    assert companies == ["Velantis"]


def test_a_demonym_before_the_name_is_not_part_of_it() -> None:
    companies, _ = _names(None, "Le Néerlandais Solvenca Group va ouvrir un centre d'appels de 300 postes à "
                                "Marrakech.")
    assert companies == ["Solvenca Group"]


def test_names_written_in_capitals_are_found() -> None:
    companies, _ = _names("OFFSHORING : INTELCIA VA CRÉER 700 EMPLOIS À AGADIR",
                          "L'OPÉRATEUR INTELCIA VA OUVRIR UN NOUVEAU SITE DE RELATION CLIENT À AGADIR.")
    assert _folded(companies) == {"intelcia"}


def test_arabic_name_in_guillemets_after_a_descriptor() -> None:
    companies, _ = _names(None, "افتتح الفاعل الفرنسي «فيرناكس كونتاكت سنتر» مركزا جديدا للاتصال بمدينة طنجة سيوفر 300 "
                                "منصب شغل في مجال ترحيل الخدمات.")
    assert companies == ["فيرناكس كونتاكت سنتر"]


def test_arabic_quoted_name_as_the_subject() -> None:
    companies, _ = _names(None, "وتعتزم \"بريكسولا\" افتتاح مركز لترحيل الخدمات بمدينة فاس، من شأنه إحداث 400 منصب "
                                "شغل.")
    assert companies == ["بريكسولا"]


def test_arabic_transliteration_of_a_known_brand() -> None:
    companies, _ = _names(None, "وقعت وزارة الانتقال الرقمي مذكرة تفاهم مع فاونديفر لإحداث 1000 منصب شغل في مجال "
                                "ترحيل الخدمات بمدينة أكادير.")
    assert companies == ["Foundever"]


def test_the_arabic_word_for_company_is_not_a_name() -> None:
    companies, _ = _names(None, "وقعت الوزارة مع فرع شركة فرنسية متخصصة في مراكز النداء اتفاقية لإحداث 300 منصب شغل "
                                "بمدينة الناظور.")
    assert not any("شرك" in c for c in companies)


def test_an_inaugurated_park_stands_for_the_project_when_no_company_is_named() -> None:
    companies, cities = _names("Le Roi inaugure Nador Shore",
                               "Le Roi a inauguré jeudi la première tranche de Nador Shore, un parc dédié à "
                               "l'offshoring qui devrait créer 1.000 emplois.")
    assert companies == ["Nador Shore"]
    assert cities == ["Nador"]


# --- cities ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("title", "text", "cities"), [
    # the head office
    (None, "Datalis, dont le siège est à Casablanca, ouvre un centre d'appels à Béni Mellal avec 200 postes.",
     ["Béni Mellal"]),
    # the other, existing sites
    (None, "Après Rabat et Fès, l'opérateur Telvio s'implante à Oujda avec un centre d'appels de 300 postes.",
     ["Oujda"]),
    (None, "Already present in Casablanca and Rabat, the outsourcing firm Qorvix opens a new call centre in Agadir "
           "with 350 seats.", ["Agadir"]),
    # the dateline
    (None, "RABAT (MAP) - La société Lumeris va créer 400 emplois dans son nouveau centre offshore à Kénitra.",
     ["Kénitra"]),
    # the signing ceremony when the site is elsewhere
    (None, "Une convention a été signée mardi à Rabat pour l'ouverture d'un centre d'appels de Voxalis à Tétouan, "
           "qui emploiera 300 personnes.", ["Tétouan"]),
    (None, "وقعت اليوم الخميس بالرباط اتفاقية بين الوزارة وشركة «نوفاكول» لإحداث مركز نداء بمدينة وجدة يوفر 500 "
           "منصب شغل.", ["Oujda"]),
    (None, "The agreement, signed on Tuesday in Rabat, provides for a 600-seat outsourcing centre in Fez run by "
           "Calvanta.", ["Fès"]),
    # the later cities of a region's name
    (None, "Le centre d'appels de Norvika, 450 postes, sera implanté à Berrechid, dans la région Casablanca-Settat.",
     ["Berrechid"]),
    (None, "صادقت اللجنة الجهوية للاستثمار بجهة فاس مكناس على مشروع مركز للاتصال لشركة «زيلكو» بمدينة فاس يوفر 300 "
           "منصب شغل.", ["Fès"]),
    # parks map to their city
    (None, "Lindora, dont le siège est à Casablanca, installera son centre offshore de 700 emplois à Technopolis.",
     ["Rabat"]),
    (None, "Lindora will open a 500-seat outsourcing centre in the Atlantic Free Zone.", ["Kénitra"]),
    (None, "ستفتتح شركة «ليندورا»، التي يوجد مقرها الرئيسي بالرباط، مركزا لترحيل الخدمات بمنطقة فاس شور يوفر 800 منصب "
           "شغل.", ["Fès"]),
    (None, "بعد طنجة، افتتحت شركة «ليندورا» مركزا للاتصال بالقطب التكنولوجي كازانيرشور يشغل 600 شخص.", ["Casablanca"]),
    # Arabic spellings, written without the space
    (None, "أعلنت شركة «ليندورا» عن افتتاح مركز جديد للخدمات بمدينة الدارالبيضاء لترحيل الخدمات سيوفر 400 منصب شغل.",
     ["Casablanca"]),
    # a region's name written with spaces only ("فاس مكناس"), next to the site
    (None, "افتتحت شركة «ميرفال» مركزا للاتصال بمدينة مراكش، وقال رئيس فرع فاس مكناس للجمعية إن المركز سيشغل 300 شخص "
           "في ترحيل الخدمات.", ["Marrakech"]),
    # "الجديدة" is the adjective "new" unless it names the city
    (None, "ستفتتح شركة «ميرفال» مركزا جديدا لترحيل الخدمات بمدينة وجدة، في إطار الدينامية الجديدة للجهة.", ["Oujda"]),
    # a park the text itself places in a city
    (None, "Lindora, dont le siège est à Casablanca, s'installe à Salé dans le nouveau Technopolis, un parc dédié à "
           "l'offshoring, avec 2.000 emplois.", ["Salé"]),
    # a park of another sector named beside the site
    (None, "Lindora ouvre à Oujda un centre d'appels de 350 postes, non loin de l'agropole de Berkane.", ["Oujda"]),
    # a region named alone: its first city stands for it
    (None, "L'opérateur Keltrix va ouvrir un centre d'appels de 300 postes dans la région Fès-Meknès.", ["Fès"]),
])
def test_cities_are_where_the_announced_site_is(title: str | None, text: str, cities: list[str]) -> None:
    assert _names(title, text)[1] == cities


@pytest.mark.parametrize(("title", "text", "company"), [
    # an Arabic word after "شركة" that is not a name
    (None, "افتتحت شركة «لوميرا» مركزا للاتصال بمدينة تطوان سيوفر 300 منصب شغل، بعد انتقالها من شركة أخرى للتعهيد.",
     "لوميرا"),
    # "التنمية" is not a short transliteration of a brand, and after "the company" comes what it does
    (None, "افتتحت شركة «نورافا» مركزا للاتصال بمدينة القنيطرة يوفر 400 منصب شغل في إطار برنامج التنمية الجهوية، "
           "مع التزام الشركة بتقديم خدمات ترحيل الخدمات للزبناء.", "نورافا"),
    # the owner after "التابعة لمجموعة"
    (None, "وقعت شركة «سيلفا»، التابعة لمجموعة كورتيكس القابضة، اتفاقية لإحداث مركز نداء بمدينة الجديدة يوفر 200 منصب "
           "شغل في ترحيل الخدمات.", "سيلفا"),
    # a place abroad
    (None, "Kavantis va ouvrir deux centres d'appels, à Agadir et Dakar (300 emplois chacun), dans l'offshoring.",
     "Kavantis"),
    # the tail of a ministry's name
    (None, "The Ministry of Digital Economy and Administrative Reform is backing Selvaro, which will open a "
           "500-seat outsourcing centre in Oujda.", "Selvaro"),
    # a programme's name
    (None, "Retenue par le programme Nexus Emploi, qui finance les nouveaux sites, Brivanta va créer 300 emplois dans "
           "son centre d'appels de Tanger.", "Brivanta"),
    # a person introduced by an English job title
    (None, "Nadia Benkirane, Director of Operations at Halvren, said the company will open a 300-seat call centre "
           "in Fez.", "Halvren"),
])
def test_only_the_committing_company_is_named(title: str | None, text: str, company: str) -> None:
    assert _names(title, text)[0] == [company]

"""End-to-end decisions on short texts: each kind of non-announcement the issue lists."""

from __future__ import annotations

import pytest

from analysis import analyze

ANNOUNCEMENTS = [
    ("Webhelp ouvre un nouveau site à Fès",
     "Le groupe Webhelp a inauguré un nouveau centre de relation client à Fès, qui va créer 800 emplois.", 800),
    (None, "Quatre mémorandums d'entente dans l'outsourcing ont été signés à Casablanca. Ils visent à créer "
           "5.050 emplois. NTT Data (1.000), Phoneo (2.000), Cnexia (1.750) et Eids (300) s'y engagent.", 5050),
    ("شركة تفتتح مركزا للنداء بوجدة",
     "افتتحت شركة \"Intelcia\" مركزا جديدا للنداء بمدينة وجدة، سيوفر 1200 منصب شغل.", 1200),
    ("Concentrix to hire 3,000 in Fez", "Concentrix will open a new call center in Fez and hire 3,000 people.", 3000),
    ("Centre d'appels à Rabat", "« Nous allons créer 300 emplois dans notre nouveau centre de Rabat », a déclaré "
                                "le PDG de Zenith Contact, Karim Alaoui.", 300),
]

NOT_ANNOUNCEMENTS = [
    ("sector statistics", "Offshoring : le secteur emploie 130.000 personnes",
     "Le secteur de l'offshoring emploie actuellement plus de 130.000 personnes au Maroc, dans les centres d'appels."),
    ("national target", "Objectif 270.000 emplois",
     "La stratégie Maroc Digital 2030 vise la création de 270.000 emplois dans l'offshoring d'ici 2030."),
    ("study", "Etude sur l'outsourcing",
     "Selon une étude, l'outsourcing marocain pourrait créer 50.000 emplois d'ici 2027 dans les centres d'appels."),
    ("salaries", "Combien gagne un téléconseiller ?",
     "Un téléconseiller de centre d'appels gagne entre 4.000 et 6.000 dirhams par mois au Maroc."),
    ("strike", "Grève dans un centre d'appels",
     "Les 800 salariés d'un centre d'appels de Rabat sont en grève pour réclamer une hausse des salaires."),
    ("job losses", "Centre d'appels : 400 emplois supprimés à Tanger",
     "La fermeture du centre d'appels de Tanger entraîne la suppression de 400 emplois."),
    ("abroad", "Intelcia s'implante au Sénégal",
     "Le groupe marocain Intelcia a inauguré un centre d'appels à Dakar qui va créer 1.000 emplois."),
    ("minister's target", "Offshoring : 100.000 emplois d'ici 2030",
     "« Nous allons créer 100.000 emplois dans l'offshoring d'ici 2030 », a déclaré la ministre à Rabat."),
    ("fair", "Le SICCAM ouvre ses portes à Casablanca",
     "La 20e édition du salon des centres d'appels SICCAM accueille 5.000 visiteurs à Casablanca."),
]


@pytest.mark.parametrize("title, text, jobs", ANNOUNCEMENTS)
def test_announcements(title: str | None, text: str, jobs: int) -> None:
    result = analyze(title=title, text=text)
    assert result.relevant and result.announcement and result.jobs == jobs
    assert result.evidence


@pytest.mark.parametrize("kind, title, text", NOT_ANNOUNCEMENTS)
def test_not_announcements(kind: str, title: str, text: str) -> None:
    result = analyze(title=title, text=text)
    assert result.relevant, kind
    assert not result.announcement, (kind, result.reasons)


@pytest.mark.parametrize("title, text", [
    ("Renault va créer 2.000 emplois à Tanger", "Le constructeur automobile va créer 2.000 emplois dans son usine."),
    ("Salon de la sous-traitance industrielle", "Le salon de la sous-traitance industrielle et de l'outsourcing "
                                                "automobile et aéronautique ouvre à Casablanca."),
    ("Un hôtel à Casanearshore", "Un hôtel de 200 chambres verra le jour dans le parc Casanearshore."),
])
def test_other_sectors_and_look_alikes_are_not_relevant(title: str, text: str) -> None:
    result = analyze(title=title, text=text)
    assert not result.relevant and not result.announcement


def test_company_of_a_quoted_executive() -> None:
    result = analyze(title="Centre d'appels à Rabat", text=ANNOUNCEMENTS[-1][1])
    assert result.companies == ["Zenith Contact"]

"""The bundled example articles (written for the replica, in the style of Moroccan
business news). Dates are relative to the moment `example_articles()` is called, so
alerts are never suppressed by a "last 7 days" window.

`expected` on each article is the ground truth tests rely on:
on_topic (offshoring sector), announcement (new jobs or investment announced),
alert (should newswatch alert), jobs, investment_mdh, story (articles sharing a
story id are one story: one alert at most).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from devkit.replica.article import UTC, ReplicaArticle
from devkit.replica.offtopic import off_topic_articles
from devkit.replica.seed import (
    SEED_003_BULLETS,
    SEED_003_LEAD,
    SEED_003_PARAGRAPHS,
)


def example_articles(now: datetime | None = None) -> list[ReplicaArticle]:
    now = now or datetime.now(UTC)

    def ago(hours: float) -> datetime:
        return (now - timedelta(hours=hours)).replace(microsecond=0)

    return [
        _announcement_oujda(ago(3)),
        _sector_figures(ago(9)),
        _automotive_kenitra(ago(20)),
        _seed_republished(ago(5)),
        *_map_wire_fes(ago(26), ago(25.3)),
        *off_topic_articles(ago),
    ]


# -- A: a real announcement, jobs and investment (wp) ---------------------------
def _announcement_oujda(published: datetime) -> ReplicaArticle:
    return ReplicaArticle(
        site="wp",
        slug="relation-client-tellaris-cx-ouvre-un-site-de-1-200-emplois-a-oujda",
        title="Relation client : Tellaris CX ouvre un site de 1.200 emplois à Oujda",
        lead=(
            "L’opérateur de relation client Tellaris CX va investir 150 millions de DH dans un "
            "nouveau centre à Oujda. Le site emploiera à terme 1.200 personnes, dont 400 dès "
            "la première année d’exploitation."
        ),
        paragraphs=[
            "Le groupe Tellaris CX, spécialisé dans l’externalisation de la relation client et du "
            "back-office, a signé ce lundi une convention d’investissement avec le Centre régional "
            "d’investissement de l’Oriental. La cérémonie s’est tenue au siège de la wilaya, en "
            "présence du wali de la région et des représentants de l’Agence marocaine de "
            "développement des investissements et des exportations.",
            "Le futur centre s’installera dans le parc technologique d’Oujda, sur un plateau de "
            "9.000 m² en cours d’aménagement. L’enveloppe de 150 millions de DH couvre les travaux, "
            "l’infrastructure télécom redondante et la formation des premières promotions de "
            "conseillers. Le programme est découpé en trois phases :",
            "Les profils recherchés sont des bacheliers et des diplômés de l’enseignement supérieur "
            "maîtrisant le français, l’espagnol ou l’anglais. Un partenariat avec l’Université "
            "Mohammed Premier et l’OFPPT prévoit un cursus de 180 heures consacré aux métiers du "
            "centre de contact, rémunéré dès le premier jour.",
            "« L’Oriental dispose d’un vivier de jeunes diplômés que nous n’avons pas besoin de "
            "faire venir de Casablanca ou de Rabat. Nous voulons recruter localement et faire "
            "évoluer les conseillers vers des fonctions de superviseur, de formateur ou d’analyste "
            "qualité », a déclaré Karim Benjelloun, directeur général de Tellaris CX Maroc.",
            "Le groupe, qui compte déjà 3.400 collaborateurs répartis entre Casablanca, Rabat et "
            "Meknès, traite des appels, des courriels et des conversations en ligne pour le compte "
            "d’opérateurs télécoms, d’assureurs et d’enseignes de commerce en ligne en France, en "
            "Belgique et en Espagne. Les clients visés par le site d’Oujda sont principalement "
            "hispanophones.",
            "Le projet bénéficie des aides prévues par l’offre Maroc Offshoring, notamment la "
            "prise en charge d’une partie des frais de formation à l’embauche, ainsi que des "
            "incitations de la charte de l’investissement pour les provinces les moins dotées en "
            "emplois qualifiés. Pour les autorités régionales, il s’agit du plus important projet "
            "de services délocalisés jamais implanté dans l’Oriental.",
        ],
        bullets=[
            "Phase 1 (2026) : ouverture d’un premier plateau de 400 positions et recrutement de 400 conseillers ;",
            "Phase 2 (2027) : extension à 800 emplois avec une activité de back-office pour l’assurance ;",
            "Phase 3 (2028) : 1.200 emplois au total et un pôle de formation ouvert aux autres opérateurs.",
        ],
        published=published,
        author="Salma Ouazzani",
        expected={
            "story": "A", "on_topic": True, "announcement": True, "alert": True,
            "jobs": 1200, "investment_mdh": 150, "city": "Oujda", "company": "Tellaris CX",
        },
    )


# -- B: on topic, but sector statistics rather than an announcement (arc) ------
def _sector_figures(published: datetime) -> ReplicaArticle:
    return ReplicaArticle(
        site="arc",
        slug="offshoring-le-secteur-franchit-la-barre-des-150-000-emplois",
        title="Offshoring : le secteur franchit la barre des 150.000 emplois",
        lead=(
            "Les exportations de services délocalisés ont atteint 21,4 milliards de DH l’an "
            "dernier, selon les chiffres présentés par le ministère de l’Industrie et du commerce. "
            "Les effectifs du secteur dépassent désormais 150.000 salariés."
        ),
        paragraphs=[
            "Le bilan annuel de l’offshoring, présenté mardi à Rabat lors d’une réunion du comité "
            "de suivi sectoriel, confirme la bonne tenue de l’activité. Le chiffre d’affaires à "
            "l’export a progressé de 11% sur un an, porté par les services informatiques et par "
            "les activités de traitement de données pour les banques et les assureurs européens.",
            "La relation client reste le premier employeur, avec environ 62% des effectifs, mais "
            "sa part recule régulièrement. L’externalisation des services informatiques (ITO) "
            "représente désormais 21% des emplois et plus du quart des exportations, tandis que "
            "l’externalisation des processus métiers à forte valeur ajoutée (KPO) et l’ingénierie "
            "se partagent le reste.",
            "Sur le plan géographique, Casablanca et Rabat concentrent toujours près de 70% des "
            "emplois du secteur. Fès, Tanger, Marrakech et Agadir gagnent toutefois du terrain, "
            "grâce à des coûts immobiliers plus bas et à un taux de rotation du personnel jugé plus "
            "faible par les opérateurs. Le ministère recense une quarantaine de sites ouverts en "
            "dehors de l’axe Casablanca-Rabat au cours des trois dernières années.",
            "Les professionnels pointent néanmoins plusieurs fragilités. La concurrence d’autres "
            "destinations francophones, l’automatisation des appels simples par les agents "
            "conversationnels et la difficulté à recruter des profils bilingues pèsent sur les "
            "marges. La Fédération marocaine de l’externalisation des services plaide pour un "
            "renforcement des programmes de formation en langues étrangères et en développement "
            "logiciel.",
            "Le ministère rappelle que la feuille de route du secteur vise 270.000 emplois et "
            "40 milliards de DH d’exportations à l’horizon 2030. Atteindre cet objectif suppose "
            "une croissance annuelle des effectifs proche de 10%, un rythme supérieur à celui "
            "observé depuis la fin de la crise sanitaire.",
            "Aucun nouveau projet d’investissement n’a été annoncé lors de la réunion, consacrée "
            "à l’évaluation des dispositifs d’accompagnement existants et à la préparation des "
            "assises prévues au printemps.",
        ],
        published=published,
        author="Youssef Bennani",
        expected={"story": "B", "on_topic": True, "announcement": False, "alert": False},
    )


# -- C: off topic, with job and investment figures (custom) --------------------
def _automotive_kenitra(published: datetime) -> ReplicaArticle:
    return ReplicaArticle(
        site="custom",
        slug="automobile-sanshin-wiring-va-creer-2-500-emplois-a-kenitra",
        title="Automobile : Sanshin Wiring va créer 2.500 emplois à Kénitra",
        lead=(
            "L’équipementier japonais Sanshin Wiring Systems construit une usine de faisceaux "
            "électriques dans l’Atlantic Free Zone de Kénitra. L’investissement atteint 400 "
            "millions de DH pour 2.500 emplois à terme."
        ),
        paragraphs=[
            "Le spécialiste des câblages automobiles Sanshin Wiring Systems a posé jeudi la "
            "première pierre de sa nouvelle unité de production à Kénitra. L’usine, d’une surface "
            "couverte de 32.000 m², fabriquera des faisceaux électriques destinés aux véhicules "
            "hybrides et électriques assemblés en Europe et au Maroc.",
            "La production doit démarrer au deuxième semestre de l’année prochaine avec 900 "
            "opérateurs. Les effectifs atteindront 2.500 personnes lorsque les quatre lignes "
            "prévues seront en service. La direction indique que 85% des postes seront occupés par "
            "des femmes, formées sur place pendant six semaines avant leur affectation.",
            "Le projet s’inscrit dans l’écosystème câblage du plan d’accélération industrielle, qui "
            "a déjà attiré plusieurs équipementiers dans la région du Gharb. La proximité du port "
            "de Kénitra Atlantique et de l’usine Stellantis, ainsi que la liaison ferroviaire vers "
            "Tanger Med, ont pesé dans le choix du site, selon le groupe.",
            "Le ministre de l’Industrie a souligné que le taux d’intégration locale de la filière "
            "automobile dépasse désormais 69% et que les exportations du secteur ont franchi un "
            "nouveau record l’an dernier. Il a appelé les équipementiers à développer davantage la "
            "sous-traitance de rang deux auprès des PME marocaines.",
            "Sanshin Wiring Systems emploie 41.000 personnes dans le monde, dont une majorité en "
            "Asie du Sud-Est et en Europe de l’Est. Kénitra sera son premier site sur le continent "
            "africain et alimentera aussi des constructeurs installés en Espagne et en France.",
        ],
        published=published,
        author="Hamid Alaoui",
        expected={
            "story": "C", "on_topic": False, "announcement": True, "alert": False,
            "jobs": 2500, "investment_mdh": 400, "city": "Kénitra",
        },
    )


# -- D: seed article 003 republished with other boilerplate (custom) -----------
def _seed_republished(published: datetime) -> ReplicaArticle:
    return ReplicaArticle(
        site="custom",
        slug="outsourcing-quatre-operateurs-s-engagent-sur-5-050-emplois",
        title="Outsourcing : quatre opérateurs s’engagent sur 5.050 emplois d’ici 2026",
        lead=SEED_003_LEAD,
        paragraphs=list(SEED_003_PARAGRAPHS),
        bullets=list(SEED_003_BULLETS),
        published=published,
        author=None,
        expected={
            "story": "D", "on_topic": True, "announcement": True, "alert": False,
            "duplicate_of": "seed/003_40648fe43f2de642", "jobs": 5050, "investment_mdh": 65,
        },
    )


# -- E: one MAP wire story on two sites (wp and arc) ---------------------------
_E_PARAGRAPHS = [
    "Le spécialiste des services informatiques Nexora Digital a inauguré, mercredi à Fès, un "
    "centre de services nearshore qui emploiera 800 ingénieurs et techniciens d’ici deux ans. "
    "Le site, installé dans la technopole Fès Shore, représente un investissement de 80 "
    "millions de dirhams.",
    "La cérémonie d’inauguration s’est déroulée en présence du wali de la région Fès-Meknès, "
    "du président du conseil régional et de représentants du ministère de la Transition "
    "numérique. Le centre accueille déjà 180 collaborateurs, recrutés depuis l’été parmi les "
    "lauréats des écoles d’ingénieurs et des facultés de sciences de la région.",
    "Le nouveau site assurera le développement d’applications, la maintenance de systèmes "
    "d’information et la supervision d’infrastructures en nuage pour des clients européens, "
    "principalement dans la banque, l’énergie et la distribution. Un laboratoire consacré "
    "à la cybersécurité doit ouvrir au cours du premier semestre.",
    "Selon le directeur général de Nexora Digital Maroc, Mehdi Lahlou, le choix de Fès "
    "s’explique par la qualité des formations universitaires locales et par un taux de "
    "départ des salariés inférieur à celui des grandes métropoles. Le groupe prévoit de "
    "consacrer 5% de la masse salariale à la formation continue et aux certifications.",
    "Nexora Digital, présent au Maroc depuis 2019 avec un premier centre à Rabat, emploiera "
    "au total plus de 1.500 personnes dans le Royaume à l’issue de ce projet. L’opérateur "
    "bénéficie des incitations prévues par l’offre Maroc Offshoring, dont la contribution "
    "de l’État aux frais de formation des nouvelles recrues.",
    "Pour les responsables régionaux, ce projet conforte la vocation de Fès Shore, qui "
    "compte désormais une vingtaine d’entreprises de services informatiques et de relation "
    "client.",
]


def _map_wire_fes(on_wp: datetime, on_arc: datetime) -> list[ReplicaArticle]:
    expected = {
        "story": "E", "on_topic": True, "announcement": True, "alert": True,
        "jobs": 800, "investment_mdh": 80, "city": "Fès", "company": "Nexora Digital",
    }
    wp = ReplicaArticle(
        site="wp",
        slug="fes-nexora-digital-inaugure-un-centre-nearshore-de-800-emplois",
        title="Fès : Nexora Digital inaugure un centre nearshore de 800 emplois",
        lead=None,
        paragraphs=list(_E_PARAGRAPHS),
        published=on_wp,
        author="MAP",
        expected=dict(expected),
    )
    arc_paragraphs = ["Fès, (MAP) – " + _E_PARAGRAPHS[0], *_E_PARAGRAPHS[1:]]
    arc = ReplicaArticle(
        site="arc",
        slug="nearshoring-nexora-digital-ouvre-a-fes-un-site-de-800-postes",
        title="Nearshoring: Nexora Digital ouvre à Fès un site de 800 postes",
        lead=None,
        paragraphs=arc_paragraphs,
        published=on_arc,
        author="Maroc360 avec MAP",
        expected=dict(expected),
    )
    return [wp, arc]


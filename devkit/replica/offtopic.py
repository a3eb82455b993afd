"""Ordinary off-topic business articles of the example set (banking, tourism,
phosphates, real estate, energy, labour market)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from devkit.replica.article import ReplicaArticle

OFF_TOPIC = {"on_topic": False, "announcement": False, "alert": False}


def off_topic_articles(ago: Callable[[float], datetime]) -> list[ReplicaArticle]:
    return [_bank(ago(14)), _tourism(ago(30)), _phosphates(ago(40)), _real_estate(ago(24 * 20)),
            _wind_farm(ago(6)), _unemployment(ago(12))]


def _bank(published: datetime) -> ReplicaArticle:
    return ReplicaArticle(
        site="wp",
        slug="banque-maghrebine-de-developpement-un-produit-net-bancaire-en-hausse-de-8",
        title="BMD : un produit net bancaire en hausse de 8% au troisième trimestre",
        lead=(
            "La Banque maghrébine de développement a publié des indicateurs trimestriels en "
            "progression, tirés par la marge d’intérêt et par les commissions sur les moyens de "
            "paiement."
        ),
        paragraphs=[
            "Le produit net bancaire consolidé de la Banque maghrébine de développement (BMD) "
            "s’établit à 4,86 milliards de DH à fin septembre, en hausse de 8% sur un an. La marge "
            "d’intérêt progresse de 6,5%, portée par la reprise des crédits d’équipement aux "
            "entreprises, tandis que la marge sur commissions bondit de 12%.",
            "Les dépôts de la clientèle atteignent 118 milliards de DH, soit une hausse de 4,1%, "
            "avec une part des ressources non rémunérées stable à 71%. Les crédits à la clientèle "
            "augmentent de 5,3% à 102 milliards de DH. Le coût du risque recule légèrement, la "
            "banque ayant constitué l’an dernier d’importantes provisions sur le secteur du BTP.",
            "Le résultat net part du groupe ressort à 1,12 milliard de DH, en progression de 9,4%. "
            "Le coefficient d’exploitation s’améliore de près de deux points, malgré la poursuite "
            "des investissements dans la banque mobile et la rénovation du réseau d’agences.",
            "Dans sa communication financière, la direction indique viser une croissance des "
            "encours de crédit comprise entre 5 et 6% sur l’ensemble de l’exercice et confirme "
            "son objectif d’ouvrir une trentaine de nouvelles agences dans les provinces du Sud "
            "et de l’Oriental d’ici la fin de l’année prochaine.",
            "À la Bourse de Casablanca, le titre a gagné 3,2% dans la séance qui a suivi la "
            "publication, dans un marché globalement stable. Les analystes saluent une "
            "amélioration de la rentabilité mais jugent la valorisation déjà élevée au regard "
            "des autres banques de la place.",
        ],
        published=published,
        author="Nadia Tazi",
        section="finance",
        expected=dict(OFF_TOPIC, story="F"),
    )


def _tourism(published: datetime) -> ReplicaArticle:
    return ReplicaArticle(
        site="arc",
        slug="tourisme-les-arrivees-en-hausse-de-14-a-fin-octobre",
        title="Tourisme : les arrivées en hausse de 14% à fin octobre",
        lead=(
            "Le Royaume a accueilli plus de 15 millions de visiteurs au cours des dix premiers "
            "mois de l’année, un niveau jamais atteint sur cette période."
        ),
        paragraphs=[
            "Selon les données de l’Observatoire du tourisme, les arrivées aux postes frontières "
            "ont progressé de 14% à fin octobre par rapport à la même période de l’année "
            "précédente. Les touristes étrangers représentent 52% du total, le reste étant "
            "constitué de Marocains résidant à l’étranger.",
            "La France demeure le premier marché émetteur, devant l’Espagne et le Royaume-Uni. "
            "Les marchés allemand, italien et nord-américain enregistrent les plus fortes "
            "progressions, grâce à l’ouverture de nouvelles lignes aériennes vers Marrakech, "
            "Agadir, Tanger et Essaouira.",
            "Les nuitées dans les établissements d’hébergement classés augmentent de 9%. "
            "Marrakech concentre à elle seule plus du tiers des nuitées, suivie d’Agadir et de "
            "Casablanca. Le taux d’occupation moyen s’établit à 58%, contre 54% un an plus tôt.",
            "Les recettes voyages, comptabilisées par l’Office des changes, atteignent 98 "
            "milliards de DH à fin septembre, en hausse de 8,6%. Les professionnels anticipent "
            "une fin d’année soutenue, portée par les vacances scolaires européennes et par les "
            "grands événements sportifs organisés dans le Royaume.",
            "Le ministère du Tourisme estime que l’objectif de 17,5 millions d’arrivées sur "
            "l’ensemble de l’année est à portée de main, tout en appelant les régions à diversifier "
            "l’offre vers le tourisme rural et de nature, encore peu développé.",
            "Les hôteliers, de leur côté, alertent sur les difficultés de recrutement de personnel "
            "qualifié en haute saison et réclament un renforcement des filières de formation "
            "hôtelière, notamment dans les villes du Nord et dans la région de Dakhla, où "
            "plusieurs établissements doivent ouvrir d’ici deux ans.",
        ],
        published=published,
        author="Rédaction Maroc360",
        expected=dict(OFF_TOPIC, story="G"),
    )


def _phosphates(published: datetime) -> ReplicaArticle:
    return ReplicaArticle(
        site="custom",
        slug="phosphates-et-derives-les-exportations-progressent-de-12",
        title="Phosphates et dérivés : les exportations progressent de 12%",
        lead=(
            "Les ventes à l’étranger de phosphates et de dérivés ont atteint 71,3 milliards de DH "
            "à fin septembre, selon l’Office des changes."
        ),
        paragraphs=[
            "Les exportations du secteur des phosphates et dérivés poursuivent leur redressement. "
            "À fin septembre, elles s’élèvent à 71,3 milliards de DH, contre 63,7 milliards un an "
            "plus tôt, soit une hausse de 12%. Les engrais naturels et chimiques expliquent "
            "l’essentiel de cette progression, grâce à des volumes en forte hausse vers l’Afrique "
            "de l’Ouest et l’Amérique latine.",
            "Les ventes d’acide phosphorique sont quasiment stables, la baisse des prix sur le "
            "marché indien ayant compensé la hausse des quantités livrées. Les exportations de "
            "phosphate brut reculent pour leur part de 4%, confirmant l’orientation du secteur "
            "vers la transformation locale.",
            "Sur les marchés internationaux, le prix du phosphate diammonique s’est maintenu au-"
            "dessus de 600 dollars la tonne pendant l’essentiel du trimestre, soutenu par une "
            "demande agricole robuste et par les restrictions à l’exportation de certains "
            "producteurs asiatiques.",
            "Avec l’automobile et l’agroalimentaire, les phosphates restent l’un des trois "
            "premiers postes d’exportation du pays. Leur bonne tenue contribue à contenir le "
            "déficit commercial, qui s’établit à 224 milliards de DH à fin septembre, en légère "
            "hausse sous l’effet de la facture énergétique.",
            "Les économistes interrogés s’attendent à une fin d’année favorable, la campagne "
            "agricole dans l’hémisphère Nord soutenant traditionnellement la demande d’engrais au "
            "quatrième trimestre.",
            "Ils soulignent toutefois que l’évolution des cours reste tributaire des décisions "
            "d’exportation de la Chine et du niveau des stocks dans les grands pays importateurs, "
            "ainsi que du prix du soufre et de l’ammoniac, deux intrants dont dépend la "
            "production d’engrais.",
        ],
        published=published,
        author="Omar Kettani",
        expected=dict(OFF_TOPIC, story="H"),
    )


def _real_estate(published: datetime) -> ReplicaArticle:
    return ReplicaArticle(
        site="wp",
        slug="immobilier-les-transactions-reculent-au-troisieme-trimestre",
        title="Immobilier : les transactions reculent au troisième trimestre",
        lead=(
            "L’indice des prix des actifs immobiliers est quasi stable, mais le nombre de ventes "
            "de logements baisse de 6,8% sur un an, selon Bank Al-Maghrib et l’Agence nationale de "
            "la conservation foncière."
        ),
        paragraphs=[
            "Le marché immobilier résidentiel a marqué le pas au troisième trimestre. Le nombre de "
            "transactions portant sur des appartements, des maisons et des villas a reculé de 6,8% "
            "en glissement annuel, tandis que l’indice des prix n’a progressé que de 0,3%.",
            "La baisse est plus marquée à Casablanca et à Tanger, où les ventes diminuent de près "
            "de 10%. Rabat et Marrakech résistent mieux, grâce à la demande des Marocains résidant "
            "à l’étranger au cours de l’été. Les terrains urbains voient leurs prix progresser de "
            "1,2%, tandis que les biens à usage professionnel restent stables.",
            "Les promoteurs attribuent ce ralentissement au durcissement des conditions d’octroi "
            "des crédits et à l’attentisme des acquéreurs, dans l’attente des ajustements du "
            "programme d’aide directe au logement. Les encours de crédits à l’habitat progressent "
            "néanmoins de 2,1% sur un an.",
            "La Fédération nationale des promoteurs immobiliers réclame une simplification des "
            "procédures d’autorisation et une révision des plafonds de prix du logement "
            "intermédiaire, jugés trop bas au regard du coût du foncier dans les grandes villes.",
            "Les professionnels espèrent une reprise au premier semestre de l’année prochaine, "
            "portée par la baisse progressive des taux d’intérêt et par les grands chantiers "
            "d’infrastructure qui soutiennent la demande dans plusieurs régions.",
            "Sur le segment du haut standing, les agences signalent une demande soutenue de la "
            "part des acquéreurs étrangers à Marrakech et à Tanger, mais les volumes concernés "
            "restent trop faibles pour peser sur les statistiques nationales.",
        ],
        published=published,
        author="Leila Berrada",
        section="immobilier",
        expected=dict(OFF_TOPIC, story="I", older=True),
    )


def _wind_farm(published: datetime) -> ReplicaArticle:
    return ReplicaArticle(
        site="arc",
        slug="energie-un-parc-eolien-de-210-mw-mis-en-service-pres-de-tanger",
        title="Énergie : un parc éolien de 210 MW mis en service près de Tanger",
        lead=(
            "Le parc de Jbel Lahdid, d’un coût de 2,6 milliards de DH, porte la puissance "
            "éolienne installée du pays au-delà de 2.500 MW."
        ),
        paragraphs=[
            "Le parc éolien de Jbel Lahdid, situé à une trentaine de kilomètres de Tanger, a été "
            "raccordé au réseau national cette semaine. Ses 42 turbines de 5 MW produiront environ "
            "780 gigawattheures par an, l’équivalent de la consommation de 350.000 foyers.",
            "Le projet, développé par un consortium réunissant un producteur indépendant marocain "
            "et un fonds d’infrastructure européen, a représenté un investissement de 2,6 milliards "
            "de DH. L’électricité est vendue à des industriels de la zone franche de Tanger dans le "
            "cadre de la loi sur les énergies renouvelables, qui autorise les contrats directs "
            "entre producteurs et consommateurs.",
            "Avec cette mise en service, la puissance éolienne installée dépasse 2.500 MW. Les "
            "énergies renouvelables représentent désormais plus de 44% de la capacité électrique "
            "du pays, un chiffre encore éloigné de l’objectif de 52% fixé pour 2030.",
            "L’Office national de l’électricité et de l’eau potable rappelle que le renforcement "
            "des lignes à très haute tension entre le Nord et le Centre reste indispensable pour "
            "absorber la production croissante des parcs situés dans la région de Tanger-Tétouan-"
            "Al Hoceima.",
            "Deux autres parcs, d’une puissance cumulée de 300 MW, sont en construction dans la "
            "région de Tarfaya et devraient entrer en service d’ici dix-huit mois.",
            "Les industriels raccordés au parc de Jbel Lahdid estiment que l’accès direct à une "
            "électricité renouvelable leur permettra de répondre aux exigences de leurs clients "
            "européens, de plus en plus attentifs à l’empreinte carbone des produits importés, "
            "notamment dans le textile et l’automobile.",
        ],
        published=published,
        author="Karim Sefrioui",
        expected=dict(OFF_TOPIC, story="J", investment_mdh=2600),
    )


def _unemployment(published: datetime) -> ReplicaArticle:
    return ReplicaArticle(
        site="custom",
        slug="marche-du-travail-le-taux-de-chomage-recule-a-12-8",
        title="Marché du travail : le taux de chômage recule à 12,8%",
        lead=(
            "L’économie nationale a créé 162.000 emplois nets en un an, selon le Haut-Commissariat "
            "au Plan, mais le chômage des jeunes reste supérieur à 35%."
        ),
        paragraphs=[
            "Le taux de chômage a reculé de 0,7 point au troisième trimestre pour s’établir à "
            "12,8% au niveau national, indique la note trimestrielle du Haut-Commissariat au Plan. "
            "La baisse est plus marquée en milieu urbain, où le taux passe de 17,1% à 16,2%.",
            "Entre le troisième trimestre de l’année dernière et celui de cette année, l’économie a "
            "créé 162.000 postes nets. Les services en ont généré 118.000 et le bâtiment 52.000, "
            "tandis que l’agriculture, affectée par la sécheresse, en a perdu 61.000. L’industrie, "
            "artisanat compris, a créé 53.000 emplois.",
            "Le chômage touche toujours davantage les jeunes de 15 à 24 ans, dont le taux "
            "atteint 35,6%, ainsi que les diplômés, à 19,4%. Les femmes restent également plus "
            "exposées, avec un taux de 19,8% contre 10,9% pour les hommes.",
            "Le taux d’activité poursuit sa baisse tendancielle, à 43,4%, en raison notamment du "
            "faible niveau de participation des femmes au marché du travail. Le sous-emploi "
            "concerne pour sa part un peu plus d’un million de personnes.",
            "Le gouvernement met en avant les programmes d’aide à l’embauche et de soutien à "
            "l’auto-emploi, dont il attend un effet plus net au cours des prochains trimestres.",
            "Les économistes restent prudents : la création d’emplois dépend encore largement "
            "des pluies et de la campagne agricole, et la part de l’emploi informel, supérieure à "
            "la moitié des actifs occupés, limite la portée des améliorations observées sur le "
            "taux de chômage.",
        ],
        published=published,
        author="Rachid Amrani",
        section="emploi",
        expected=dict(OFF_TOPIC, story="K"),
    )

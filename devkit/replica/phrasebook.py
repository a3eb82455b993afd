"""Sentence templates for `synthetic_articles`, one Topic per kind of business story.

Syntax: `{a|b|c}` picks one alternative, `$slot` is filled per article (see
synthetic.py). Alternatives are many and short on purpose: two articles drawn from
the same topic must share few three-word phrases, or the dedup stage would rightly
merge them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Topic:
    name: str
    on_topic: bool  # offshoring sector
    announcement: bool  # announces new jobs or an investment
    section: str
    titles: tuple[str, ...]
    leads: tuple[str, ...]
    body: tuple[str, ...]
    # Which figures the title and lead state, so the ground truth names only those.
    states_jobs: bool = False
    states_investment: bool = False


GENERIC = (
    "{Ce chiffre|Cette évolution|Cette tendance} {intervient|s’inscrit} dans un contexte de "
    "croissance {modérée|hésitante|soutenue} de l’économie {nationale|marocaine}, estimée à "
    "$growth% {cette année|pour l’exercice en cours} par {Bank Al-Maghrib|le HCP|le ministère de l’Économie}.",
    "{Plusieurs|Certains|De nombreux} {analystes|observateurs|professionnels} {jugent|estiment|considèrent} "
    "{toutefois|cependant|néanmoins} que {la visibilité reste limitée|les perspectives restent incertaines|"
    "le rythme actuel sera difficile à tenir} {au-delà du prochain semestre|pour l’an prochain|à moyen terme}.",
    "{Interrogé|Sollicité|Contacté} par {nos soins|la rédaction|notre journal}, un {responsable|cadre|dirigeant} "
    "du {secteur|groupe|département} {affirme|indique|précise} que « {les fondamentaux restent solides|"
    "la demande ne faiblit pas|le plus dur est derrière nous} » et {table|mise|compte} sur {une amélioration|"
    "une consolidation|une accélération} {dès le prochain trimestre|d’ici la fin de l’année|en $year}.",
    "{La prochaine publication est attendue|Le prochain point d’étape interviendra|"
    "Les prochains chiffres sont attendus} {en $month|à la fin du trimestre|dans quelques semaines}, {selon|d’après} "
    "{le calendrier officiel|les services concernés|l’organisme}.",
    "À {titre de comparaison|titre indicatif|noter}, {la même période de l’an dernier|l’exercice précédent|"
    "l’année $prevyear} {avait enregistré|affichait} une {hausse|progression|variation} "
    "de {seulement |}$pct%.",
    "{Sur le plan régional|Au niveau régional|Dans les régions}, {les écarts restent importants|les disparités demeurent "
    "marquées|les écarts demeurent sensibles} : {la région de Casablanca-Settat|l’axe Casablanca-Rabat|Tanger-Tétouan-Al "
    "Hoceima} {concentre|capte|représente} {près de|plus de|environ} $share% de {l’activité|"
    "la valeur ajoutée|l’investissement}.",
    "{La hausse des coûts|Le renchérissement} {de l’énergie|des matières premières|du fret} {continue de|"
    "continue à} {peser|rogner} sur {les marges|la rentabilité} {des entreprises|des opérateurs|du secteur}, "
    "{en particulier|notamment|surtout} {des PME|des petites structures|des exportateurs}.",
    "{Les délais de paiement|Les retards de paiement} {restent|demeurent} {un point noir|une préoccupation "
    "majeure|un sujet sensible} pour {les entreprises|les fournisseurs|les PME}, {selon|d’après} "
    "{l’Observatoire des délais de paiement|la CGEM|les fédérations professionnelles}.",
    "{Le gouvernement|L’exécutif} {mise|compte|table} sur {la nouvelle charte de "
    "l’investissement|les grands chantiers d’infrastructure|la réforme de la commande publique} pour "
    "{relancer|stimuler|soutenir} {l’investissement privé|la croissance|la demande intérieure}.",
    "{Du côté|Au niveau} {de la demande|des ménages}, {la consommation reste prudente|"
    "les dépenses restent contenues}, {sous l’effet|en raison} de {l’inflation passée|la hausse des "
    "prix alimentaires|la faiblesse des revenus agricoles}.",
    "{Les banques se montrent plus sélectives|"
    "Les établissements de crédit restent prudents|Les banques se montrent plus exigeantes} dans {l’octroi|la distribution} {des crédits|des financements}, {note|relève|constate} "
    "{un économiste|un analyste|un banquier} de la place.",
    "{Les opérateurs|Les professionnels|Les acteurs du secteur} {attendent|espèrent|réclament} "
    "{des mesures|un geste|un accompagnement} {dans la prochaine loi de finances|"
    "dans le cadre du dialogue social|dans la feuille de route sectorielle}, {notamment|en particulier} {sur la fiscalité|sur le foncier|"
    "sur la formation}.",
    "{Le taux de change|Le dirham} {est resté|est demeuré} {stable|quasi stable} {face à l’euro|face au panier "
    "euro-dollar|vis-à-vis du panier de cotation}, {ce qui|un élément qui} {limite|atténue} {l’inflation importée|"
    "la pression sur les prix}.",
)


# Named voices: each article quotes one or two people the others never quote, which
# keeps stories on one topic apart even where their template sentences coincide.
VOICES = (
    "« {Il faut|Il convient de} {rester prudent|garder la tête froide|relativiser} », {tempère|nuance|"
    "avertit} $expert, {économiste|analyste|associée} chez $firm, {pour qui|selon qui} {la tendance reste à confirmer|"
    "le mouvement devra être confirmé} {sur plusieurs trimestres|dans la durée}.",
    "$expert, {qui dirige le cabinet|à la tête du cabinet|qui dirige la société de conseil} $firm{ à $city2|}, "
    "{y voit|voit dans ces chiffres} {un signal encourageant|un tournant|le signe d’un rattrapage}.",
    "{Pour|Selon} $expert, {chercheur|enseignant-chercheur} à l’université de $city2, {le débat|la "
    "question} {porte désormais|se déplace} {sur la qualité des emplois|sur la productivité|sur le "
    "financement des PME}.",
    "{Chez|Du côté de} $firm, {on anticipe|les analystes anticipent} {un atterrissage en douceur|"
    "une stabilisation|une reprise graduelle}, {explique|indique} $expert {dans une note publiée|lors d’un "
    "point presse tenu} {lundi|jeudi|cette semaine}.",
    "{Contacté|Joint} par téléphone, $expert, {président|vice-président} de l’association "
    "{régionale|professionnelle} de $city2, {réclame|demande} {davantage de visibilité|un calendrier "
    "clair|des mesures ciblées} {pour les entreprises|pour les opérateurs} {de la région|locaux}.",
)

TOPICS: tuple[Topic, ...] = (
    Topic(
        "banking", False, False, "finance",
        ("$company : {un résultat net|un bénéfice} en hausse de $pct% {à fin $month|au $quarter trimestre}",
         "{Banque|Résultats} : $company {améliore|accroît} son produit net bancaire de $pct%",
         "$company publie des {indicateurs|comptes} {solides|en progression} pour le $quarter trimestre"),
        ("Le produit net bancaire de $company {atteint|s’établit à|ressort à} $amount milliards de DH, "
         "{porté par|tiré par|soutenu par} {la marge d’intérêt|les commissions|l’activité de marché}.",
         "{Les indicateurs|Les comptes|Les résultats} {publiés|communiqués} par $company {confirment|"
         "traduisent|montrent} une {bonne dynamique|nette amélioration|progression régulière} de l’activité."),
        ("{Les dépôts de la clientèle|Les ressources collectées} {progressent|augmentent|croissent} de $pct2% "
         "{pour atteindre|à} $amount2 milliards de DH, avec une part {stable|croissante} de comptes "
         "{non rémunérés|à vue}.",
         "{Les crédits|Les encours de crédit|Les prêts} à {l’économie|la clientèle} {augmentent|gagnent|"
         "avancent} de $pct3%, {tirés|portés} par {l’équipement des entreprises|l’immobilier|la consommation}.",
         "Le coût du risque {recule|baisse|diminue} {légèrement|sensiblement} {à|pour s’établir à} "
         "$small% des encours, {après|suite à} {un exercice marqué|une année marquée} par {des provisions|"
         "des dotations} {importantes|exceptionnelles}.",
         "Le coefficient d’exploitation {s’améliore|gagne|se replie} de {près de |}$small points, "
         "{malgré|en dépit de} {la hausse des charges|les investissements informatiques|"
         "l’extension du réseau}.",
         "{À la Bourse de Casablanca|En Bourse|Sur le marché}, le titre $company {a gagné|a pris|s’est "
         "apprécié de} $small% {dans la séance|le jour} {suivant la publication|de l’annonce}.",
         "{La direction|Le management|Le directoire} {vise|table sur|prévoit} une {croissance|progression} "
         "des {encours|crédits} d’environ $pct2% sur {l’ensemble de l’exercice|l’année}.",
         "{Le ratio de solvabilité|Le ratio de fonds propres} {se maintient|reste|demeure} {au-dessus|au-delà} "
         "des {exigences|seuils} {réglementaires|de Bank Al-Maghrib}, à $pct2%.",
         "{Le réseau|Le maillage} {compte|totalise} {désormais|aujourd’hui} $small0 agences {supplémentaires|de plus} {par rapport à|comparé à} l’an dernier, {principalement|surtout} {dans les villes moyennes|en zone rurale|dans le Sud}.",
         "{Les filiales africaines|L’activité à l’international} {contribuent|participent} à {hauteur de|} $share% {au résultat|au produit net bancaire}, {en progression|en retrait} {par rapport à|sur} l’exercice précédent.",
         "{La banque digitale|L’offre mobile} {séduit|attire} {une clientèle|des clients} {plus jeune|plus nombreux}, avec $jobs_k00.000 utilisateurs actifs {revendiqués|déclarés}.",
         "{La banque|L’établissement} {a levé|prévoit de lever} $amount milliards de DH {sous forme|par voie} {d’obligations subordonnées|d’emprunt obligataire} pour {renforcer|consolider} ses fonds propres."),
    ),
    Topic(
        "tourism", False, False, "economie",
        ("Tourisme : {les arrivées|les nuitées} en hausse de $pct% {à fin $month|sur un an}",
         "{$city|Le Royaume} {attire|accueille} $pct% de {visiteurs|touristes} {en plus|supplémentaires}",
         "{Hôtellerie|Tourisme} : {le taux d’occupation|la fréquentation} {grimpe|progresse} à $city"),
        ("{Les arrivées|Les flux touristiques|Les entrées} {aux postes frontières|de visiteurs} {ont progressé|"
         "ont augmenté} de $pct% {à fin $month|sur la période}, selon {l’Observatoire du tourisme|le ministère}.",
         "{La destination|$city} {confirme|poursuit} sa {bonne saison|dynamique} avec {une fréquentation|des "
         "nuitées} en hausse de $pct%."),
        ("{Les nuitées|Les séjours} dans les {hôtels classés|établissements classés} {augmentent|progressent} "
         "de $pct2%, {$city|Marrakech|Agadir} {concentrant|représentant} {plus du tiers|près de 40%} du total.",
         "{Les recettes voyages|Les recettes touristiques} {atteignent|s’élèvent à} $amount milliards de DH, "
         "{selon|d’après} l’Office des changes.",
         "{Les marchés|Les pays} {émetteurs|d’origine} {les plus dynamiques|en plus forte hausse} sont "
         "{l’Allemagne et l’Italie|le Royaume-Uni et les États-Unis|l’Espagne et les Pays-Bas}.",
         "{L’ouverture|Le lancement} de {nouvelles lignes aériennes|liaisons directes} vers $city {a|aurait} "
         "{largement|nettement} contribué à cette {hausse|progression}.",
         "Le taux d’occupation {moyen|global} {s’établit|ressort} à $pct3%, soit $small points de plus {qu’un an plus tôt|que l’an dernier}.",
         "{Les hôteliers|Les professionnels|Les opérateurs} {appellent|plaident} {à|pour} {diversifier l’offre|"
         "développer le tourisme rural|renforcer la promotion} {vers|dans} {l’arrière-pays|les régions "
         "du Sud|le Nord}.",
         "{Le ministère|La Société marocaine d’ingénierie touristique} {vise|table sur|espère} "
         "{17|18|20|26} millions de visiteurs {d’ici la fin de l’année|en $year}.",
         "{Les Marocains résidant à l’étranger|Les MRE} {représentent|comptent pour} {près de|environ} $share% des {arrivées|entrées}, {un poids|une part} {stable|en léger recul} {sur un an|par rapport à l’an dernier}.",
         "{Les croisiéristes|Les escales de croisière} {ont progressé|sont en hausse} de $pct% {à Casablanca|à Tanger|à Agadir}, {même si|bien que} leur {contribution|apport} {reste|demeure} {marginale|modeste}.",
         "{L’investissement hôtelier|La construction d’hôtels} {repart|reprend} {avec|grâce à} {plusieurs projets|une dizaine de projets} {annoncés|en cours} {à $city2|dans la région de $city2}.",
         "{Les compagnies à bas coûts|Les transporteurs low cost} {assurent|représentent} {désormais|maintenant} {plus de|près de} $share% {des sièges offerts|de la capacité aérienne} {vers le Royaume|vers les aéroports marocains}.",
         "{Les réservations|Les prises de commandes} {pour les fêtes de fin d’année|pour la saison d’hiver} {sont en avance|progressent} de $pct% {par rapport à l’an dernier|sur un an}, {selon|d’après} {les voyagistes|les agences de voyages}."),
    ),
    Topic(
        "exports", False, False, "economie",
        ("{Commerce extérieur|Exportations} : {les ventes de|les exportations de} {phosphates|agrumes|produits "
         "de la mer} {progressent|bondissent} de $pct%",
         "{Le déficit commercial|La balance commerciale} {se creuse|s’améliore} à fin $month",
         "{Office des changes|Échanges extérieurs} : {les exportations|les importations} {en hausse|en recul} de $pct%"),
        ("{Les exportations|Les ventes à l’étranger} {atteignent|s’élèvent à} $amount milliards de DH "
         "{à fin $month|sur les neuf premiers mois}, {selon|d’après} l’Office des changes.",
         "{Les échanges extérieurs affichent|Le commerce extérieur montre} {une évolution contrastée|"
         "des tendances divergentes} {à fin $month|sur la période}."),
        ("Les importations {progressent|augmentent} de $pct2%, {alourdies|tirées} par "
         "{la facture énergétique|les biens d’équipement|les produits alimentaires}.",
         "{Le taux de couverture|La couverture des importations par les exportations} {gagne|perd} $small "
         "points à $pct3%.",
         "{Les engrais|Les dérivés du phosphate|Les produits agricoles} {expliquent|représentent} "
         "{l’essentiel|plus de la moitié} de la {hausse|progression} des {ventes|exportations}.",
         "{Les transferts des MRE|Les envois des Marocains du monde} {augmentent|progressent} de $pct2% "
         "à $amount2 milliards de DH.",
         "{Les flux d’investissements directs étrangers|Les IDE} {nets|entrants} {atteignent|s’établissent "
         "à} $amount3 milliards de DH.",
         "{Le secteur automobile|L’aéronautique|L’agroalimentaire} {reste|demeure} {le premier poste|l’un des principaux postes} à l’export avec $amount3 milliards de DH.",
         "Les exportations {de textile|d’habillement} {reculent|progressent} de $pct%, {pénalisées|soutenues} par {la demande européenne|les commandes espagnoles|la concurrence asiatique}.",
         "{Les recettes des services|Les exportations de services} {augmentent|progressent} de $pct%, {portées|tirées} par {les voyages|les services informatiques|le transport}.",
         "La facture énergétique {s’allège|s’alourdit} de $pct% à $amount milliards de DH {sous l’effet|en raison} {des cours|du prix du gasoil|du prix du gaz}.",
         "{Les expéditions|Les ventes} {vers l’Afrique subsaharienne|vers les pays africains} {progressent|augmentent} de $pct%, {portées|tirées} par {les engrais|les produits laitiers|les matériaux de construction}."),
    ),
    Topic(
        "real_estate", False, False, "immobilier",
        ("Immobilier : {les prix|les ventes} {reculent|stagnent|progressent} à $city",
         "{Logement|Immobilier} : {l’indice des prix|les transactions} {en baisse|en hausse} de $small%",
         "{Promoteurs|Immobilier} : {la demande|le marché} {marque le pas|reprend} au $quarter trimestre"),
        ("{L’indice des prix des actifs immobiliers|Le marché résidentiel} {affiche|enregistre} une "
         "{variation|évolution} de $small% au $quarter trimestre, selon Bank Al-Maghrib.",
         "{Les transactions|Les ventes} {immobilières|de logements} {reculent|progressent} de $pct% "
         "{à $city|dans les grandes villes}, {selon|d’après} la Conservation foncière."),
        ("{Les appartements|Les logements|Les villas} voient leurs prix {progresser|reculer} "
         "de $small%, {tandis que|alors que} {les terrains restent stables|le foncier urbain reste stable}.",
         "{Les promoteurs|Les professionnels} {attribuent|imputent} {ce ralentissement|cette évolution} "
         "{aux conditions de crédit|à l’attentisme des acheteurs|au coût du foncier}.",
         "{Les crédits à l’habitat|Les encours immobiliers} {progressent|augmentent} de $pct2% sur un an.",
         "{La Fédération des promoteurs réclame|Les professionnels du secteur demandent} "
         "{une simplification|un allègement} des {procédures d’autorisation|charges fiscales}.",
         "{Le programme d’aide au logement|L’aide directe à l’acquisition} a {bénéficié|profité} à "
         "$jobs ménages {depuis son lancement|en un an}.",
         "{À $city|Dans la région de $city}, {le prix moyen|le mètre carré} {atteint|s’établit à} "
         "$price DH {dans le neuf|pour les appartements}.",
         "{Les mises en chantier|Les autorisations de construire} {reculent|progressent} de $pct%, {signe|indice} {d’une prudence|d’un regain d’intérêt} des {promoteurs|investisseurs}.",
         "Les ventes de ciment, {baromètre|indicateur} {de l’activité|du BTP}, {progressent|reculent} de $pct% {à fin $month|sur un an}.",
         "{Le segment du moyen standing|Le logement intermédiaire} {reste|demeure} {le plus demandé|le plus dynamique}, {avec|représentant} $share% des {transactions|ventes} {enregistrées|conclues}.",
         "{Les notaires|Les agences immobilières} {constatent|relèvent} {un allongement|une hausse} {des délais de vente|du temps de négociation}, {désormais|aujourd’hui} {supérieurs|proches} de $small0 semaines {en moyenne|dans les grandes villes}.",
         "{Les loyers|Les prix à la location} {progressent|augmentent} {plus vite|davantage} que {les prix de vente|les prix à l’achat}, {notamment|surtout} {dans les quartiers étudiants|à proximité des zones industrielles|dans les villes universitaires}.",
         "{Le stock de logements invendus|L’offre non écoulée} {reste|demeure} {élevé|important} {dans les villes nouvelles|en périphérie}, {selon|d’après} {un promoteur|un professionnel} {interrogé|contacté} par {la rédaction|nos soins}."),
    ),
    Topic(
        "agriculture", False, False, "economie",
        ("{Campagne agricole|Agriculture} : {la récolte|la production} {céréalière|d’agrumes|d’olives} "
         "{estimée|attendue} à $amount millions de quintaux",
         "{Sécheresse|Pluviométrie} : {les barrages remplis à|les réserves à} $pct%",
         "{Agrumes|Fruits rouges|Olives} : {la saison|la campagne} {démarre|s’annonce} {bien|mal} dans la région de $city"),
        ("{La production|La récolte} {devrait atteindre|est estimée à} $amount millions de quintaux, "
         "{selon|d’après} le ministère de l’Agriculture.",
         "{Le taux de remplissage|Le niveau} des {barrages|retenues} {s’établit à|atteint} $pct% au $day $month."),
        ("{Les précipitations|Les pluies} {cumulées|enregistrées} {sont|restent} {inférieures|supérieures} "
         "de $pct2% à {la normale|la moyenne des trente dernières années}.",
         "{Les exportations|Les ventes} de {primeurs|fruits et légumes} {progressent|reculent} de $pct3% "
         "{en volume|en valeur}.",
         "{Les agriculteurs|Les producteurs} {du Souss|du Gharb|du Haouz|de l’Oriental} {réclament|espèrent} {des aides|"
         "un soutien} {pour l’irrigation|à l’investissement}.",
         "Les stations de dessalement {fourniront|assureront} {bientôt|à terme} "
         "$small millions de m³ {par an|supplémentaires} à {l’irrigation|l’agriculture}.",
         "{Le cheptel|Le prix des aliments du bétail} {reste|demeure} {sous pression|un sujet de préoccupation} "
         "{avant|à l’approche de} {l’Aïd|la saison estivale}.",
         "{La valeur ajoutée agricole|Le PIB agricole} {devrait|pourrait} {progresser|reculer} de $pct% {cette année|sur la campagne}, {selon|d’après} {les prévisions|les estimations} {officielles|du HCP}.",
         "{Les importations de blé|Les importations de céréales} {atteignent|s’élèvent à} $amount millions de quintaux, {subventionnées|soutenues} par {une prime|une aide} à l’importation.",
         "{Les coopératives|Les petits exploitants} {bénéficient|profitent} {d’un programme|d’un dispositif} {d’accompagnement|de soutien} {doté de|de} $mdh millions de DH.",
         "{Le prix|Le cours} {des tomates|des pommes de terre|des oignons} {sur les marchés de gros|au détail} {a reculé|a augmenté} de $pct% {en un mois|sur la période}, {selon|d’après} {l’observatoire des prix|les relevés officiels}.",
         "{L’irrigation localisée|Le goutte-à-goutte} {couvre|équipe} {désormais|aujourd’hui} {près de|environ} $share% {des superficies irriguées|des terres irriguées}, {contre|après} {moins d’un tiers|un quart} {il y a dix ans|en $prevyear}.",
         "{Les exportations de fruits rouges|Les ventes de myrtilles et de framboises} {vers l’Europe|à l’étranger} {ont atteint|totalisent} $amount milliards de DH, {un record|un niveau inédit} pour {la filière|le secteur}."),
    ),
    Topic(
        "energy", False, False, "economie",
        ("Énergie : {un parc|une centrale} {solaire|éolien|éolienne} de $mw MW {à|près de} $city",
         "{Renouvelables|Électricité} : $company {raccorde|met en service} $mw MW",
         "{Hydrogène vert|Dessalement} : $company {signe|finalise} un {accord|financement} de $amount milliards de DH"),
        ("{Le projet|Le parc}, {d’une puissance|d’une capacité} de $mw MW, {a été|sera} "
         "{raccordé|mis en service} {au réseau|cette semaine} {près de|à} $city.",
         "$company {a signé|annonce} un {accord|contrat} {d’un montant de|de} $amount milliards de DH pour "
         "{un projet|une unité} {d’énergie renouvelable|de dessalement}."),
        ("{Les énergies renouvelables|Les renouvelables} {représentent|pèsent} {désormais|aujourd’hui} "
         "$pct3% de la capacité {électrique|installée} du pays.",
         "{L’électricité|La production} {sera|est} {vendue|destinée} à des {industriels|clients} de "
         "{la zone franche|la région} de $city.",
         "{L’ONEE|L’Office national de l’électricité} {rappelle|souligne} {la nécessité|l’urgence} "
         "de {renforcer|moderniser} les {lignes|réseaux} à très haute tension.",
         "{Le financement|Le bouclage financier} {associe|réunit} {des banques locales|un fonds européen|"
         "des bailleurs multilatéraux}.",
         "{La consommation|La demande} d’électricité {progresse|augmente} de $small% {par an|en moyenne}.",
         "{Deux|Trois} autres {projets|parcs}, {d’une puissance|totalisant} $mw2 MW, {sont|restent} "
         "{en construction|à l’étude} {dans le Sud|à Tarfaya|dans l’Oriental}.",
         "{Le coût|Le prix} {du kilowattheure|de l’électricité} {produit|renouvelable} {a baissé|recule} de $pct% {en cinq ans|sur la dernière décennie}, {selon|d’après} {l’agence|le ministère}.",
         "Les travaux {ont mobilisé|ont employé} {jusqu’à|près de} $jobs2 {ouvriers|personnes} {en pointe|au plus fort}, {selon|d’après} {le développeur|le maître d’ouvrage}.",
         "{Le stockage|Les batteries} {constitue|représente} {le prochain défi|l’enjeu suivant} {du réseau|de la transition}, {souligne|rappelle} $person, {expert|consultant} {en énergie|du secteur}."),
    ),
    Topic(
        "telecoms", False, False, "entreprises",
        ("Télécoms : {le parc|le nombre d’abonnés} {internet|mobile} {progresse|atteint} $amount millions",
         "{5G|Fibre optique} : $company {étend|accélère} son {réseau|déploiement} à $city",
         "{ANRT|Télécoms} : {les prix|les usages} {data|mobiles} {en hausse|en baisse} de $pct%"),
        ("{Le parc|Le nombre} d’abonnés {internet|à l’internet mobile} {atteint|s’établit à} $amount millions "
         "à fin $month, selon l’ANRT.",
         "$company {étend|poursuit} le déploiement de {la fibre|la 5G} {à|dans} $city et {dans|à} $city2."),
        ("{Le trafic de données|La consommation de data} {progresse|bondit} de $pct2% {sur un an|en douze mois}.",
         "{Les abonnements|Les accès} {fibre|FTTH} {dépassent|franchissent} {le cap|la barre} des $jobs_k00.000.",
         "{Le revenu moyen|L’ARPU} par abonné {recule|baisse} de $small%, {sous l’effet|en raison} de la "
         "{concurrence|guerre des prix}.",
         "{Le régulateur|L’ANRT} {prépare|lance} {un appel|une consultation} {pour|sur} {les fréquences|"
         "le partage d’infrastructures}.",
         "{Les investissements|Les dépenses d’équipement} {des opérateurs|du secteur} {atteignent|s’élèvent "
         "à} $amount2 milliards de DH.",
         "{Le parc|Le nombre} d’abonnés {mobile|à la téléphonie mobile} {atteint|s’établit à} $amount millions, {soit|pour} un taux de pénétration de $share%.",
         "{Les offres|Les forfaits} {illimitées|data} {représentent|pèsent} {désormais|maintenant} $share% des {souscriptions|ventes}.",
         "{Le déploiement|L’extension} {vise|doit couvrir} $share% de la population {d’ici $year|à l’horizon $year}, {conformément|selon} {au cahier des charges|aux engagements pris}."),
    ),
    Topic(
        "retail", False, False, "entreprises",
        ("{Distribution|Grande distribution} : $company {ouvre|inaugure} {un magasin|un hypermarché} à $city",
         "{Consommation|Commerce} : {les ventes|le chiffre d’affaires} de $company en hausse de $pct%",
         "$company {accélère|poursuit} son {expansion|maillage} {dans le Nord|dans le Sud|en régions}"),
        ("$company {a ouvert|inaugure} {un nouveau magasin|un point de vente} {à|au cœur de} $city, "
         "{portant|ce qui porte} son réseau à $small0 {unités|enseignes}.",
         "{Le chiffre d’affaires de $company progresse|Les ventes de $company progressent} de $pct% {au $quarter "
         "trimestre|sur le semestre}."),
        ("{Les ventes à magasins comparables|Les ventes à périmètre constant} {augmentent|progressent} de $pct2%.",
         "{La marge brute|La rentabilité} {se maintient|reste stable} {malgré|en dépit de} {l’inflation|la "
         "hausse des coûts logistiques}.",
         "{Le commerce en ligne|La vente en ligne} {représente|pèse} {désormais|maintenant} $small% de "
         "l’activité.",
         "{Les ménages|Les consommateurs} {arbitrent|réduisent} {leurs dépenses|leurs achats} {non "
         "alimentaires|de loisirs}, {note|relève} {la direction|l’enseigne}.",
         "{L’enseigne|Le groupe} {prévoit|compte} {ouvrir|lancer} $small0 {magasins|points de vente} "
         "{supplémentaires|nouveaux} {d’ici $year|l’an prochain}.",
         "{Les marques de distributeur|Les produits à marque propre} {représentent|pèsent} $share% des {ventes|rayons}, {un levier|une arme} {face à|contre} {l’inflation|la concurrence}.",
         "Le commerce de proximité {reste|demeure} {dominant|majoritaire}, avec {près de|environ} $share% des dépenses {alimentaires|des ménages}.",
         "{Le groupe|L’enseigne} {emploie|compte} $jobs2 {salariés|collaborateurs} et {travaille|collabore} avec {plus de|près de} $small00 fournisseurs {locaux|marocains}."),
    ),
    Topic(
        "stock_market", False, False, "finance",
        ("Bourse de Casablanca : le MASI {gagne|perd} $small%",
         "{Marché boursier|Bourse} : {séance|semaine} {en hausse|en baisse} {portée|plombée} par $company",
         "{Bourse|MASI} : {les volumes|les échanges} {atteignent|grimpent à} $amount milliards de DH"),
        ("{Le MASI|L’indice phare} {a clôturé|termine} {la séance|la semaine} {en hausse|en baisse} de $small%, "
         "{à|pour s’établir à} $price points.",
         "{La Bourse de Casablanca|Le marché actions} {a évolué|a terminé} {en territoire positif|dans le "
         "rouge} {cette semaine|ce mardi}."),
        ("{Le volume global s’élève|Les échanges totaux s’élèvent} à $amount2 milliards de DH, "
         "{concentré|concentrés} sur {les valeurs bancaires|les cimentiers|les télécoms}.",
         "$company {signe|réalise} la {meilleure|plus forte} {performance|hausse} avec $pct2%.",
         "{La capitalisation|La capitalisation boursière} {atteint|s’établit à} $amount3 milliards de DH.",
         "{Les investisseurs|Les gestionnaires} {attendent|guettent} {les résultats semestriels|la décision "
         "de Bank Al-Maghrib|les introductions en Bourse annoncées}.",
         "{Depuis le début de l’année|En glissement annuel}, {l’indice|le MASI} {affiche|cumule} une "
         "{performance|hausse} de $pct3%.",
         "Les valeurs financières pèsent {près de|environ} $share% de la capitalisation et restent {le baromètre|le moteur} {de la cote|du marché}.",
         "{Le marché obligataire|Le compartiment obligataire} {a vu|enregistre} {des émissions|des levées} de $amount milliards de DH {depuis le début de l’année|en un trimestre}.",
         "{Les OPCVM|Les fonds actions} {ont collecté|drainent} $amount milliards de DH, {signe|preuve} d’un {regain|retour} d’intérêt {des particuliers|des institutionnels}.",
         "{Du côté|Au rayon} des {baisses|replis}, {les valeurs immobilières|les sociétés de distribution|les assureurs} {ont cédé|ont reculé de|ont perdu} {jusqu’à |}$small%, {pénalisées|plombées} par {des prises de bénéfices|des ventes d’investisseurs étrangers}.",
         "{Les intermédiaires|Les sociétés de Bourse} {évoquent|notent} {un marché sélectif|une séance sans tendance claire|des arbitrages sectoriels} {dans l’attente|en prévision} {des publications|des résultats} {trimestrielles|annuels}.",
         "{Le compartiment|Le marché} {des droits d’attribution|des obligations cotées} {a été|est resté} {peu actif|animé} {au cours de la séance|cette semaine}.",
         "{L’indice des valeurs de croissance|Le MASI Mid and Small Cap} {surperforme|sous-performe} {l’indice principal|le marché} {avec|et affiche} {une variation|un écart} de $small%."),
    ),
    Topic(
        "monetary", False, False, "economie",
        ("{Bank Al-Maghrib|BAM} {maintient|abaisse} son taux directeur à $rate%",
         "Inflation : {les prix ralentissent|l’indice des prix accélère|la hausse des prix se limite} à $small% en $month",
         "{Conjoncture|HCP} : {la croissance|l’activité} {attendue|prévue} à $growth% en $year"),
        ("{Le conseil de Bank Al-Maghrib|Bank Al-Maghrib} a décidé de {maintenir|ramener} son taux directeur "
         "à $rate%, {estimant|jugeant} que {l’inflation|la hausse des prix} {reste|demeure} {maîtrisée|modérée}.",
         "{L’indice des prix à la consommation|L’inflation} {s’établit|ressort} à $small% en $month, {selon|"
         "d’après} le HCP."),
        ("{Les prix des produits alimentaires|Les prix alimentaires} {augmentent|reculent} de $pct2%, "
         "{tandis que|alors que} {les produits non alimentaires|les services} {progressent|varient} de $small%.",
         "{La banque centrale|BAM} {prévoit|table sur} une croissance de $growth% en $year, {portée|soutenue} "
         "par {la reprise agricole|l’industrie|les investissements publics}.",
         "{Le déficit budgétaire|Le déficit du Trésor} {devrait|pourrait} {s’établir|se limiter} à $small% "
         "du PIB.",
         "{Les réserves de change|Les avoirs officiels de réserve} {couvrent|représentent} $months mois "
         "{d’importations|d’importations de biens et services}.",
         "{Le besoin de liquidité|Le déficit de liquidité} des banques {s’atténue|se creuse} à $amount "
         "milliards de DH.",
         "Les prêts au secteur non financier {progressent|augmentent} de $pct% {en glissement annuel|sur un an}, tirés par {les crédits de trésorerie|l’équipement|l’habitat}.",
         "{Le taux de chômage|Le chômage}, {estimé|évalué} à $pct% {par le HCP|au dernier trimestre}, {reste|demeure} {une préoccupation majeure|un frein pour la consommation|un point de vigilance}.",
         "{Le compte courant|Le déficit du compte courant} {devrait|pourrait} {se stabiliser|s’établir} à $small% du PIB, {grâce aux|porté par les} {transferts des MRE|recettes touristiques}.",
         "{La masse monétaire|L’agrégat M3} {progresse|augmente} de $pct% {sur un an|en glissement annuel}, {selon|d’après} {les statistiques monétaires|la banque centrale}.",
         "{Les membres du conseil ont|Le conseil a} {passé en revue|examiné} {l’évolution|la situation} {des marchés internationaux|de la conjoncture mondiale} et {les risques|les incertitudes} {géopolitiques|liés aux prix de l’énergie}.",
         "{Les taux débiteurs|Les taux appliqués aux crédits} {reculent|baissent} de $small0 points de base {au $quarter trimestre|sur le trimestre}, {selon|d’après} {l’enquête|l’enquête trimestrielle} de {BAM|la banque centrale}.",
         "{L’inflation sous-jacente|L’indicateur d’inflation sous-jacente}, qui {exclut|écarte} {les produits volatils|les prix réglementés}, {s’établit|ressort} à $small%.",
         "{Le taux moyen pondéré|Le taux interbancaire} {s’est établi|est resté} {autour de|à} $rate% {durant le mois|sur la période}, {en ligne avec|proche de} {le taux directeur|l’orientation de la politique monétaire}.",
         "{Les anticipations d’inflation|Les prévisions d’inflation} des {experts du secteur financier|industriels interrogés} {se stabilisent|reculent} à $small% {à horizon de huit trimestres|pour les prochains mois}."),
    ),
    Topic(
        "logistics", False, False, "economie",
        ("{Ports|Logistique} : {le trafic|l’activité} de {Tanger Med|$city} {progresse|bondit} de $pct%",
         "{Transport|Logistique} : $company {investit|injecte} $mdh millions de DH dans {une plateforme|"
         "un entrepôt}",
         "{Aérien|Aéroports} : {le trafic passagers|la fréquentation} {en hausse|en baisse} de $pct%"),
        ("{Le trafic|Le volume} {de conteneurs|portuaire} {a progressé|augmente} de $pct% {à fin $month|sur "
         "un an}, {selon|d’après} {l’Agence nationale des ports|l’autorité portuaire}.",
         "{Les aéroports du Royaume|Les aéroports gérés par l’ONDA} {ont accueilli|enregistrent} $amount millions de passagers "
         "{à fin $month|depuis janvier}."),
        ("{Les vracs|Les hydrocarbures|Les céréales} {représentent|pèsent} $pct2% du {tonnage|trafic} "
         "{global|total}.",
         "{Le transbordement|Le trafic de transbordement} {reste|demeure} {le moteur|le principal levier} "
         "de {la croissance|l’activité}.",
         "{La nouvelle plateforme sera opérationnelle|Le futur terminal devrait être livré} {en $year|"
         "d’ici deux ans}.",
         "{Les compagnies|Les transporteurs} {ajoutent|programment} $small0 {nouvelles lignes|liaisons} "
         "{cet hiver|pour la saison}.",
         "{La digitalisation|La dématérialisation} des {procédures|formalités} {réduit|a réduit} "
         "{les délais|le temps de passage} de $pct3%.",
         "{Les zones logistiques|Les plateformes} {de Zenata|de Mita|de Tanger} {affichent|enregistrent} un taux d’occupation de $share%, {selon|d’après} {l’agence|les gestionnaires}.",
         "{Le fret aérien|Le fret} {progresse|recule} de $pct% {à|pour} $amount milliers de tonnes, {porté|soutenu} par {les exportations de fruits rouges|le commerce électronique}.",
         "{Les transporteurs routiers|Les professionnels du transport} {dénoncent|pointent} {la hausse du gasoil|la concurrence informelle} et {réclament|demandent} {une indexation|des mesures}.",
         "{Le port|Le terminal} {a traité|a manutentionné} $amount millions de {tonnes|conteneurs EVP} {sur la période|depuis janvier}, {un volume|un niveau} {record|jamais atteint|en hausse}.",
         "{Les délais d’attente|Les temps d’escale} des {navires|porte-conteneurs} {ont diminué|ont été réduits} de $pct% {grâce à|après} {la mise en service de nouveaux portiques|l’extension des quais}."),
    ),
    Topic(
        "public_finance", False, False, "economie",
        ("{Finances publiques|Trésor} : {les recettes fiscales|les recettes} en hausse de $pct% à fin $month",
         "{Budget|Loi de finances} : {l’investissement public|les dépenses} {atteint|atteignent} $amount "
         "milliards de DH",
         "{Dette|Trésor} : {l’encours|la dette} {progresse|se stabilise} à $pct2% du PIB"),
        ("{Les recettes fiscales|Les recettes ordinaires} {progressent|augmentent} de $pct% à fin $month, "
         "{selon|d’après} la Trésorerie générale du Royaume.",
         "{Le projet de loi de finances|Le budget} {prévoit|consacre} $amount milliards de DH à "
         "{l’investissement public|la protection sociale}."),
        ("{L’impôt sur les sociétés|La TVA|L’impôt sur le revenu} {rapporte|génère} $amount2 milliards de DH, "
         "soit {une hausse|une progression} de $pct2%.",
         "{Les dépenses de fonctionnement|Les charges de personnel} {augmentent|progressent} de $small%.",
         "{Le solde ordinaire|Le déficit} {s’établit|ressort} à $amount3 milliards de DH.",
         "{Les émissions|Les levées} du Trésor sur le marché {des adjudications|domestique} {totalisent|"
         "atteignent} $amount3 milliards de DH.",
         "{La réforme fiscale|La réforme de la TVA} {entre|est entrée} dans {sa deuxième phase|sa phase finale} cette année.",
         "{Les dépenses d’investissement|Les investissements du budget général} {atteignent|s’établissent à} $amount milliards de DH, {soit|ce qui représente} $share% {des crédits ouverts|de la programmation annuelle}.",
         "{Les charges de compensation|La compensation} {reculent|baissent} de $pct%, {grâce à|en raison de} {la baisse des cours du gaz|la décompensation progressive}.",
         "{Les recettes de privatisation|Les financements innovants} {totalisent|atteignent} $amount milliards de DH, {selon|d’après} {la TGR|le ministère des Finances}.",
         "{La dette intérieure|L’encours de la dette du Trésor} {atteint|s’élève à} $amount milliards de DH, {en hausse|en progression} de $pct% {depuis janvier|sur un an}, {selon|d’après} {le bulletin|la note} {mensuel|de conjoncture} du ministère.",
         "{Les droits de douane|Les recettes douanières} {progressent|reculent} de $pct% {sous l’effet|en raison} {des accords de libre-échange|de la baisse des importations de véhicules|de la hausse des importations}.",
         "{Les collectivités territoriales|Les régions} {ont reçu|ont bénéficié de} $amount milliards de DH {au titre de|dans le cadre de} {la part de TVA|transferts du budget général}.",
         "{Le ministère|Le gouvernement} {assure|affirme} que {la trajectoire de réduction du déficit sera respectée|"
         "l’objectif de consolidation budgétaire sera tenu} {malgré|en dépit de} {la hausse des dépenses sociales|la généralisation de la protection sociale}."),
    ),
    Topic(
        "automotive", False, True, "economie",
        ("{Industrie|Automobile} : $company {crée|va créer} $jobs emplois à $city",
         "$company {investit|injecte} $mdh millions de DH dans une usine à $city",
         "{Aéronautique|Équipementiers} : $company {s’installe|s’implante} à $city"),
        ("{L’équipementier|Le groupe industriel} $company {va investir|investit} $mdh millions de DH dans "
         "{une usine|une unité de production} à $city, {qui emploiera|avec} $jobs {personnes|salariés} à terme.",
         "$company {a posé|pose} la première pierre de {son usine|son site} de $city, {un investissement|"
         "un projet} de $mdh millions de DH pour $jobs emplois."),
        ("{L’usine|Le site} {produira|fabriquera} {des faisceaux électriques|des sièges|des pièces "
         "aéronautiques|des composants} {pour|destinés à} {des constructeurs européens|l’export}.",
         "{Le démarrage de la production est prévu|La production doit démarrer} {au $quarter trimestre|en $year}.",
         "{Le taux d’intégration locale|L’intégration locale} de la filière {dépasse|atteint} $pct3%.",
         "{La proximité du port|La proximité de Tanger Med|L’accès à l’autoroute} a {pesé|compté} dans le choix "
         "{du site|de $city}.",
         "Les opérateurs {seront|sont} formés {sur place|à l’IFMIA} pendant "
         "$weeks semaines.",
         "{Le projet|Le programme} {prévoit|comprend} {aussi|également} {un centre de formation|un atelier d’ingénierie} {ouvert|destiné} {aux sous-traitants|aux PME} {locaux|de la région}.",
         "{Les exportations automobiles|Les ventes de l’automobile à l’étranger} {ont atteint|s’établissent à} $amount milliards de DH {à fin $month|sur l’année}.",
         "{La région|La zone} de $city {compte|accueille} {déjà|désormais} $small0 {équipementiers|industriels} {de la filière|du secteur}.",
         "{L’entreprise|Le groupe} {prévoit|compte} {de s’approvisionner|d’acheter} {localement|auprès de fournisseurs marocains} {pour|à hauteur de} $share% {de ses intrants|de ses achats} {à terme|d’ici trois ans}.",
         "{Le site|L’usine} {sera|devrait être} {alimenté|équipé} {en partie|à terme} par {des panneaux solaires|une centrale photovoltaïque} {installés|installée} sur {ses toitures|le site}.",
         "{La cérémonie|La signature} {s’est déroulée|a eu lieu} {en présence|sous la présidence} {du ministre de l’Industrie|du wali de la région|des responsables de la zone franche}."),
        states_jobs=True,
        states_investment=True,
    ),
    Topic(
        "offshoring_announcement", True, True, "economie",
        ("{Offshoring|Relation client|Outsourcing} : $company {ouvre|inaugure|lance} un site de $jobs "
         "emplois à $city",
         "{Centres d’appels|BPO|Nearshoring} : $company {va créer|recrute} $jobs {postes|emplois} à $city",
         "$company {investit|injecte} $mdh millions de DH dans un {centre|site} {de relation client|"
         "nearshore|de services IT} à $city"),
        ("{L’opérateur|Le groupe|Le spécialiste} {de relation client|d’externalisation|des services "
         "informatiques} $company {va investir|investit} $mdh millions de DH {dans|pour} un {nouveau site|"
         "centre} à $city, qui {emploiera|comptera} $jobs {personnes|collaborateurs} à terme.",
         "$company a {signé|conclu} {une convention|un mémorandum d’entente} avec {l’AMDIE|le Centre régional d’investissement|le ministère} pour {l’ouverture|la création} "
         "{d’un centre|d’un site} {de $jobs emplois|employant $jobs personnes} à $city, {un investissement|"
         "un projet} de $mdh millions de DH."),
        ("{Le site|Le centre|Le plateau} {sera|doit être} {installé|aménagé} {dans|au sein de} "
         "{la technopole|la zone offshore|la zone d’activités} de $city, sur $small0{.000| 000} m².",
         "{Les premiers recrutements|Les recrutements} {débuteront|démarreront|sont prévus} {en $month|"
         "dès le $quarter trimestre}, {avec|pour} {une première vague|un premier contingent} de $small00 "
         "{conseillers|ingénieurs|téléconseillers}.",
         "{L’activité|Le centre} {portera sur|sera consacré à} {la relation client|le back-office|le "
         "développement logiciel|le support technique} {pour des clients|pour le compte de donneurs "
         "d’ordre} {francophones|européens|hispanophones}.",
         "{Le projet|L’investissement} {bénéficie|profite} des {incitations|aides} de l’offre Maroc "
         "Offshoring, {notamment|dont} {la prise en charge|le financement} {de la formation|d’une "
         "partie des coûts de formation}.",
         "« {Nous avons choisi|Nous misons sur|Nous faisons le pari de} $city pour {la qualité|le vivier} "
         "{de ses diplômés|de ses talents} », {a déclaré|souligne} $person, {directeur général|PDG} de "
         "$company.",
         "{Le groupe|L’opérateur} {emploie|compte} {déjà|actuellement} $jobs2 {salariés|collaborateurs} "
         "{au Maroc|dans le Royaume}, {répartis|implantés} entre $hub et {Casablanca|Rabat}.",
         "{Un partenariat|Une convention} {avec|conclue avec} {l’université|l’OFPPT|une école d’ingénieurs} de $city {prévoit|organise} {un cursus rémunéré|une formation certifiante} de $small00 heures.",
         "{Le marché des donneurs d’ordre|Le carnet de commandes des clients} {européens|francophones} {reste|demeure} {porteur|dynamique}, {selon|d’après} $person.",
         "{Les autorités régionales saluent|Le conseil régional salue} un projet {structurant|créateur d’emplois qualifiés} pour {la ville|$city}."),
        states_jobs=True,
        states_investment=True,
    ),
    Topic(
        "offshoring_sector", True, False, "economie",
        ("{Offshoring|Externalisation} : {le secteur|les exportations} {progresse|progressent} de $pct%",
         "{Centres d’appels|Outsourcing} : {le secteur face à|la filière confrontée à} {la pénurie|la "
         "rareté} de profils",
         "{Offshoring|BPO} : {les salaires|la rotation du personnel} {en hausse|au cœur des débats}"),
        ("Les exportations du secteur de l’offshoring {atteignent|totalisent} "
         "$amount milliards de DH, {selon|d’après} {le ministère de l’Industrie|la fédération du secteur}.",
         "{Les opérateurs|Les professionnels} {des centres d’appels|de l’outsourcing} {alertent|s’inquiètent} "
         "{de la difficulté|des difficultés} à {recruter|fidéliser} des profils {bilingues|qualifiés}."),
        ("{La relation client|Le CRM} {reste|demeure} {le premier employeur|l’activité dominante} du secteur, "
         "{avec|soit} $share% des effectifs.",
         "Les services informatiques (ITO) {gagnent|prennent} du terrain et {représentent|pèsent} $pct3% "
         "des {exportations|revenus}.",
         "{Le taux de rotation|Le turnover} {dépasse|atteint} $pct2% {par an|dans certains centres}, "
         "{selon|d’après} {une étude|une enquête} {sectorielle|de la fédération}.",
         "{L’automatisation réduit|Les agents conversationnels menacent} {les volumes d’appels simples|"
         "une partie des tâches}, {note|relève} $person.",
         "{La feuille de route|La stratégie} du secteur {vise|fixe un objectif de} $jobs_k00.000 emplois "
         "{à l’horizon|d’ici} 2030.",
         "Aucun nouveau projet {n’a été annoncé|n’a été dévoilé} {lors de|à l’occasion de} "
         "{la rencontre|cette réunion}, {consacrée|dédiée} {au bilan|à l’évaluation} {des dispositifs|du "
         "secteur}.",
         "{Les effectifs|Les emplois} du secteur {dépassent|atteignent} {désormais|aujourd’hui} $jobs_k00.000 {salariés|personnes}, {selon|d’après} {les derniers chiffres|le ministère}.",
         "{Les salaires d’entrée|Les rémunérations de départ} {progressent|augmentent} de $pct% {sur un an|en deux ans}, {sous la pression|en raison} de la {concurrence|rareté des profils}.",
         "{Casablanca et Rabat|L’axe Casablanca-Rabat} {concentrent|regroupent} {toujours|encore} $share% des {emplois|sites}, {devant|loin devant} {Fès|Tanger|Marrakech}.",
         "{Les opérateurs|Les centres} {installés|implantés} {dans les zones offshore|dans les technopoles} {bénéficient|profitent} {d’un cadre incitatif|d’incitations fiscales} {qui a été|récemment} {prolongé|révisé} {par les pouvoirs publics|en $prevyear}.",
         "{Une étude|Un rapport} {du cabinet|réalisé par le cabinet} {Atlas Advisory|Noria Conseil|Sahel Consulting} {estime|évalue} {le potentiel|la marge de progression} du secteur à $pct% {de croissance annuelle|par an} {jusqu’en $year|sur cinq ans}.",
         "{La part des clients francophones|La dépendance au marché français} {recule|diminue} {lentement|progressivement}, {au profit|à la faveur} {de donneurs d’ordre espagnols et allemands|des marchés anglophones}.",
         "{Les salaires|Les rémunérations} {moyens|médians} {des conseillers|des téléconseillers} {oscillent|se situent} {entre|autour de} {4.500 et 6.000 DH|5.000 DH} {bruts|nets} {par mois|mensuels}, {selon|d’après} {la même source|l’enquête}."),
    ),
    Topic(
        "offshoring_recruitment", True, True, "economie",
        ("{Centres d’appels|Relation client} : $company recrute $jobs {téléconseillers|conseillers} à $city",
         "{Emploi|Offshoring} : $company lance le recrutement de $jobs {conseillers|collaborateurs} à $city",
         "$company {va embaucher|embauchera} $jobs {personnes|jeunes diplômés} dans son centre de $city"),
        ("{Le centre de relation client|L’opérateur d’externalisation} $company {a lancé|lance} une campagne "
         "de recrutement de $jobs {conseillers|téléconseillers} {pour son site|pour son centre} de $city, "
         "{afin d’accompagner|pour répondre à} {la hausse de ses volumes|l’arrivée de nouveaux clients}.",
         "$company {annonce|a annoncé} {la création de|l’ouverture de} $jobs {postes|emplois} "
         "{supplémentaires|nouveaux} dans son centre {d’appels|de contacts} de $city d’ici {la fin de "
         "l’année|l’été prochain}."),
        ("{Les candidats retenus|Les nouvelles recrues} {suivront une formation|bénéficieront d’un "
         "parcours d’intégration} de $weeks semaines {avant leur prise de poste|en alternance}.",
         "{Les profils recherchés|Les postes proposés} {concernent|visent} {des bacheliers|des diplômés "
         "bac+2} {maîtrisant le français|parlant couramment l’espagnol|à l’aise en anglais}.",
         "{Des journées portes ouvertes|Des sessions de recrutement} {seront organisées|se tiendront} "
         "{chaque samedi|en $month} {au siège|sur le site} de {l’opérateur|la société}.",
         "{Ces postes|Ces emplois} {serviront|sont destinés à} {des clients|des donneurs d’ordre} "
         "{du secteur de l’énergie|de la téléphonie|du commerce en ligne} {en France|en Belgique|en Espagne}.",
         "« {Nous recrutons localement|Notre priorité est l’emploi local} et {nous formons|nous "
         "accompagnons} {nos équipes|nos conseillers} {vers l’encadrement|dans la durée} », {explique|"
         "indique} $person, {responsable des ressources humaines|DRH} de $company."),
        states_jobs=True,
    ),
    Topic(
        "offshoring_expansion", True, True, "economie",
        ("{Offshoring|Nearshoring} : $company investit $mdh millions de DH {à|dans son site de} $city",
         "$company {injecte|consacre} $mdh millions de DH à {l’extension|la modernisation} de son centre "
         "de $city",
         "{Nearshoring|Outsourcing} : $company {agrandit|modernise} son site de $city pour $mdh millions de DH"),
        ("{Le prestataire de services informatiques nearshore|L’opérateur de relation client offshore} $company {va "
         "consacrer|consacre} $mdh millions de DH à {l’extension|la modernisation} de son {centre|site} "
         "de $city, {a-t-on appris|selon un communiqué de la société}.",
         "$company {a annoncé|annonce} un investissement de $mdh millions de DH {dans|pour} "
         "{son centre de services offshore|son plateau d’outsourcing} de $city, qui {travaille|opère} "
         "pour des clients européens."),
        ("{L’enveloppe|Le budget} {financera|couvrira} {un nouveau bâtiment|un étage supplémentaire|"
         "l’aménagement de $small0.000 m²} {ainsi que|et} {des équipements de sécurité|une infrastructure "
         "réseau redondante}.",
         "{Les travaux|Les aménagements} {démarreront|doivent démarrer} {en $month|au $quarter trimestre} et "
         "{s’achèveront|devraient s’achever} {en $year|d’ici dix-huit mois}.",
         "{Le site|Le centre} {accueille|héberge} {déjà|actuellement} {des équipes|des activités} {de "
         "développement|de support technique|de back-office} {pour des clients|au service de groupes} "
         "{européens|francophones}.",
         "{Selon|D’après} $person, {directeur du site|directeur général de $company}, {cet investissement|"
         "ce projet} {doit permettre|permettra} de {monter en gamme|proposer des services à plus forte "
         "valeur ajoutée}.",
         "{L’opération|Le projet} {s’appuie|repose} sur {les incitations|le dispositif} de l’offre Maroc "
         "Offshoring {et|ainsi que sur} {un financement bancaire local|les fonds propres du groupe}.",
         "{Cette opération|Ce projet} {intervient|arrive} {quelques mois|un an} après {le renouvellement|la signature} {d’un contrat pluriannuel|de nouveaux contrats} avec {un groupe bancaire|un assureur|un opérateur télécoms} {européen|français|belge}.",
         "{Le groupe|La société} {n’a pas précisé|ne communique pas} {l’impact|les effets} de {cet investissement|ce projet} sur {ses effectifs|le nombre de postes}, {indiquant|se contentant d’indiquer} {vouloir|qu’il souhaite} {améliorer la qualité de service|renforcer la sécurité des données}.",
         "{La modernisation|L’extension} {porte|portera} {aussi|également} sur {les outils d’analyse des conversations|l’intelligence artificielle appliquée au support|la certification ISO 27001} {du site|des équipes}.",
         "{La région|Les autorités régionales} {voient|perçoivent} dans {ce projet|cette extension} {un signal positif|un gage de confiance} {pour l’attractivité|quant à l’attractivité} de $city."),
        states_investment=True,
    ),
    Topic(
        "offshoring_cuts", True, False, "economie",
        ("{Centres d’appels|Relation client} : $company supprime $jobs postes à $city",
         "$company {ferme|va fermer} son centre d’appels de $city",
         "{Offshoring|Outsourcing} : {inquiétude|colère} des salariés de $company à $city"),
        ("{L’opérateur|Le centre d’appels} $company {a annoncé|annonce} la suppression de $jobs postes "
         "{dans son site|sur son plateau} de $city, {à la suite de|après} {la perte d’un contrat|la "
         "fin d’un contrat} {majeur|important}.",
         "{Les salariés|Les conseillers} de $company à $city {ont appris|viennent d’apprendre} {la fermeture "
         "progressive|l’arrêt programmé} {de leur site|de l’activité}, qui {emploie|compte} "
         "$jobs personnes."),
        ("{La direction|Le groupe} {invoque|met en avant} {la baisse des volumes|l’automatisation des "
         "appels|la délocalisation vers d’autres pays} {chez son principal client|dans le secteur}.",
         "{Les syndicats|Les représentants du personnel} {dénoncent|contestent} {une décision brutale|le "
         "calendrier annoncé} et {réclament|demandent} {un plan de reclassement|des indemnités}.",
         "Des reclassements {vers d’autres sites|vers Casablanca} {seront proposés|sont "
         "envisagés} {à une partie du personnel|aux salariés volontaires}, {selon|d’après} la direction.",
         "{L’inspection du travail suit|Les autorités locales suivent} {le dossier|la situation} "
         "{de près|avec attention}.",
         "{Ce cas|Cette annonce} {illustre|rappelle} {la dépendance|la fragilité} {des centres d’appels|"
         "de certains opérateurs} {à un petit nombre de clients|face à l’automatisation}.",
         "{Selon|D’après} {un délégué syndical|un représentant du personnel}, {les salariés|les conseillers} {n’ont été informés|ont été prévenus} {que la veille|par courriel|lors d’une réunion express}, {ce qui a suscité|provoquant} {une vive émotion|la colère} {sur le plateau|dans les équipes}.",
         "{Le site|Le plateau} de $city, {ouvert|inauguré} en $prevyear, {avait déjà connu|avait traversé} {une première vague de départs|un plan de réduction d’effectifs} {il y a deux ans|lors de la crise sanitaire}.",
         "{La fédération du secteur|Les représentants de la profession} {relativise|relativisent} {l’ampleur du phénomène|la portée de cette annonce}, {rappelant|soulignant} que {d’autres opérateurs|plusieurs concurrents} {continuent de recruter|poursuivent leurs embauches} {dans la même ville|dans la région}.",
         "{Une réunion|Une séance de conciliation} {est prévue|doit se tenir} {la semaine prochaine|dans les prochains jours} {à la préfecture|au siège de la province|à la délégation de l’emploi}."),
    ),
)

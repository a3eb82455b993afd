"""Seed article 003 (Médias24, 20 April 2022), the product's own seed data.

Reused verbatim so the replica can republish it under other boilerplate: the
dedup stage must recognise it as an already-known story.
"""

SEED_003_TITLE = 'Outsourcing : plus de 5.000 nouveaux emplois directs à l’horizon 2026'

SEED_003_LEAD = (
    'Quatre mémorandums d’entente relatifs à des projets d’investissement dans le secteur de l’outsourcing ont été signés à Casablanca. Ils visent à créer 5.050 emplois directs et stables d’ici 2026 à Tanger, Fès, Rabat, Agadir et Casablanca.'
)

SEED_003_PARAGRAPHS = [
    'La cérémonie de signature des quatre mémorandums a été présidée, ce mercredi 20 avril au sein du pôle Casaneashore, par le ministre de l’Industrie et du commerce, Ryad Mezzour, et la ministre de la Transition numérique et de la réforme de l’administration, Ghita Mezzour.',
    'Ces mémorandums prévoient la mise en place de projets d’investissement dans le secteur de l’outsourcing. Ils visent à créer 5.050 emplois directs et stables à l’horizon 2026\xa0sur plusieurs sites d’outsourcing dans le Royaume, notamment Tanger, Fès, Rabat, Casablanca et Agadir.',
    'Une enveloppe budgétaire de 65 millions de DH sera investie dans ce sens, lit-on dans un communiqué du ministère de l’Industrie et du commerce.',
    'A travers ces mémorandums d’entente, quatre opérateurs internationaux dans le secteur de l’outsourcing vont développer leurs activités au Maroc. Il s’agit de :',
    'Ces investissements touchent plusieurs écosystèmes de l’outsourcing, notamment le BPO, qui concerne l’activité d’externalisation des processus d’une entreprise, ou l’ITO (Information technology outsourcing), qui porte sur l’externalisation des métiers liés aux technologies de l’information et de la communication (TIC). D’autres filières sont concernées par ces écosystèmes : l’ESO (Engineering service outsourcing), qui couvre les activités d’ingénierie et de R&D, et le KPO (Knowledge process outsourcing); qui porte sur l’externalisation des activités stratégiques ayant un contenu "savoir" (analyse des données sectorielles).',
    'En pleine croissance dans le Royaume, le secteur de l’outsourcing emploie actuellement plus de 120.000 personnes. Son chiffre d’affaires à l’export s’élève à 13 milliards de DH en\xa02021, conclut le communiqué du ministère.',
]

SEED_003_BULLETS = [
    'NTT Data Morocco, société spécialisée dans le service d’ingénierie informatique, qui s’engage à créer 1.000 emplois.',
    'Phoneo, qui s’engage à créer 2.000 emplois. Il s’agit d’une société spécialisée dans les domaines du BPO (Business process outsourcing), du Front Office (appels entrants et sortants, e-mails, SMS) et du Back Office (saisie et traitement des données).',
    'Cnexia, qui devra mettre en place 1.750 emplois. Basée à Fès, la société est spécialisée dans la relation client.',
    'Eids Maroc, dont le secteur d’activité porte sur la gestion commerciale et la fourniture de prestations outsourcing. Elle s’engage à créer 300 emplois.',
]

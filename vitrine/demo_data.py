# ruff: noqa: E501 - demo texts read best on one line each
"""Demo projects of the Vitrine, drawn from the strategy's measures (../shared/seeds).

One project per measure of the strategy and a few more; each has its French and
English texts, its organizations, themes, phase, one or two expected benefits with
their measured values, and the call for projects of the open-data challenge.
"""

# Each benefit: (description fr/en, indicator fr/en, unit fr/en, estimate,
# expected by (year, month), measured values by quarter from the start).
B = dict

PROJECTS = [
    {
        "measure": 1,
        "orgs": ["sct"],
        "themes": ["donnees"],
        "phase": "live",
        "start": (2024, 2),
        "a11y": "compliant",
        "featured": False,
        "fr": (
            "Dites-le-nous une fois",
            "Les citoyens ne fournissent plus plusieurs fois les mêmes renseignements aux ministères, grâce au nouveau cadre légal.",
        ),
        "en": (
            "Tell us once",
            "Citizens no longer give the same information several times to departments, thanks to the new legal framework.",
        ),
        "slug": ("dites-le-nous-une-fois", "tell-us-once"),
        "benefits": [
            B(
                fr=(
                    "Moins de formulaires à remplir",
                    "Formulaires supprimés",
                    "formulaires",
                ),
                en=("Fewer forms to fill in", "Forms removed", "forms"),
                estimate=40,
                by=(2026, 12),
                values=[8, 15, 24, 31, 38],
            )
        ],
    },
    {
        "measure": 2,
        "orgs": ["sct", "cqen"],
        "themes": ["agilite", "accessibilite"],
        "phase": "live",
        "start": (2024, 4),
        "a11y": "compliant",
        "featured": True,
        "fr": (
            "Standard des pratiques numériques",
            "Un standard commun publié pour concevoir des services centrés sur les personnes.",
        ),
        "en": (
            "Digital practices standard",
            "A common standard published to design services centred on people.",
        ),
        "slug": ("standard-des-pratiques", "digital-practices-standard"),
        "benefits": [
            B(
                fr=(
                    "Projets qui appliquent le standard",
                    "Part des projets conformes",
                    "%",
                ),
                en=(
                    "Projects that follow the standard",
                    "Share of compliant projects",
                    "%",
                ),
                estimate=80,
                by=(2026, 6),
                values=[20, 35, 48, 61, 70],
            )
        ],
    },
    {
        "measure": 3,
        "orgs": ["cqen"],
        "themes": ["culture-numerique"],
        "phase": "live",
        "start": (2024, 1),
        "a11y": "partial",
        "featured": False,
        "fr": (
            "Accompagnement des organismes publics",
            "Une équipe d’experts accompagne les organismes dans leurs projets numériques.",
        ),
        "en": (
            "Support for public bodies",
            "A team of experts supports public bodies in their digital projects.",
        ),
        "slug": ("accompagnement-des-organismes", "support-for-public-bodies"),
        "benefits": [
            B(
                fr=("Organismes accompagnés", "Organismes accompagnés", "organismes"),
                en=("Public bodies supported", "Public bodies supported", "bodies"),
                estimate=60,
                by=(2026, 3),
                values=[12, 25, 37, 52, 64],
            )
        ],
    },
    {
        "measure": 4,
        "orgs": ["atn-ulaval", "enap"],
        "themes": ["culture-numerique"],
        "phase": "live",
        "start": (2024, 3),
        "a11y": "compliant",
        "featured": True,
        "fr": (
            "Parcours de formation numérique",
            "Des formations en ligne pour tout le personnel de l’État, offertes avec l’Académie et l’ENAP.",
        ),
        "en": (
            "Digital learning paths",
            "Online courses for all public servants, offered with the Academy and ENAP.",
        ),
        "slug": ("parcours-de-formation", "digital-learning-paths"),
        "benefits": [
            B(
                fr=("Personnel formé au numérique", "Personnes formées", "personnes"),
                en=("Staff trained in digital skills", "People trained", "people"),
                estimate=5000,
                by=(2026, 12),
                values=[600, 1400, 2300, 3100, 3900],
            )
        ],
    },
    {
        "measure": 5,
        "orgs": ["cqen"],
        "themes": ["recherche-utilisateur"],
        "phase": "building",
        "start": (2025, 1),
        "a11y": "not_assessed",
        "featured": False,
        "fr": (
            "Laboratoire d’essai des services publics",
            "Des citoyens testent les services avant leur mise en ligne.",
        ),
        "en": (
            "Public services test lab",
            "Citizens test services before they go live.",
        ),
        "slug": ("laboratoire-d-essai", "test-lab"),
        "benefits": [
            B(
                fr=("Services testés avec des citoyens", "Services testés", "services"),
                en=("Services tested with citizens", "Services tested", "services"),
                estimate=30,
                by=(2027, 3),
                values=[4, 9],
            )
        ],
    },
    {
        "measure": 6,
        "orgs": ["sct"],
        "themes": ["intelligence-artificielle"],
        "phase": "exploration",
        "start": (2025, 5),
        "a11y": "not_assessed",
        "featured": False,
        "fr": (
            "Intelligence artificielle responsable",
            "Un cadre pour introduire l’intelligence artificielle de façon responsable dans l’administration.",
        ),
        "en": (
            "Responsible artificial intelligence",
            "A framework to bring artificial intelligence responsibly into the administration.",
        ),
        "slug": ("ia-responsable", "responsible-ai"),
        "benefits": [
            B(
                fr=(
                    "Projets d’IA évalués",
                    "Évaluations d’impact réalisées",
                    "évaluations",
                ),
                en=("AI projects assessed", "Impact assessments done", "assessments"),
                estimate=25,
                by=(2027, 6),
                values=[3],
            )
        ],
    },
    {
        "measure": 7,
        "orgs": ["cqen"],
        "themes": ["donnees"],
        "phase": "building",
        "start": (2025, 2),
        "a11y": "partial",
        "featured": False,
        "fr": (
            "Rappels par courriel et texto",
            "Une plateforme commune envoie les rappels des services publics, avec le consentement des citoyens.",
        ),
        "en": (
            "Email and text reminders",
            "A shared platform sends public services’ reminders, with citizens’ consent.",
        ),
        "slug": ("rappels-courriel-texto", "email-text-reminders"),
        "benefits": [
            B(
                fr=(
                    "Rendez-vous manqués évités",
                    "Baisse des rendez-vous manqués",
                    "%",
                ),
                en=("Missed appointments avoided", "Drop in missed appointments", "%"),
                estimate=30,
                by=(2026, 12),
                values=[5, 11, 16],
            )
        ],
    },
    {
        "measure": 8,
        "orgs": ["sct"],
        "themes": ["culture-numerique"],
        "phase": "live",
        "start": (2025, 1),
        "a11y": "compliant",
        "featured": True,
        "fr": (
            "Vitrine numériQc",
            "Un carrefour où les organismes publics montrent leurs réalisations numériques.",
        ),
        "en": (
            "numériQc Showcase",
            "A hub where public bodies show their digital achievements.",
        ),
        "slug": ("vitrine-numeriqc-projet", "numeriqc-showcase-project"),
        "benefits": [
            B(
                fr=("Projets partagés", "Projets publiés", "projets"),
                en=("Projects shared", "Projects published", "projects"),
                estimate=50,
                by=(2026, 12),
                values=[10, 20, 28],
            )
        ],
    },
    {
        "measure": 9,
        "orgs": ["cqen"],
        "themes": ["recherche-utilisateur"],
        "phase": "live",
        "start": (2024, 9),
        "a11y": "compliant",
        "featured": False,
        "fr": (
            "Votre avis sur nos services",
            "Un outil de rétroaction présent sur les services publics pour recueillir l’avis des citoyens.",
        ),
        "en": (
            "Your say on our services",
            "A feedback tool on public services that gathers citizens’ opinions.",
        ),
        "slug": ("votre-avis", "your-say"),
        "benefits": [
            B(
                fr=(
                    "Satisfaction envers les services",
                    "Satisfaction moyenne",
                    "sur 5",
                ),
                en=("Satisfaction with services", "Average satisfaction", "out of 5"),
                estimate=4.2,
                by=(2026, 12),
                values=[3.6, 3.7, 3.9, 4.0],
            )
        ],
    },
    {
        "measure": 10,
        "orgs": ["sct"],
        "themes": ["recherche-utilisateur"],
        "phase": "building",
        "start": (2025, 3),
        "a11y": "partial",
        "featured": False,
        "fr": (
            "Consultations publiques en ligne",
            "Une plateforme pour consulter la population et publier ce qu’on en retient.",
        ),
        "en": (
            "Online public consultations",
            "A platform to consult the public and publish what was learnt.",
        ),
        "slug": ("consultations-en-ligne", "online-consultations"),
        "benefits": [
            B(
                fr=("Participation aux consultations", "Réponses reçues", "réponses"),
                en=(
                    "Participation in consultations",
                    "Responses received",
                    "responses",
                ),
                estimate=20000,
                by=(2027, 3),
                values=[1500, 4800],
            )
        ],
    },
    {
        "measure": 11,
        "orgs": ["sct"],
        "themes": ["cybersecurite"],
        "phase": "live",
        "start": (2024, 5),
        "a11y": "not_assessed",
        "featured": False,
        "fr": (
            "Cybersécurité des organismes",
            "De l’encadrement et des exercices pour renforcer la cybersécurité des organismes publics.",
        ),
        "en": (
            "Cybersecurity of public bodies",
            "Guidance and drills to strengthen the cybersecurity of public bodies.",
        ),
        "slug": ("cybersecurite-des-organismes", "cybersecurity-of-public-bodies"),
        "benefits": [
            B(
                fr=(
                    "Délai de correction des vulnérabilités",
                    "Jours gagnés pour corriger",
                    "jours",
                ),
                en=("Time to fix vulnerabilities", "Days saved to fix", "days"),
                estimate=20,
                by=(2026, 6),
                values=[4, 9, 13, 17, 21],
            )
        ],
    },
    {
        "measure": 12,
        "orgs": ["itq"],
        "themes": ["infonuagique"],
        "phase": "building",
        "start": (2024, 10),
        "a11y": "not_assessed",
        "featured": False,
        "fr": (
            "Migration vers l’infonuage",
            "Les systèmes des organismes migrent vers l’infonuagique gouvernementale.",
        ),
        "en": (
            "Move to the cloud",
            "Public bodies’ systems move to the government cloud.",
        ),
        "slug": ("migration-infonuage", "move-to-the-cloud"),
        "benefits": [
            B(
                fr=("Systèmes migrés", "Part des systèmes migrés", "%"),
                en=("Systems moved", "Share of systems moved", "%"),
                estimate=80,
                by=(2027, 12),
                values=[10, 18, 27, 33],
            )
        ],
    },
    {
        "measure": 13,
        "orgs": ["itq", "sct"],
        "themes": ["donnees", "cybersecurite"],
        "phase": "exploration",
        "start": (2025, 4),
        "a11y": "not_assessed",
        "featured": False,
        "fr": (
            "Échange sécurisé des données",
            "Une plateforme pour que les organismes échangent des données de façon sécurisée.",
        ),
        "en": (
            "Secure data exchange",
            "A platform for public bodies to exchange data securely.",
        ),
        "slug": ("echange-securise-des-donnees", "secure-data-exchange"),
        "benefits": [
            B(
                fr=(
                    "Échanges de données automatisés",
                    "Échanges automatisés",
                    "échanges",
                ),
                en=("Automated data exchanges", "Automated exchanges", "exchanges"),
                estimate=100,
                by=(2027, 12),
                values=[],
            )
        ],
    },
    {
        "measure": 14,
        "orgs": ["sct"],
        "themes": ["donnees"],
        "phase": "exploration",
        "start": (2025, 6),
        "a11y": "not_assessed",
        "featured": False,
        "fr": (
            "Architecture de l’information",
            "Un modèle commun de l’information gouvernementale pour mieux la partager.",
        ),
        "en": (
            "Information architecture",
            "A shared model of government information to share it better.",
        ),
        "slug": (
            "architecture-de-l-information-projet",
            "information-architecture-project",
        ),
        "benefits": [
            B(
                fr=("Données de référence décrites", "Jeux de données décrits", "jeux"),
                en=("Reference data described", "Datasets described", "datasets"),
                estimate=200,
                by=(2027, 6),
                values=[],
            )
        ],
    },
    {
        "measure": 15,
        "orgs": ["sct"],
        "themes": ["donnees"],
        "phase": "live",
        "start": (2025, 1),
        "a11y": "compliant",
        "featured": False,
        "fr": (
            "Baromètre numériQc",
            "Un outil visuel qui montre où en est la stratégie par rapport à ses cibles.",
        ),
        "en": (
            "numériQc Barometer",
            "A visual tool that shows where the strategy stands against its targets.",
        ),
        "slug": ("barometre-numeriqc-projet", "numeriqc-barometer-project"),
        "benefits": [
            B(
                fr=(
                    "Indicateurs suivis publiquement",
                    "Indicateurs publiés",
                    "indicateurs",
                ),
                en=(
                    "Indicators followed in public",
                    "Indicators published",
                    "indicators",
                ),
                estimate=10,
                by=(2026, 3),
                values=[4, 7, 10],
            )
        ],
    },
    {
        "measure": 16,
        "orgs": ["sct"],
        "themes": ["agilite"],
        "phase": "building",
        "start": (2025, 2),
        "a11y": "not_assessed",
        "featured": False,
        "fr": (
            "Gestion des bénéfices",
            "Un cadre et des outils pour estimer puis mesurer les bénéfices des projets numériques.",
        ),
        "en": (
            "Benefits management",
            "A framework and tools to estimate, then measure, the benefits of digital projects.",
        ),
        "slug": ("gestion-des-benefices", "benefits-management"),
        "benefits": [
            B(
                fr=(
                    "Projets dont les bénéfices sont mesurés",
                    "Part des projets mesurés",
                    "%",
                ),
                en=(
                    "Projects whose benefits are measured",
                    "Share of projects measured",
                    "%",
                ),
                estimate=75,
                by=(2026, 12),
                values=[15, 32, 45],
            )
        ],
    },
    {
        "measure": 12,
        "orgs": ["itq"],
        "themes": ["infonuagique"],
        "phase": "retired",
        "start": (2023, 1),
        "a11y": "partial",
        "featured": False,
        "fr": (
            "Ancien centre de traitement",
            "Le centre de traitement régional a été fermé après la migration de ses systèmes.",
        ),
        "en": (
            "Former data centre",
            "The regional data centre was closed after its systems moved.",
        ),
        "slug": ("ancien-centre-de-traitement", "former-data-centre"),
        "benefits": [
            B(
                fr=("Coûts d’exploitation évités", "Économies annuelles", "k$"),
                en=("Running costs avoided", "Yearly savings", "k$"),
                estimate=1200,
                by=(2025, 6),
                values=[300, 700, 1100, 1350],
            )
        ],
    },
    {
        "measure": 9,
        "orgs": ["cqen"],
        "themes": ["accessibilite"],
        "phase": "idea",
        "start": (2025, 9),
        "a11y": "not_assessed",
        "featured": False,
        "fr": (
            "Formulaires en langage clair",
            "Réécrire les formulaires les plus utilisés dans un langage clair et accessible.",
        ),
        "en": (
            "Forms in plain language",
            "Rewrite the most used forms in clear and accessible language.",
        ),
        "slug": ("formulaires-langage-clair", "plain-language-forms"),
        "benefits": [
            B(
                fr=("Appels au centre de contact évités", "Baisse des appels", "%"),
                en=("Calls to the contact centre avoided", "Drop in calls", "%"),
                estimate=15,
                by=(2027, 6),
                values=[],
            )
        ],
    },
    {
        "measure": 4,
        "orgs": ["enap"],
        "themes": ["culture-numerique", "agilite"],
        "phase": "live",
        "start": (2024, 8),
        "a11y": "compliant",
        "featured": False,
        "fr": (
            "Communauté de pratique agile",
            "Une communauté où les équipes publiques partagent leurs façons de travailler en mode agile.",
        ),
        "en": (
            "Agile community of practice",
            "A community where public teams share how they work in an agile way.",
        ),
        "slug": ("communaute-agile", "agile-community"),
        "benefits": [
            B(
                fr=("Membres actifs", "Membres actifs", "personnes"),
                en=("Active members", "Active members", "people"),
                estimate=800,
                by=(2026, 6),
                values=[150, 320, 510, 690, 840],
            )
        ],
    },
    {
        "measure": 13,
        "orgs": ["sct"],
        "themes": ["donnees"],
        "phase": "idea",
        "start": (2025, 10),
        "a11y": "not_assessed",
        "featured": False,
        "fr": (
            "Données ouvertes des projets",
            "Publier en données ouvertes l’état et les bénéfices des projets numériques.",
        ),
        "en": (
            "Open data on projects",
            "Publish the state and benefits of digital projects as open data.",
        ),
        "slug": ("donnees-ouvertes-projets", "open-data-on-projects"),
        "benefits": [
            B(
                fr=(
                    "Réutilisations des données",
                    "Réutilisations recensées",
                    "réutilisations",
                ),
                en=("Reuses of the data", "Reuses recorded", "reuses"),
                estimate=20,
                by=(2027, 12),
                values=[],
            )
        ],
    },
]

MILESTONES = [
    # phase reached, months after the start, French, English
    ("idea", 0, "Idée retenue", "Idea selected"),
    ("exploration", 3, "Exploration avec les usagers", "Exploration with users"),
    ("building", 7, "Début de la réalisation", "Building started"),
    ("live", 12, "Mise en service", "Service launched"),
    ("retired", 24, "Fin du service", "Service retired"),
]

INDEX = {
    "fr": {
        "title": "Vitrine numériQc",
        "slug": "vitrine",
        "summary": "Les réalisations numériques des organismes publics : où elles en sont et ce qu’elles rapportent.",
        "next": "Aucune consultation sur les prochaines actions n’est ouverte pour le moment. Revenez bientôt : nous vous demanderons quoi faire ensuite.",
    },
    "en": {
        "title": "numériQc Showcase",
        "slug": "showcase",
        "summary": "The digital achievements of public bodies: how far they have come and what they bring.",
        "next": "No consultation about the next actions is open at the moment. Come back soon: we will ask you what to do next.",
    },
}

CALL = {
    "organization": "sct",
    "fr": {
        "title": "Défi données ouvertes numériQc",
        "slug": "defi-donnees-ouvertes",
        "summary": "Proposez un projet qui réutilise les données ouvertes du gouvernement.",
        "eligibility": "Toute équipe de une à cinq personnes résidant au Québec : étudiants, entreprises, organismes communautaires.",
        "prizes": "Premier prix : 10 000 $. Deuxième prix : 5 000 $. Prix du public : 2 500 $.",
    },
    "en": {
        "title": "numériQc open data challenge",
        "slug": "open-data-challenge",
        "summary": "Propose a project that reuses the government’s open data.",
        "eligibility": "Any team of one to five people living in Québec: students, businesses, community groups.",
        "prizes": "First prize: $10,000. Second prize: $5,000. People’s choice: $2,500.",
    },
}

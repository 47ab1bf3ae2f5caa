# ruff: noqa: E501 - demo text reads best one entry a line
"""Demo training offer drawn from measure 4 of the strategy: the Académie de la
transformation numérique (Université Laval) trains the public service, ENAP trains
executives in digital governance. French first, English translations beside.

Each course: (slug fr, slug en, provider, themes, level, format, audience,
languages, hours, cost, certificate, (title fr, title en), (summary fr, summary en),
[(objective fr, objective en), ...]).
"""

from collections import namedtuple

CourseEntry = namedtuple(
    "CourseEntry",
    "slug_fr slug_en provider_slug theme_slugs level format_ audience languages "
    "hours cost certificate titles summaries objectives",
)

ACADEMY = "atn-ulaval"
ENAP = "enap"

CATALOGUE = {
    "fr": {
        "title": "Offre de formation sur le numérique",
        "slug": "formation",
        "summary": (
            "Les formations de l’Académie de la transformation numérique et de l’ENAP "
            "pour développer les compétences numériques de la fonction publique."
        ),
    },
    "en": {
        "title": "Digital training offer",
        "slug": "training",
        "summary": (
            "Courses of the Digital Transformation Academy and ENAP to build the "
            "digital skills of the public service."
        ),
    },
}

COURSES = [
    (
        "culture-numerique-essentiels",
        "digital-culture-essentials",
        ACADEMY,
        ["culture-numerique"],
        "introduction",
        "self_paced",
        "all_staff",
        "fr_en",
        "2",
        "0",
        True,
        ("Les essentiels de la culture numérique", "Digital culture essentials"),
        (
            "Comprendre ce que la transformation numérique change dans le travail de chaque employé de l’État.",
            "Understand what the digital transformation changes in the work of every public servant.",
        ),
        [
            (
                "Reconnaître les principes de la transformation numérique",
                "Recognize the principles of the digital transformation",
            ),
            (
                "Situer son rôle dans la Stratégie",
                "Place your own role in the Strategy",
            ),
        ],
    ),
    (
        "travailler-en-mode-numerique",
        "working-the-digital-way",
        ACADEMY,
        ["culture-numerique"],
        "introduction",
        "virtual",
        "all_staff",
        "fr",
        "3",
        "0",
        True,
        (
            "Travailler en mode numérique au quotidien",
            "Working the digital way, every day",
        ),
        (
            "Outils collaboratifs, documents partagés et bonnes pratiques pour une équipe numérique.",
            "Collaborative tools, shared documents and good practices for a digital team.",
        ),
        [
            (
                "Choisir le bon outil de collaboration",
                "Choose the right collaboration tool",
            ),
            (
                "Organiser le travail partagé d’une équipe",
                "Organize a team’s shared work",
            ),
        ],
    ),
    (
        "leadership-transformation-numerique",
        "leading-digital-transformation",
        ENAP,
        ["culture-numerique"],
        "advanced",
        "in_person",
        "executives",
        "fr",
        "14",
        "650",
        True,
        ("Diriger la transformation numérique", "Leading the digital transformation"),
        (
            "Un séminaire de deux jours pour les cadres supérieurs qui pilotent la transformation de leur organisation.",
            "A two-day seminar for senior executives who steer the transformation of their organization.",
        ),
        [
            (
                "Définir une vision numérique pour son organisation",
                "Set a digital vision for your organization",
            ),
            (
                "Mobiliser les équipes autour du changement",
                "Rally teams around the change",
            ),
        ],
    ),
    (
        "gouvernance-numerique-cadres",
        "digital-governance-for-managers",
        ENAP,
        ["culture-numerique", "donnees"],
        "intermediate",
        "hybrid",
        "managers",
        "fr",
        "7",
        "350",
        True,
        (
            "Gouvernance numérique pour les gestionnaires",
            "Digital governance for managers",
        ),
        (
            "Les rôles, les instances et les règles qui encadrent les projets numériques de l’État.",
            "The roles, bodies and rules that frame the government’s digital projects.",
        ),
        [
            (
                "Connaître le cadre de gouvernance des ressources informationnelles",
                "Know the governance framework of information resources",
            ),
            (
                "Arrimer un projet au plan de transformation",
                "Align a project with the transformation plan",
            ),
        ],
    ),
    (
        "plan-transformation-organisationnel",
        "organizational-transformation-plan",
        ENAP,
        ["culture-numerique"],
        "intermediate",
        "virtual",
        "managers",
        "fr",
        "4",
        "200",
        False,
        (
            "Préparer le plan de transformation numérique de son organisation",
            "Preparing your organization’s digital transformation plan",
        ),
        (
            "Une démarche en étapes pour bâtir un plan réaliste, mesurable et aligné sur la Stratégie.",
            "A step-by-step approach to a realistic, measurable plan aligned with the Strategy.",
        ),
        [
            ("Diagnostiquer la maturité numérique", "Assess digital maturity"),
            ("Fixer des cibles et des indicateurs", "Set targets and indicators"),
        ],
    ),
    (
        "recherche-utilisateur-introduction",
        "user-research-introduction",
        ACADEMY,
        ["recherche-utilisateur"],
        "introduction",
        "virtual",
        "all_staff",
        "fr",
        "3",
        "0",
        True,
        ("Introduction à la recherche utilisateur", "Introduction to user research"),
        (
            "Pourquoi et comment écouter les citoyennes et citoyens avant de concevoir un service.",
            "Why and how to listen to citizens before designing a service.",
        ),
        [
            (
                "Comprendre la valeur de la recherche utilisateur",
                "Understand the value of user research",
            ),
            ("Préparer une première entrevue", "Prepare a first interview"),
        ],
    ),
    (
        "tests-utilisabilite",
        "usability-testing",
        ACADEMY,
        ["recherche-utilisateur", "accessibilite"],
        "intermediate",
        "in_person",
        "specialists",
        "fr",
        "7",
        "0",
        True,
        ("Mener des tests d’utilisabilité", "Running usability tests"),
        (
            "Planifier, animer et analyser des tests avec de vrais utilisateurs d’un service public.",
            "Plan, run and analyse tests with real users of a public service.",
        ),
        [
            ("Rédiger un scénario de test", "Write a test script"),
            (
                "Tirer des constats et les prioriser",
                "Draw findings and prioritize them",
            ),
        ],
    ),
    (
        "conception-centree-utilisateur",
        "user-centred-design",
        ACADEMY,
        ["recherche-utilisateur"],
        "intermediate",
        "hybrid",
        "specialists",
        "fr_en",
        "14",
        "0",
        True,
        (
            "Conception de services centrée sur l’utilisateur",
            "User-centred service design",
        ),
        (
            "De la compréhension des besoins au prototype : concevoir des services simples et efficaces.",
            "From understanding needs to a prototype: design simple, effective services.",
        ),
        [
            ("Cartographier le parcours d’un citoyen", "Map a citizen’s journey"),
            ("Prototyper et itérer rapidement", "Prototype and iterate quickly"),
        ],
    ),
    (
        "agilite-fondements",
        "agile-foundations",
        ACADEMY,
        ["agilite"],
        "introduction",
        "self_paced",
        "all_staff",
        "fr_en",
        "2.5",
        "0",
        True,
        ("Les fondements de l’agilité", "Agile foundations"),
        (
            "Les valeurs, les principes et le vocabulaire de l’agilité appliqués au secteur public.",
            "The values, principles and vocabulary of agile, applied to the public sector.",
        ),
        [
            ("Expliquer les valeurs agiles", "Explain agile values"),
            ("Reconnaître une équipe agile", "Recognize an agile team"),
        ],
    ),
    (
        "scrum-en-pratique",
        "scrum-in-practice",
        ACADEMY,
        ["agilite"],
        "intermediate",
        "virtual",
        "specialists",
        "fr",
        "7",
        "0",
        True,
        ("Scrum en pratique", "Scrum in practice"),
        (
            "Les rôles, les événements et les artefacts de Scrum, exercés sur un cas gouvernemental.",
            "Scrum roles, events and artefacts, practised on a government case.",
        ),
        [
            ("Animer les événements Scrum", "Run the Scrum events"),
            ("Gérer un carnet de produit", "Manage a product backlog"),
        ],
    ),
    (
        "gestion-produit-numerique",
        "digital-product-management",
        ACADEMY,
        ["agilite", "recherche-utilisateur"],
        "advanced",
        "hybrid",
        "specialists",
        "fr",
        "21",
        "0",
        True,
        ("Gestion de produit numérique", "Digital product management"),
        (
            "Piloter un service numérique comme un produit : valeur, priorités, mesures.",
            "Run a digital service as a product: value, priorities, measures.",
        ),
        [
            (
                "Définir la valeur d’un produit public",
                "Define the value of a public product",
            ),
            ("Prioriser à partir des données d’usage", "Prioritize from usage data"),
        ],
    ),
    (
        "gerer-equipe-agile",
        "managing-agile-teams",
        ENAP,
        ["agilite"],
        "intermediate",
        "virtual",
        "managers",
        "fr",
        "3.5",
        "150",
        False,
        ("Gérer une équipe agile", "Managing an agile team"),
        (
            "Le rôle du gestionnaire quand ses équipes travaillent en mode agile.",
            "The manager’s role when teams work the agile way.",
        ),
        [
            ("Soutenir l’autonomie des équipes", "Support team autonomy"),
            (
                "Suivre l’avancement sans microgestion",
                "Follow progress without micromanaging",
            ),
        ],
    ),
    (
        "litteratie-donnees",
        "data-literacy",
        ACADEMY,
        ["donnees"],
        "introduction",
        "self_paced",
        "all_staff",
        "fr_en",
        "2",
        "0",
        True,
        ("Littératie des données", "Data literacy"),
        (
            "Lire, comprendre et questionner les données utilisées dans les décisions publiques.",
            "Read, understand and question the data used in public decisions.",
        ),
        [
            ("Lire un graphique sans se tromper", "Read a chart correctly"),
            ("Repérer une donnée douteuse", "Spot questionable data"),
        ],
    ),
    (
        "donnees-ouvertes-publier",
        "publishing-open-data",
        ACADEMY,
        ["donnees"],
        "intermediate",
        "virtual",
        "specialists",
        "fr",
        "3",
        "0",
        True,
        ("Publier des données ouvertes", "Publishing open data"),
        (
            "Préparer, documenter et publier un jeu de données sur Données Québec.",
            "Prepare, document and publish a dataset on Données Québec.",
        ),
        [
            (
                "Choisir une licence et un format ouverts",
                "Choose an open licence and format",
            ),
            ("Documenter un jeu de données", "Document a dataset"),
        ],
    ),
    (
        "analyse-donnees-decision",
        "data-analysis-for-decisions",
        ACADEMY,
        ["donnees"],
        "intermediate",
        "hybrid",
        "specialists",
        "fr",
        "14",
        "0",
        True,
        (
            "Analyse de données pour la prise de décision",
            "Data analysis for decision-making",
        ),
        (
            "Des données brutes aux constats : méthodes d’analyse et visualisation.",
            "From raw data to findings: analysis methods and visualization.",
        ),
        [
            ("Nettoyer et préparer des données", "Clean and prepare data"),
            ("Présenter des résultats clairs", "Present clear results"),
        ],
    ),
    (
        "gouvernance-donnees-cadres",
        "data-governance-for-executives",
        ENAP,
        ["donnees"],
        "advanced",
        "in_person",
        "executives",
        "fr",
        "7",
        "400",
        True,
        ("Gouvernance des données pour les cadres", "Data governance for executives"),
        (
            "Valoriser l’information gouvernementale tout en protégeant les renseignements personnels.",
            "Make the most of government information while protecting personal information.",
        ),
        [
            (
                "Établir les responsabilités sur les données",
                "Set responsibilities for data",
            ),
            ("Concilier partage et protection", "Balance sharing and protection"),
        ],
    ),
    (
        "cybersecurite-sensibilisation",
        "cybersecurity-awareness",
        ACADEMY,
        ["cybersecurite"],
        "introduction",
        "self_paced",
        "all_staff",
        "fr_en",
        "1",
        "0",
        True,
        ("Sensibilisation à la cybersécurité", "Cybersecurity awareness"),
        (
            "La formation de base sur l’utilisation sécuritaire des outils numériques de l’État.",
            "The basic training on using the government’s digital tools safely.",
        ),
        [
            ("Reconnaître l’hameçonnage", "Recognize phishing"),
            (
                "Protéger ses mots de passe et ses appareils",
                "Protect your passwords and devices",
            ),
        ],
    ),
    (
        "securite-developpement",
        "secure-development",
        ACADEMY,
        ["cybersecurite"],
        "advanced",
        "virtual",
        "specialists",
        "fr",
        "14",
        "0",
        True,
        (
            "Développement sécuritaire des applications",
            "Secure application development",
        ),
        (
            "Intégrer la sécurité à chaque étape du développement d’un service numérique.",
            "Build security into every step of developing a digital service.",
        ),
        [
            ("Appliquer les recommandations OWASP", "Apply the OWASP recommendations"),
            ("Mener une revue de sécurité", "Run a security review"),
        ],
    ),
    (
        "gestion-incidents-securite",
        "security-incident-management",
        ACADEMY,
        ["cybersecurite"],
        "advanced",
        "in_person",
        "specialists",
        "fr",
        "21",
        "0",
        True,
        ("Gestion des incidents de sécurité", "Security incident management"),
        (
            "Détecter, contenir et documenter un incident de sécurité de l’information.",
            "Detect, contain and document an information security incident.",
        ),
        [
            (
                "Suivre un plan de réponse aux incidents",
                "Follow an incident response plan",
            ),
            ("Communiquer pendant une crise", "Communicate during a crisis"),
        ],
    ),
    (
        "cybersecurite-gestionnaires",
        "cybersecurity-for-managers",
        ENAP,
        ["cybersecurite"],
        "intermediate",
        "virtual",
        "managers",
        "fr",
        "3",
        "150",
        False,
        ("La cybersécurité pour les gestionnaires", "Cybersecurity for managers"),
        (
            "Les risques, les obligations et les décisions qui reviennent aux gestionnaires.",
            "The risks, obligations and decisions that fall to managers.",
        ),
        [
            ("Évaluer les risques de son secteur", "Assess the risks in your area"),
            ("Connaître ses obligations", "Know your obligations"),
        ],
    ),
    (
        "infonuagique-introduction",
        "cloud-introduction",
        ACADEMY,
        ["infonuagique"],
        "introduction",
        "self_paced",
        "all_staff",
        "fr_en",
        "2",
        "0",
        True,
        ("Introduction à l’infonuagique", "Introduction to cloud computing"),
        (
            "Ce qu’est l’infonuagique et pourquoi l’État l’adopte, en termes simples.",
            "What cloud computing is and why the government adopts it, in plain terms.",
        ),
        [
            (
                "Distinguer les modèles de services infonuagiques",
                "Tell cloud service models apart",
            ),
            (
                "Comprendre l’orientation gouvernementale",
                "Understand the government’s direction",
            ),
        ],
    ),
    (
        "architecture-infonuagique",
        "cloud-architecture",
        ACADEMY,
        ["infonuagique", "cybersecurite"],
        "advanced",
        "virtual",
        "specialists",
        "fr",
        "21",
        "0",
        True,
        ("Architecture infonuagique", "Cloud architecture"),
        (
            "Concevoir des solutions infonuagiques sûres, résilientes et économiques.",
            "Design cloud solutions that are safe, resilient and economical.",
        ),
        [
            ("Choisir une architecture adaptée", "Choose a suitable architecture"),
            ("Maîtriser les coûts", "Keep costs under control"),
        ],
    ),
    (
        "migration-infonuage",
        "moving-to-the-cloud",
        ACADEMY,
        ["infonuagique"],
        "intermediate",
        "hybrid",
        "specialists",
        "fr",
        "7",
        "0",
        True,
        ("Migrer des systèmes vers l’infonuage", "Moving systems to the cloud"),
        (
            "Planifier et réussir la migration d’applications existantes.",
            "Plan and carry out the migration of existing applications.",
        ),
        [
            ("Évaluer les applications à migrer", "Assess which applications to move"),
            ("Planifier une migration par étapes", "Plan a staged migration"),
        ],
    ),
    (
        "ia-comprendre",
        "understanding-ai",
        ACADEMY,
        ["intelligence-artificielle"],
        "introduction",
        "self_paced",
        "all_staff",
        "fr_en",
        "2",
        "0",
        True,
        (
            "Comprendre l’intelligence artificielle",
            "Understanding artificial intelligence",
        ),
        (
            "Les notions de base de l’IA, ses possibilités et ses limites dans l’administration publique.",
            "The basics of AI, what it can and cannot do in public administration.",
        ),
        [
            ("Expliquer ce qu’est un modèle d’IA", "Explain what an AI model is"),
            ("Reconnaître les limites de l’IA", "Recognize the limits of AI"),
        ],
    ),
    (
        "ia-responsable",
        "responsible-ai",
        ENAP,
        ["intelligence-artificielle"],
        "intermediate",
        "virtual",
        "managers",
        "fr",
        "3.5",
        "200",
        True,
        ("Utilisation responsable de l’IA", "Responsible use of AI"),
        (
            "Éthique, transparence et encadrement des projets d’intelligence artificielle.",
            "Ethics, transparency and oversight of artificial intelligence projects.",
        ),
        [
            (
                "Évaluer les risques éthiques d’un projet",
                "Assess a project’s ethical risks",
            ),
            (
                "Appliquer les principes d’une IA responsable",
                "Apply responsible AI principles",
            ),
        ],
    ),
    (
        "ia-generative-travail",
        "generative-ai-at-work",
        ACADEMY,
        ["intelligence-artificielle"],
        "introduction",
        "virtual",
        "all_staff",
        "fr",
        "3",
        "0",
        False,
        ("L’IA générative au travail", "Generative AI at work"),
        (
            "Utiliser les outils d’IA générative de façon utile et sécuritaire.",
            "Use generative AI tools in useful and safe ways.",
        ),
        [
            ("Rédiger des requêtes efficaces", "Write effective prompts"),
            (
                "Protéger l’information confidentielle",
                "Protect confidential information",
            ),
        ],
    ),
    (
        "accessibilite-fondements",
        "accessibility-foundations",
        ACADEMY,
        ["accessibilite"],
        "introduction",
        "self_paced",
        "all_staff",
        "fr_en",
        "2",
        "0",
        True,
        (
            "Les fondements de l’accessibilité numérique",
            "Digital accessibility foundations",
        ),
        (
            "Pourquoi et comment rendre les services numériques accessibles à toutes et tous.",
            "Why and how to make digital services accessible to everyone.",
        ),
        [
            (
                "Comprendre les besoins des personnes handicapées",
                "Understand the needs of people with disabilities",
            ),
            (
                "Connaître le standard sur l’accessibilité",
                "Know the accessibility standard",
            ),
        ],
    ),
    (
        "accessibilite-web-wcag",
        "web-accessibility-wcag",
        ACADEMY,
        ["accessibilite"],
        "intermediate",
        "virtual",
        "specialists",
        "fr",
        "7",
        "0",
        True,
        ("Accessibilité Web : appliquer les WCAG", "Web accessibility: applying WCAG"),
        (
            "Concevoir et vérifier des pages conformes aux règles d’accessibilité.",
            "Design and check pages that meet accessibility rules.",
        ),
        [
            ("Appliquer les critères WCAG 2.2", "Apply the WCAG 2.2 criteria"),
            ("Tester avec un lecteur d’écran", "Test with a screen reader"),
        ],
    ),
    (
        "documents-accessibles",
        "accessible-documents",
        ACADEMY,
        ["accessibilite"],
        "introduction",
        "virtual",
        "all_staff",
        "fr",
        "2.5",
        "0",
        False,
        ("Produire des documents accessibles", "Producing accessible documents"),
        (
            "Des documents Word et PDF que tout le monde peut lire.",
            "Word and PDF documents that everyone can read.",
        ),
        [
            (
                "Structurer un document avec des styles",
                "Structure a document with styles",
            ),
            ("Vérifier l’accessibilité d’un PDF", "Check a PDF for accessibility"),
        ],
    ),
    (
        "innovation-ouverte-secteur-public",
        "open-innovation-public-sector",
        ENAP,
        ["culture-numerique", "donnees"],
        "intermediate",
        "in_person",
        "managers",
        "fr",
        "7",
        "300",
        True,
        (
            "Innovation ouverte dans le secteur public",
            "Open innovation in the public sector",
        ),
        (
            "Hackathons, appels à projets, cellules d’innovation : faire émerger des idées avec d’autres.",
            "Hackathons, calls for projects, innovation cells: bring out ideas with others.",
        ),
        [
            (
                "Choisir une démarche d’innovation ouverte",
                "Choose an open innovation approach",
            ),
            ("Passer de l’idée au projet pilote", "Move from idea to pilot project"),
        ],
    ),
]

PREREQUISITES = {
    "introduction": None,
    "intermediate": (
        "Avoir suivi une formation d’introduction sur le même thème, ou une expérience équivalente.",
        "An introductory course on the same theme, or equivalent experience.",
    ),
    "advanced": (
        "Une expérience pratique du thème dans un projet de l’État.",
        "Hands-on experience of the theme in a government project.",
    ),
}

COMPETENCIES = {
    "culture-numerique": (
        "Culture numérique et gestion du changement",
        "Digital culture and change management",
    ),
    "recherche-utilisateur": (
        "Approche centrée sur l’utilisateur",
        "User-centred approach",
    ),
    "agilite": ("Méthodes agiles", "Agile methods"),
    "donnees": ("Exploitation et gouvernance des données", "Data use and governance"),
    "cybersecurite": ("Sécurité de l’information", "Information security"),
    "infonuagique": ("Infonuagique", "Cloud computing"),
    "intelligence-artificielle": (
        "Intelligence artificielle",
        "Artificial intelligence",
    ),
    "accessibilite": ("Accessibilité numérique", "Digital accessibility"),
}

PLACES = {
    ACADEMY: "Université Laval, pavillon Desjardins, Québec",
    ENAP: "ENAP, 4750, avenue Henri-Julien, Montréal",
}

LEARNING_PATHS = [
    {
        "fr": {
            "title": "Gestionnaire en transformation numérique",
            "slug": "gestionnaire-en-transformation-numerique",
            "summary": "Le parcours des gestionnaires qui mènent la transformation numérique de leur équipe.",
            "goal": "Outiller les gestionnaires pour planifier, gouverner et accompagner la transformation numérique de leur organisation.",
        },
        "en": {
            "title": "Digital transformation manager",
            "slug": "digital-transformation-manager",
            "summary": "The path for managers who lead the digital transformation of their team.",
            "goal": "Equip managers to plan, govern and support the digital transformation of their organization.",
        },
        "audience": "managers",
        "courses": [
            "culture-numerique-essentiels",
            "gouvernance-numerique-cadres",
            "plan-transformation-organisationnel",
            "gerer-equipe-agile",
            "cybersecurite-gestionnaires",
            "ia-responsable",
        ],
    },
    {
        "fr": {
            "title": "Concevoir des services centrés sur les citoyens",
            "slug": "concevoir-des-services-centres-sur-les-citoyens",
            "summary": "Le parcours des spécialistes qui conçoivent des services publics numériques simples et accessibles.",
            "goal": "Concevoir, tester et améliorer des services numériques simples, accessibles et sécuritaires.",
        },
        "en": {
            "title": "Designing citizen-centred services",
            "slug": "designing-citizen-centred-services",
            "summary": "The path for specialists who design simple, accessible digital public services.",
            "goal": "Design, test and improve digital services that are simple, accessible and secure.",
        },
        "audience": "specialists",
        "courses": [
            "recherche-utilisateur-introduction",
            "conception-centree-utilisateur",
            "tests-utilisabilite",
            "accessibilite-web-wcag",
            "scrum-en-pratique",
            "gestion-produit-numerique",
        ],
    },
]

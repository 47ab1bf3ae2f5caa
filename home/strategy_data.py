"""The strategy itself, from ../shared/seeds (French) with a reviewed English version.

Used by `seed_demo`. Each measure: number, axis slug, lead organization slug, titles,
and the seed's paragraphs in both languages (same count, same order).
"""

ORGANIZATIONS = [
    {
        "slug": "sct",
        "acronym": "SCT",
        "website": "https://www.tresor.gouv.qc.ca/",
        "fr": "Secrétariat du Conseil du trésor",
        "en": "Treasury Board Secretariat",
    },
    {
        "slug": "cqen",
        "acronym": "CQEN",
        "website": "https://www.quebec.ca/gouvernement/ministeres-organismes/secretariat-conseil-tresor",
        "fr": "Centre québécois d’excellence numérique",
        "en": "Québec Centre of Digital Excellence",
    },
    {
        "slug": "itq",
        "acronym": "ITQ",
        "website": "https://www.quebec.ca/",
        "fr": "Infrastructures technologiques Québec",
        "en": "Infrastructures technologiques Québec",
    },
    {
        "slug": "atn-ulaval",
        "acronym": "ATN",
        "website": "https://www.ulaval.ca/",
        "fr": "Académie de la transformation numérique de l’Université Laval",
        "en": "Digital Transformation Academy, Université Laval",
    },
    {
        "slug": "enap",
        "acronym": "ENAP",
        "website": "https://enap.ca/",
        "fr": "École nationale d’administration publique",
        "en": "École nationale d’administration publique",
    },
]

# The six axes, in the order the seed presents them.
AXES = [
    {"slug": "gouvernance", "fr": "Gouvernance numérique", "en": "Digital governance"},
    {
        "slug": "culture-competences",
        "fr": "Culture et compétences numériques",
        "en": "Digital culture and skills",
    },
    {"slug": "innovation", "fr": "Innovation numérique", "en": "Digital innovation"},
    {"slug": "ecosysteme", "fr": "Écosystème numérique", "en": "Digital ecosystem"},
    {
        "slug": "architecture-securite",
        "fr": "Architecture, gestion et sécurité de l’information",
        "en": "Information architecture, management and security",
    },
    {"slug": "performance", "fr": "Performance numérique", "en": "Digital performance"},
]

# Topics people look content up by (training, projects, consultations).
TOPICS = [
    {"slug": "culture-numerique", "fr": "Culture numérique", "en": "Digital culture"},
    {
        "slug": "recherche-utilisateur",
        "fr": "Recherche utilisateur",
        "en": "User research",
    },
    {"slug": "agilite", "fr": "Agilité", "en": "Agile"},
    {"slug": "donnees", "fr": "Données", "en": "Data"},
    {"slug": "cybersecurite", "fr": "Cybersécurité", "en": "Cybersecurity"},
    {"slug": "infonuagique", "fr": "Infonuagique", "en": "Cloud"},
    {
        "slug": "intelligence-artificielle",
        "fr": "Intelligence artificielle",
        "en": "Artificial intelligence",
    },
    {"slug": "accessibilite", "fr": "Accessibilité", "en": "Accessibility"},
]

STRATEGY = {
    "fr": {
        "title": "Stratégie de transformation numérique",
        "slug": "strategie",
        "summary": (
            "Les mesures phares de la Stratégie de transformation numérique "
            "gouvernementale, regroupées par axe."
        ),
        "intro": [
            "En plus des mesures clés présentées, plusieurs initiatives en cours "
            "continueront d’appuyer la transformation numérique gouvernementale : créer "
            "Infrastructures technologiques Québec, mettre en place une équipe de "
            "cybersécurité au Secrétariat du Conseil du trésor, soutenir le développement "
            "de l’Académie de la transformation numérique de l’Université Laval, tenir de "
            "nouvelles présentations de l’Événement public numériQc, soutenir des idées "
            "novatrices sous forme de cellules d’innovation et lancer le plan d’action "
            "bisannuel en gouvernement ouvert.",
        ],
    },
    "en": {
        "title": "Digital transformation strategy",
        "slug": "strategy",
        "summary": (
            "The key measures of the government's digital transformation strategy, "
            "grouped by axis."
        ),
        "intro": [
            "Beyond the key measures presented here, several initiatives under way will "
            "keep supporting the government's digital transformation: creating "
            "Infrastructures technologiques Québec, setting up a cybersecurity team at the "
            "Treasury Board Secretariat, supporting the development of Université Laval's "
            "Digital Transformation Academy, holding new editions of the numériQc public "
            "event, supporting innovative ideas through innovation cells and launching the "
            "two-year open government action plan.",
        ],
    },
}

HOME = {
    "fr": {
        "title": "numériQc",
        "summary": (
            "La plateforme publique de la transformation numérique gouvernementale : "
            "réalisations, consultations, formation et progrès mesurés."
        ),
    },
    "en": {
        "title": "numériQc",
        "summary": (
            "The public platform of the government's digital transformation: "
            "achievements, consultations, training and measured progress."
        ),
    },
}

MEASURES = [
    {
        "number": 1,
        "axis": "gouvernance",
        "organization": "sct",
        "fr": {
            "title": "Moderniser le cadre légal pour soutenir la transformation numérique",
            "slug": "moderniser-le-cadre-legal",
            "paragraphs": [
                "Les besoins et les attentes de la population envers les services numériques "
                "gouvernementaux sont grandissants. Des lois et des règlements devront évoluer "
                "pour que les citoyennes et citoyens aient accès à l’information les "
                "concernant de manière proactive, sans avoir à la communiquer plusieurs fois. "
                "Le dépôt du projet de loi favorisant la transformation numérique de "
                "l’administration publique s’avère un premier pas en ce sens.",
                "D’autres chantiers seront mis en branle, dont la modernisation de la Loi sur "
                "l’accès aux documents des organismes publics et sur la protection des "
                "renseignements personnels. L’administration publique continuera d’assurer le "
                "respect de la vie privée et la protection des renseignements personnels dans "
                "l’espace numérique de la population. La détermination des enjeux et des "
                "leviers potentiels permettra aussi d’accroître la diffusion de données "
                "ouvertes et de simplifier les procédures administratives.",
            ],
        },
        "en": {
            "title": "Modernize the legal framework to support the digital transformation",
            "slug": "modernize-the-legal-framework",
            "paragraphs": [
                "The population's needs and expectations of government digital services are "
                "growing. Laws and regulations will have to change so that citizens have "
                "proactive access to information about them, without having to provide it "
                "several times. Tabling the bill promoting the digital transformation of the "
                "public administration is a first step in that direction.",
                "Other projects will be launched, including the modernization of the Act "
                "respecting access to documents held by public bodies and the protection of "
                "personal information. The public administration will keep ensuring respect "
                "for privacy and the protection of personal information in the population's "
                "digital space. Identifying the issues and possible levers will also increase "
                "the release of open data and simplify administrative procedures.",
            ],
        },
    },
    {
        "number": 2,
        "axis": "culture-competences",
        "organization": "sct",
        "fr": {
            "title": "Publier le standard des pratiques numériques",
            "slug": "publier-le-standard-des-pratiques-numeriques",
            "paragraphs": [
                "Un premier standard doit être défini pour amener des changements importants "
                "aux façons de faire de l’administration publique, lesquelles contribuent à "
                "l’intégration de la culture numérique dans l’ADN des organisations publiques "
                "et à une plus grande cohérence dans l’élaboration de solutions numériques.",
                "Il permettra le déploiement de produits alignés sur des pratiques numériques "
                "reconnues ainsi que le recueil, l’exploitation et le partage de l’information "
                "de gestion. La version bêta du standard sera expérimentée par les "
                "organisations, puis améliorée avant d’être publiée officiellement.",
            ],
        },
        "en": {
            "title": "Publish the standard of digital practices",
            "slug": "publish-the-standard-of-digital-practices",
            "paragraphs": [
                "A first standard must be defined to bring significant changes to the way the "
                "public administration works, helping to build digital culture into the DNA "
                "of public organizations and to make the design of digital solutions more "
                "consistent.",
                "It will allow products aligned with recognized digital practices to be "
                "deployed, and management information to be collected, used and shared. The "
                "beta version of the standard will be tried by organizations, then improved "
                "before its official publication.",
            ],
        },
    },
    {
        "number": 3,
        "axis": "culture-competences",
        "organization": "cqen",
        "fr": {
            "title": "Lancer l’offre de service d’accompagnement numérique",
            "slug": "lancer-l-offre-d-accompagnement-numerique",
            "paragraphs": [
                "Le Centre québécois d’excellence numérique (CQEN), une entité administrative "
                "consacrée à la transformation numérique gouvernementale au sein du "
                "Secrétariat du Conseil du trésor, dévoilera son offre de service "
                "d’accompagnement des organisations publiques.",
                "Cette dernière mettra à profit tout le savoir-faire du CQEN, au bénéfice de "
                "la communauté gouvernementale, afin de permettre l’émergence d’une culture "
                "numérique et de faciliter la création ainsi que l’utilisation de services "
                "publics numériques. Le CQEN appuiera notamment les organisations publiques "
                "dans la préparation et la mise en œuvre de leur plan de transformation "
                "numérique respectif.",
            ],
        },
        "en": {
            "title": "Launch the digital support service offer",
            "slug": "launch-the-digital-support-offer",
            "paragraphs": [
                "The Québec Centre of Digital Excellence (CQEN), an administrative unit of the "
                "Treasury Board Secretariat dedicated to the government's digital "
                "transformation, will unveil its offer of support for public organizations.",
                "It will put all of the CQEN's know-how to work for the government community, "
                "so that a digital culture can emerge and digital public services are easier "
                "to create and to use. In particular, the CQEN will support public "
                "organizations as they prepare and carry out their own digital transformation "
                "plans.",
            ],
        },
    },
    {
        "number": 4,
        "axis": "culture-competences",
        "organization": "atn-ulaval",
        "fr": {
            "title": "Lancer une première offre de formation sur le numérique",
            "slug": "lancer-une-premiere-offre-de-formation",
            "paragraphs": [
                "Dès l’automne, l’Académie de la transformation numérique de l’Université "
                "Laval offrira des formations adaptées aux besoins de la fonction publique "
                "pour permettre le développement des compétences internes et soutenir la "
                "transformation numérique gouvernementale.",
                "L’École nationale d’administration publique s’assurera également de la "
                "formation des cadres en gouvernance numérique pour les outiller dans cette "
                "transformation. Forte de la variété de contenus et de parcours de formation, "
                "cette offre est le moyen privilégié pour instaurer une culture d’innovation "
                "et du numérique par l’application des apprentissages dans le quotidien.",
            ],
        },
        "en": {
            "title": "Launch a first digital training offer",
            "slug": "launch-a-first-digital-training-offer",
            "paragraphs": [
                "Starting this fall, Université Laval's Digital Transformation Academy will "
                "offer training suited to the needs of the public service, to develop "
                "in-house skills and support the government's digital transformation.",
                "The École nationale d'administration publique will also train managers in "
                "digital governance to equip them for this transformation. With its variety "
                "of content and learning paths, this offer is the preferred way to build a "
                "culture of innovation and digital by applying what is learned in everyday "
                "work.",
            ],
        },
    },
    {
        "number": 5,
        "axis": "innovation",
        "organization": "cqen",
        "fr": {
            "title": "Faciliter l’accès à un laboratoire d’essai des services publics",
            "slug": "laboratoire-d-essai-des-services-publics",
            "paragraphs": [
                "L’accès à un laboratoire d’essai (prototypage) des services publics offre "
                "l’occasion aux organisations publiques de vérifier l’adéquation de leurs "
                "services avec les besoins de la population et d’évaluer leur simplicité "
                "d’utilisation.",
                "Cet accès visera à faciliter le recrutement de citoyennes et citoyens, à "
                "rendre disponible une expertise spécialisée en recherche utilisateur et à "
                "stimuler le partage des connaissances acquises lors des activités du "
                "laboratoire.",
            ],
        },
        "en": {
            "title": "Make a public-service testing lab easy to access",
            "slug": "public-service-testing-lab",
            "paragraphs": [
                "Access to a testing (prototyping) lab for public services gives public "
                "organizations the chance to check that their services meet the population's "
                "needs and to assess how simple they are to use.",
                "This access will make it easier to recruit citizens, provide specialized "
                "user-research expertise and encourage the sharing of what is learned during "
                "the lab's activities.",
            ],
        },
    },
    {
        "number": 6,
        "axis": "innovation",
        "organization": "sct",
        "fr": {
            "title": "Adopter la stratégie d’introduction à l’intelligence artificielle",
            "slug": "strategie-intelligence-artificielle",
            "paragraphs": [
                "Les organisations s’intéressent aux possibilités et aux enjeux qu’amène "
                "l’intelligence artificielle dans un contexte gouvernemental.",
                "La stratégie placera les bases nécessaires à la compréhension des concepts "
                "et des technologies associées. Elle en soutiendra l’utilisation et en "
                "balisera l’usage auprès des organisations publiques.",
            ],
        },
        "en": {
            "title": "Adopt the strategy for introducing artificial intelligence",
            "slug": "artificial-intelligence-strategy",
            "paragraphs": [
                "Organizations are interested in the possibilities and the issues that "
                "artificial intelligence brings in a government context.",
                "The strategy will lay the foundations needed to understand the concepts and "
                "the technologies involved. It will support their use and set guidelines for "
                "it across public organizations.",
            ],
        },
    },
    {
        "number": 7,
        "axis": "innovation",
        "organization": "cqen",
        "fr": {
            "title": "Lancer une plateforme de notification par courriel et par message texte",
            "slug": "plateforme-de-notification",
            "paragraphs": [
                "Les organisations pourront joindre plus facilement les citoyennes et "
                "citoyens par des communications numériques. La notification par courriel ou "
                "par message texte assurera que des rappels seront envoyés automatiquement au "
                "bon moment.",
                "Un renouvellement à effectuer, une facture à acquitter ou un rendez-vous à "
                "venir sont des exemples où la notification peut s’avérer judicieuse. À "
                "terme, des propositions de services complémentaires seront présentées de "
                "façon concertée aux citoyennes et citoyens, en fonction du consentement "
                "donné.",
            ],
        },
        "en": {
            "title": "Launch an email and text message notification platform",
            "slug": "notification-platform",
            "paragraphs": [
                "Organizations will reach citizens more easily through digital "
                "communications. Notification by email or text message will ensure that "
                "reminders are sent automatically at the right moment.",
                "A renewal to complete, an invoice to pay or an upcoming appointment are "
                "examples where a notification can be helpful. In time, complementary "
                "services will be proposed to citizens in a coordinated way, according to "
                "the consent they have given.",
            ],
        },
    },
    {
        "number": 8,
        "axis": "ecosysteme",
        "organization": "sct",
        "fr": {
            "title": "Lancer la Vitrine numériQc, un carrefour de partage d’expériences numériques",
            "slug": "vitrine-numeriqc",
            "paragraphs": [
                "La Vitrine est un espace collaboratif qui vise à informer et à inspirer les "
                "organisations publiques et la population concernant la transformation "
                "numérique.",
                "Elle mettra en valeur les réalisations numériques, présentera l’état "
                "d’avancement de la transformation et sollicitera la consultation des "
                "prochaines actions à mettre en œuvre. Elle deviendra l’espace complètement "
                "consacré à la transformation numérique gouvernementale.",
            ],
        },
        "en": {
            "title": "Launch the numériQc Showcase, a hub for sharing digital experiences",
            "slug": "vitrine-numeriqc",
            "paragraphs": [
                "The Showcase is a collaborative space that aims to inform and inspire public "
                "organizations and the population about the digital transformation.",
                "It will showcase digital achievements, present the progress of the "
                "transformation and ask for input on the next actions to carry out. It will "
                "become the space entirely devoted to the government's digital "
                "transformation.",
            ],
        },
    },
    {
        "number": 9,
        "axis": "ecosysteme",
        "organization": "cqen",
        "fr": {
            "title": "Lancer un outil de rétroaction et de commentaires pour les services publics",
            "slug": "outil-de-retroaction",
            "paragraphs": [
                "Cet outil, mis à la disposition des organisations publiques, permettra aux "
                "citoyennes et citoyens de se prononcer sur la satisfaction des services "
                "reçus. Ces derniers pourront écrire des commentaires et suggérer des pistes "
                "d’amélioration constructives.",
                "Afin de maximiser l’expérience vécue par les utilisateurs, les organisations "
                "auront accès aux commentaires pour bonifier et améliorer en continu leurs "
                "services numériques.",
            ],
        },
        "en": {
            "title": "Launch a feedback and comment tool for public services",
            "slug": "feedback-tool",
            "paragraphs": [
                "This tool, made available to public organizations, will let citizens say "
                "how satisfied they are with the services they received. They will be able "
                "to write comments and suggest constructive improvements.",
                "To make the most of people's experience, organizations will have access to "
                "the comments to enhance and continuously improve their digital services.",
            ],
        },
    },
    {
        "number": 10,
        "axis": "ecosysteme",
        "organization": "sct",
        "fr": {
            "title": "Lancer une plateforme gouvernementale de consultation publique",
            "slug": "plateforme-de-consultation-publique",
            "paragraphs": [
                "Les consultations publiques offriront une option numérique par "
                "l’intermédiaire d’une plateforme commune et accessible à l’ensemble des "
                "organisations publiques.",
                "Prenant appui sur la consultation publique menée pour la présente stratégie, "
                "cette plateforme permettra des fonctionnalités de sondage, de consultation, "
                "de test et d’analyse sur des sujets d’intérêt pour la société québécoise. "
                "Les choix de mise en œuvre ou d’amélioration de programmes et de politiques "
                "pourront aussi s’appuyer sur l’information recueillie.",
            ],
        },
        "en": {
            "title": "Launch a government public consultation platform",
            "slug": "public-consultation-platform",
            "paragraphs": [
                "Public consultations will offer a digital option through a common platform "
                "accessible to every public organization.",
                "Building on the public consultation held for this strategy, the platform "
                "will provide survey, consultation, testing and analysis features on "
                "subjects of interest to Québec society. Decisions to implement or improve "
                "programs and policies will also be able to rely on the information "
                "collected.",
            ],
        },
    },
    {
        "number": 11,
        "axis": "architecture-securite",
        "organization": "sct",
        "fr": {
            "title": "Offrir de l’encadrement supplémentaire en cybersécurité",
            "slug": "encadrement-en-cybersecurite",
            "paragraphs": [
                "Toutes les organisations publiques font face à des menaces croissantes en "
                "matière de protection des informations qu’elles détiennent. La sécurité de "
                "ces informations est la responsabilité de tous les employés et employées de "
                "l’administration publique.",
                "Ces derniers suivront des lignes directrices afin que se déploient les "
                "habitudes, les réflexes et les moyens pour réagir devant ces menaces ou pour "
                "les contrer. À titre d’exemple, une formation obligatoire quant à "
                "l’utilisation sécuritaire des outils technologiques pourrait être suivie par "
                "le personnel, tout comme des formations continues pour rehausser l’expertise "
                "des spécialistes en cybersécurité.",
            ],
        },
        "en": {
            "title": "Provide additional cybersecurity guidance",
            "slug": "cybersecurity-guidance",
            "paragraphs": [
                "Every public organization faces growing threats to the protection of the "
                "information it holds. The security of this information is the "
                "responsibility of every employee of the public administration.",
                "Employees will follow guidelines so that the habits, reflexes and means to "
                "respond to or counter these threats take hold. For example, staff could take "
                "mandatory training on the safe use of technology tools, and cybersecurity "
                "specialists continuing training to raise their expertise.",
            ],
        },
    },
    {
        "number": 12,
        "axis": "architecture-securite",
        "organization": "itq",
        "fr": {
            "title": "Lancer le programme d’adoption de l’infonuagique",
            "slug": "programme-d-adoption-de-l-infonuagique",
            "paragraphs": [
                "Le virage vers l’infonuagique publique implique un changement important dans "
                "plusieurs secteurs des organisations. Que ce soit notamment dans les clauses "
                "contractuelles, dans la planification budgétaire ou dans le contrôle de la "
                "consommation, des expertises sont à construire.",
                "Les organisations auront accès, notamment, à de l’accompagnement, à de "
                "l’expertise de pointe, à du matériel d’encadrement couvrant les meilleures "
                "pratiques et à des guides pour la réalisation d’initiatives infonuagiques.",
            ],
        },
        "en": {
            "title": "Launch the cloud adoption program",
            "slug": "cloud-adoption-program",
            "paragraphs": [
                "The move to the public cloud means a significant change in several areas of "
                "organizations. Whether in contract clauses, budget planning or consumption "
                "control, expertise has to be built.",
                "Organizations will have access to support, leading-edge expertise, guidance "
                "material covering best practices and guides for carrying out cloud "
                "initiatives, among other things.",
            ],
        },
    },
    {
        "number": 13,
        "axis": "architecture-securite",
        "organization": "itq",
        "fr": {
            "title": "Lancer une plateforme sécurisée pour l’échange des données",
            "slug": "plateforme-d-echange-des-donnees",
            "paragraphs": [
                "La mise en place d’une fondation facilitant le partage d’information "
                "sécuritaire et fiable entre les organisations publiques s’avère "
                "incontournable. Cette plateforme soutiendra le déploiement d’un nombre "
                "croissant de services, accélérant ainsi la transformation numérique.",
                "Elle assurera la mobilité des données et l’interopérabilité des échanges "
                "avec les systèmes patrimoniaux. Les prestataires de services pourront "
                "établir un nouveau dialogue entre la population, les partenaires, les "
                "fournisseurs et les organisations publiques.",
            ],
        },
        "en": {
            "title": "Launch a secure data exchange platform",
            "slug": "data-exchange-platform",
            "paragraphs": [
                "Putting in place a foundation for secure and reliable information sharing "
                "between public organizations is essential. This platform will support the "
                "deployment of a growing number of services, speeding up the digital "
                "transformation.",
                "It will ensure data mobility and the interoperability of exchanges with "
                "legacy systems. Service providers will be able to open a new dialogue "
                "between the population, partners, suppliers and public organizations.",
            ],
        },
    },
    {
        "number": 14,
        "axis": "architecture-securite",
        "organization": "sct",
        "fr": {
            "title": "Réaliser l’architecture de l’information gouvernementale",
            "slug": "architecture-de-l-information",
            "paragraphs": [
                "L’information constitue une ressource essentielle qui doit être protégée de "
                "façon continue. Cependant, les éléments d’information qu’une organisation "
                "détient n’ont pas tous la même valeur et ne nécessitent pas le même niveau "
                "de protection.",
                "L’administration publique se dotera d’une vue globale de l’information "
                "gouvernementale qu’elle détient afin de permettre une meilleure circulation "
                "et une protection plus adéquate.",
            ],
        },
        "en": {
            "title": "Build the government information architecture",
            "slug": "information-architecture",
            "paragraphs": [
                "Information is an essential resource that must be protected continuously. "
                "However, the pieces of information an organization holds do not all have "
                "the same value and do not all need the same level of protection.",
                "The public administration will acquire an overall view of the government "
                "information it holds, so that it can flow better and be protected more "
                "appropriately.",
            ],
        },
    },
    {
        "number": 15,
        "axis": "performance",
        "organization": "sct",
        "fr": {
            "title": "Lancer le Baromètre numériQc",
            "slug": "barometre-numeriqc",
            "paragraphs": [
                "Le Baromètre est un outil simple et visuel qui permettra de partager les "
                "avancées de la transformation numérique publiquement.",
                "Il illustrera la progression de la transformation numérique de "
                "l’administration publique en fonction des cibles fixées par la Stratégie.",
            ],
        },
        "en": {
            "title": "Launch the numériQc Barometer",
            "slug": "barometre-numeriqc",
            "paragraphs": [
                "The Barometer is a simple, visual tool for sharing the progress of the "
                "digital transformation publicly.",
                "It will show how the public administration's digital transformation is "
                "progressing against the targets set by the Strategy.",
            ],
        },
    },
    {
        "number": 16,
        "axis": "performance",
        "organization": "sct",
        "fr": {
            "title": "Élaborer un cadre de gestion des bénéfices",
            "slug": "cadre-de-gestion-des-benefices",
            "paragraphs": [
                "Les initiatives de transformation numérique devraient permettre aux "
                "organisations publiques de dégager un certain nombre de bénéfices. Ceux-ci "
                "doivent pouvoir être estimés, mesurés et réinjectés dans la transformation "
                "numérique, au profit de la population et de l’efficience de "
                "l’administration publique.",
                "Des mécanismes d’encadrement et des outils réutilisables seront élaborés "
                "pour soutenir la gestion des bénéfices.",
            ],
        },
        "en": {
            "title": "Develop a benefits management framework",
            "slug": "benefits-management-framework",
            "paragraphs": [
                "Digital transformation initiatives should allow public organizations to "
                "achieve a number of benefits. These must be estimated, measured and "
                "reinvested in the digital transformation, for the benefit of the population "
                "and the efficiency of the public administration.",
                "Governance mechanisms and reusable tools will be developed to support "
                "benefits management.",
            ],
        },
    },
]

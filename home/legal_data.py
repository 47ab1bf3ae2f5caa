"""Demo text of the privacy policy and the accessibility statement, from the
obligations they answer: the Act respecting access to documents held by public
bodies and the protection of personal information (CQLR c. A-2.1, as amended by
Law 25) and the government's web accessibility standard. Each entry is a heading
("h") or a paragraph ("p"), French then English."""

PRIVACY = {
    "fr": {
        "title": "Politique de confidentialité",
        "slug": "politique-de-confidentialite",
        "summary": (
            "Les renseignements personnels que numériQc recueille, pourquoi, combien "
            "de temps il les garde et comment exercer vos droits."
        ),
    },
    "en": {
        "title": "Privacy policy",
        "slug": "privacy-policy",
        "summary": (
            "The personal information numériQc collects, why, how long it keeps it "
            "and how to exercise your rights."
        ),
    },
    "body": [
        (
            "p",
            "numériQc est la plateforme publique de la stratégie de transformation "
            "numérique gouvernementale. Elle est exploitée par le Secrétariat du "
            "Conseil du trésor, organisme public assujetti à la Loi sur l'accès aux "
            "documents des organismes publics et sur la protection des "
            "renseignements personnels (RLRQ, c. A-2.1), telle que modifiée par la "
            "Loi 25.",
            "numériQc is the public platform of the government's digital "
            "transformation strategy. It is run by the Secrétariat du Conseil du "
            "trésor, a public body subject to the Act respecting access to documents "
            "held by public bodies and the protection of personal information (CQLR, "
            "c. A-2.1), as amended by Law 25.",
        ),
        ("h", "Ce que nous recueillons et pourquoi", "What we collect and why"),
        (
            "p",
            "Panel de test : votre prénom si vous le donnez, votre courriel ou votre "
            "numéro de mobile, votre région, votre tranche d'âge et vos outils, pour "
            "vous inviter à tester des services publics. Les chercheurs ne voient "
            "qu'un pseudonyme.",
            "Testing panel: your first name if you give it, your email or mobile "
            "number, your region, your age range and your tools, to invite you to "
            "test public services. Researchers see only a pseudonym.",
        ),
        (
            "p",
            "Notifications : votre courriel ou votre numéro de mobile, les sujets "
            "choisis et l'historique de chaque consentement donné ou retiré, avec le "
            "texte que vous avez accepté, pour vous écrire sur ces sujets seulement.",
            "Notifications: your email or mobile number, the topics you chose and the "
            "history of every consent given or withdrawn, with the wording you "
            "accepted, to write to you on those topics only.",
        ),
        (
            "p",
            "Consultations : vos réponses. Quand une consultation demande un courriel "
            "pour confirmer une réponse, nous ne gardons qu'une empreinte chiffrée de "
            "l'adresse, qui empêche de répondre deux fois. Les résultats publiés "
            "masquent toute catégorie de moins de 5 réponses.",
            "Consultations: your answers. When a consultation asks for an email to "
            "confirm an answer, we keep only a keyed fingerprint of the address, "
            "which prevents answering twice. Published results hide every category "
            "of fewer than 5 answers.",
        ),
        (
            "p",
            "Rétroaction sur les pages : votre note et votre commentaire. Les "
            "courriels, numéros de téléphone et numéros d'assurance sociale écrits "
            "dans un commentaire sont masqués avant d'être enregistrés.",
            "Page feedback: your rating and your comment. Email addresses, telephone "
            "numbers and social insurance numbers written in a comment are masked "
            "before it is stored.",
        ),
        (
            "p",
            "Le site n'utilise ni témoin publicitaire ni outil de mesure d'audience "
            "d'un tiers. Aucun renseignement n'est vendu ni communiqué hors du "
            "gouvernement du Québec.",
            "The site uses no advertising cookie and no third-party audience "
            "measurement tool. No information is sold or disclosed outside the "
            "Government of Québec.",
        ),
        ("h", "Combien de temps nous les gardons", "How long we keep them"),
        (
            "p",
            "Panel de test : trois ans au plus après votre inscription, puis "
            "suppression automatique. Notifications : votre adresse est effacée "
            "quand vous avez retiré tous vos consentements ; le texte des messages "
            "envoyés est effacé après la période de conservation. Consultations : "
            "les réponses personnelles sont supprimées à la fin de la période "
            "annoncée par chaque consultation. Rétroaction : les commentaires sont "
            "effacés après deux ans.",
            "Testing panel: three years at most after you signed up, then automatic "
            "deletion. Notifications: your address is erased once you have "
            "withdrawn every consent; the text of messages sent is erased after the "
            "retention period. Consultations: personal answers are deleted at the "
            "end of the period each consultation announces. Feedback: comments are "
            "erased after two years.",
        ),
        ("h", "Vos droits", "Your rights"),
        (
            "p",
            "Vous pouvez consulter, télécharger (dans un format structuré et "
            "couramment utilisé), faire corriger et faire supprimer les "
            "renseignements que nous détenons sur vous, et retirer un consentement "
            "à tout moment. La page « Mes données personnelles », au pied de chaque "
            "page, vous envoie un lien privé qui fait tout cela sans compte.",
            "You can see, download (in a structured, commonly used format), have "
            "corrected and have deleted the information we hold about you, and "
            "withdraw a consent at any time. The “My personal data” page, at the "
            "foot of every page, sends you a private link that does all of this "
            "without an account.",
        ),
        ("h", "Personne responsable", "Person in charge"),
        (
            "p",
            "La personne responsable de l'accès aux documents et de la protection "
            "des renseignements personnels du Secrétariat du Conseil du trésor "
            "répond à toute demande dans les 20 jours (30 jours au plus si un délai "
            "est nécessaire) : numeriqc@sct.gouv.qc.ca, 1 877 644-4545.",
            "The person in charge of access to documents and the protection of "
            "personal information at the Secrétariat du Conseil du trésor answers "
            "every request within 20 days (30 days at most if more time is needed): "
            "numeriqc@sct.gouv.qc.ca, 1 877 644-4545.",
        ),
        (
            "p",
            "Si vous n'êtes pas satisfait de la réponse, vous pouvez vous adresser à "
            "la Commission d'accès à l'information du Québec (cai.gouv.qc.ca).",
            "If you are not satisfied with the answer, you may apply to the "
            "Commission d'accès à l'information du Québec (cai.gouv.qc.ca).",
        ),
    ],
}

ACCESSIBILITY = {
    "fr": {
        "title": "Déclaration d'accessibilité",
        "slug": "declaration-d-accessibilite",
        "summary": (
            "Le niveau d'accessibilité visé par numériQc, comment il est vérifié, ses "
            "limites connues et comment obtenir de l'aide."
        ),
    },
    "en": {
        "title": "Accessibility statement",
        "slug": "accessibility-statement",
        "summary": (
            "The accessibility level numériQc aims for, how it is checked, its known "
            "limits and how to get help."
        ),
    },
    "body": [
        (
            "p",
            "numériQc vise la conformité au standard gouvernemental sur "
            "l'accessibilité du Web, qui s'appuie sur les Règles pour l'accessibilité "
            "des contenus Web (WCAG) 2.1, niveau AA, en français et en anglais.",
            "numériQc aims to conform to the government's web accessibility "
            "standard, based on the Web Content Accessibility Guidelines (WCAG) 2.1, "
            "level AA, in French and in English.",
        ),
        ("h", "Comment nous le vérifions", "How we check it"),
        (
            "p",
            "Chaque formulaire public est parcouru dans un vrai navigateur, à 320 et "
            "à 1280 pixels de large, au clavier, et analysé automatiquement à chaque "
            "modification. Les graphiques ont une version texte ou un tableau.",
            "Every public form is walked through in a real browser, 320 and 1280 "
            "pixels wide, with the keyboard, and analysed automatically at every "
            "change. Charts have a text or table version.",
        ),
        ("h", "Limites connues", "Known limits"),
        (
            "p",
            "Certains documents PDF fournis par des organismes partenaires peuvent "
            "ne pas être entièrement accessibles : demandez-en une version "
            "accessible, nous la fournissons sur demande.",
            "Some PDF documents provided by partner organizations may not be fully "
            "accessible: ask for an accessible version, we provide one on request.",
        ),
        (
            "h",
            "Obtenir de l'aide ou signaler un obstacle",
            "Get help or report a barrier",
        ),
        (
            "p",
            "Écrivez à numeriqc@sct.gouv.qc.ca ou appelez le 1 877 644-4545. Nous "
            "répondons dans les 10 jours ouvrables et vous proposons l'information "
            "sous une autre forme si nécessaire.",
            "Write to numeriqc@sct.gouv.qc.ca or call 1 877 644-4545. We answer "
            "within 10 working days and offer the information in another form if "
            "needed.",
        ),
    ],
}

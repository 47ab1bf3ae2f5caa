"""Demo content of the notification platform: an organization's appointment
reminder templates, in both languages, by email and by text message.

Called through the "numeriqc_seed_demo" hook; running it twice changes nothing.
"""

from wagtail.models import Locale

from home.models import Organization

from .models import MessageTemplate

TEMPLATES = {
    ("fr", "email"): (
        "Rappel : votre rendez-vous du ((date))",
        "Bonjour ((prenom)),\n\nNous vous rappelons votre rendez-vous du ((date)) "
        "à ((heure)).((lieu?? Lieu : ((lieu)).))\n\nPour le déplacer, répondez à ce "
        "courriel.",
    ),
    ("en", "email"): (
        "Reminder: your appointment on ((date))",
        "Hello ((prenom)),\n\nThis is a reminder of your appointment on ((date)) at "
        "((heure)).((lieu?? Place: ((lieu)).))\n\nTo move it, reply to this email.",
    ),
    ("fr", "sms"): (
        "",
        "Rappel : rendez-vous le ((date)) à ((heure)).((lieu?? ((lieu))))",
    ),
    ("en", "sms"): (
        "",
        "Reminder: appointment on ((date)) at ((heure)).((lieu?? ((lieu))))",
    ),
}
SAMPLE = {"prenom": "Marie", "date": "2 décembre", "heure": "10 h", "lieu": "Québec"}


def seed(stdout):
    organization = (
        Organization.objects.filter(locale=Locale.get_default()).order_by("pk").first()
    )
    if organization is None:
        return
    created = 0
    for (language, channel), (subject, body) in TEMPLATES.items():
        _template, new = MessageTemplate.objects.get_or_create(
            organization=organization,
            slug="rendez-vous",
            language=language,
            channel=channel,
            defaults={
                "subject": subject,
                "body": body,
                "sample_values": SAMPLE,
                "max_segments": 2,
            },
        )
        created += new
    stdout.write(f"notifications: {created} message templates for {organization}\n")

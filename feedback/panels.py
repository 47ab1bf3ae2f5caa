from django.apps import apps
from wagtail.admin.panels import FieldPanel, PageChooserPanel


class LazyPageChooserPanel(PageChooserPanel):
    """A page chooser limited to a page type of another part of the site.

    The type is resolved when the form is built, not at import: until that part
    exists (the Vitrine is built separately), any page may be chosen.
    """

    def get_form_options(self):
        try:
            apps.get_model(self.page_type)
        except (LookupError, ValueError):
            return FieldPanel.get_form_options(self)
        return super().get_form_options()

from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from .forms import OrganizationUserCreationForm, OrganizationUserEditForm


class UserViewSet(WagtailUserViewSet):
    def get_form_class(self, for_update=False):
        return OrganizationUserEditForm if for_update else OrganizationUserCreationForm

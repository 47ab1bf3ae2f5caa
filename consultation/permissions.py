"""Survey and response permissions narrowed to the user's organizations."""

from django.core.exceptions import PermissionDenied
from wagtail.permission_policies import ModelPermissionPolicy

from home.scoping import scope_queryset


class OrganizationScopedPolicy(ModelPermissionPolicy):
    def __init__(self, model, organization_path):
        super().__init__(model)
        self.organization_path = organization_path

    def scope(self, queryset, user):
        return scope_queryset(queryset, user, self.organization_path)

    def in_scope(self, user, instance):
        same_row = self.model._default_manager.filter(pk=instance.pk)
        return self.scope(same_row, user).exists()

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and self.in_scope(user, instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_any_permission(user, actions) and self.in_scope(
            user, instance
        )

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        return self.scope(self.model._default_manager.all(), user)


class ScopedObjectMixin:
    def get_object(self, queryset=None):
        instance = super().get_object(queryset)
        if not self.permission_policy.in_scope(self.request.user, instance):
            raise PermissionDenied
        return instance

"""The Django admin, for the partnership admin: every model, scoped to their own partnership."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import PermissionDenied
from django.db.models import ForeignKey, ManyToManyField, Model, QuerySet
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from . import models as m

# How each model reaches its partnership, for scoping.
PARTNERSHIP_PATH: dict[type[Model], str] = {
    m.Partnership: "pk",
    m.Agency: "partnership",
    m.Theme: "partnership",
    m.Review: "partnership",
    m.Plan: "partnership",
    m.Section: "plan__partnership",
    m.Recommendation: "plan__partnership",
    m.Action: "recommendation__plan__partnership",
    m.ProgressUpdate: "action__recommendation__plan__partnership",
    m.Evidence: "action__recommendation__plan__partnership",
    m.User: "partnership",
}


def staff(request: HttpRequest) -> m.User:
    """Who is using the admin. Django's admin site lets only signed-in staff in; anyone else
    reaching a page is refused rather than scoped to no partnership."""
    if not isinstance(request.user, m.User):
        raise PermissionDenied
    return request.user


def is_partnership_admin(request: HttpRequest) -> bool:
    user = request.user
    return user.is_active and user.is_staff and getattr(user, "is_partnership_admin", False)


def belongs(request: HttpRequest, obj: Model | None) -> bool:
    if obj is None or request.user.is_superuser:
        return True
    model = type(obj)
    path = PARTNERSHIP_PATH[model]
    return model._default_manager.filter(pk=obj.pk, **{path: staff(request).partnership_id}).exists()


# Fields that only change through plans.updates, where the rules (reasons, allowed transitions,
# who may) are checked: the admin shows them but cannot change them.
RULED_ACTION_FIELDS = [
    "status", "status_reason", "revised_due_date", "superseded_by", "assurance", "assurance_reason",
    "rag_override", "rag_override_reason",
]


def scoped_choices(related: Any, request: HttpRequest, kwargs: dict[str, Any]) -> None:
    """Choices of related rows are scoped too, so nothing of another partnership can be picked."""
    if not request.user.is_superuser and related in PARTNERSHIP_PATH:
        kwargs["queryset"] = related._default_manager.filter(
            **{PARTNERSHIP_PATH[related]: staff(request).partnership_id}
        )


class PartnershipScoped(admin.ModelAdmin):
    """Superusers see everything; a partnership admin sees and edits only their partnership."""

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        qs = super().get_queryset(request)
        if request.user.is_superuser:
            return qs
        return qs.filter(**{PARTNERSHIP_PATH[self.model]: staff(request).partnership_id})

    def formfield_for_foreignkey(
        self, db_field: ForeignKey[Any, Any], request: HttpRequest, **kwargs: Any
    ) -> forms.ModelChoiceField[Any] | None:
        scoped_choices(db_field.related_model, request, kwargs)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(
        self, db_field: ManyToManyField[Any, Any], request: HttpRequest, **kwargs: Any
    ) -> forms.ModelMultipleChoiceField[Any] | None:
        scoped_choices(db_field.related_model, request, kwargs)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def has_module_permission(self, request: HttpRequest) -> bool:
        return request.user.is_superuser or is_partnership_admin(request)

    def has_view_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        # The object is checked too: the history pages fetch rows outside get_queryset.
        return self.has_module_permission(request) and belongs(request, obj)

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return self.has_view_permission(request, obj)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return self.has_view_permission(request)

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return self.has_view_permission(request, obj)


@admin.register(m.Partnership)
class PartnershipAdmin(PartnershipScoped):
    list_display = ["name", "amber_within_days", "stale_after_days"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return request.user.is_superuser

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return request.user.is_superuser


@admin.register(m.Agency)
class AgencyAdmin(PartnershipScoped):
    list_display = ["name", "partnership"]
    search_fields = ["name"]


@admin.register(m.Theme)
class ThemeAdmin(PartnershipScoped):
    list_display = ["name", "partnership"]


@admin.register(m.Review)
class ReviewAdmin(PartnershipScoped):
    list_display = ["code", "kind", "title", "published_on"]
    list_filter = ["kind"]


@admin.register(m.Plan)
class PlanAdmin(PartnershipScoped):
    list_display = ["title", "kind", "as_at", "source_name"]
    list_filter = ["kind"]


@admin.register(m.Section)
class SectionAdmin(PartnershipScoped):
    list_display = ["name", "kind", "plan", "order"]


@admin.register(m.Recommendation)
class RecommendationAdmin(PartnershipScoped, SimpleHistoryAdmin):
    list_display = ["ref", "text", "plan", "section"]
    search_fields = ["text", "outcome"]
    raw_id_fields = ["linked_actions"]


@admin.register(m.Action)
class ActionAdmin(PartnershipScoped, SimpleHistoryAdmin):
    list_display = ["text", "owner", "due_text", "status", "assurance"]
    list_filter = ["status", "assurance"]
    search_fields = ["text", "owner_role"]
    raw_id_fields = ["recommendation"]
    readonly_fields = RULED_ACTION_FIELDS


@admin.register(m.ProgressUpdate)
class ProgressUpdateAdmin(PartnershipScoped, SimpleHistoryAdmin):
    list_display = ["written_on", "action", "status", "rag"]
    raw_id_fields = ["action"]
    readonly_fields = ["status", "rag"]  # what the action was when the update was posted


@admin.register(m.Evidence)
class EvidenceAdmin(PartnershipScoped, SimpleHistoryAdmin):
    list_display = ["description", "action", "decision", "submitted_at"]
    raw_id_fields = ["action"]
    readonly_fields = ["sha256", "decision", "decided_by", "decided_at", "decision_reason"]


@admin.register(m.User)
class PartnershipUserAdmin(PartnershipScoped, UserAdmin):
    list_display = ["username", "get_full_name", "role", "partnership", "is_active"]
    fieldsets = (
        *(UserAdmin.fieldsets or ()),
        ("Partnership", {"fields": ["partnership", "role", "agencies"]}),
    )

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        # Platform administrators are never managed from within a partnership.
        qs = super().get_queryset(request)
        return qs if request.user.is_superuser else qs.filter(is_superuser=False)

    def get_readonly_fields(self, request: HttpRequest, obj: Model | None = None) -> tuple[str, ...]:
        # A partnership admin manages people of their own partnership, never platform rights.
        if request.user.is_superuser:
            return ()
        return ("is_superuser", "groups", "user_permissions", "partnership", "last_login", "date_joined")

    def save_model(self, request: HttpRequest, obj: m.User, form: Any, change: bool) -> None:
        if not request.user.is_superuser:
            obj.partnership_id = staff(request).partnership_id
        super().save_model(request, obj, form, change)

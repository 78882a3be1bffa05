"""The Django admin, for the partnership admin: every model, scoped to their own partnership."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from . import models as m

# How each model reaches its partnership, for scoping.
PARTNERSHIP_PATH: dict[type, str] = {
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


def is_partnership_admin(request: HttpRequest) -> bool:
    user = request.user
    return user.is_active and user.is_staff and getattr(user, "is_partnership_admin", False)


def belongs(request: HttpRequest, obj: object) -> bool:
    if obj is None or request.user.is_superuser:
        return True
    model = type(obj)
    path = PARTNERSHIP_PATH[model]
    return model._default_manager.filter(pk=obj.pk, **{path: request.user.partnership_id}).exists()


# Fields that only change through plans.updates, where the rules (reasons, allowed transitions,
# who may) are checked: the admin shows them but cannot change them.
RULED_ACTION_FIELDS = [
    "status", "status_reason", "revised_due_date", "superseded_by", "assurance", "assurance_reason",
    "rag_override", "rag_override_reason",
]


class PartnershipScoped:
    """Superusers see everything; a partnership admin sees and edits only their partnership."""

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        qs = super().get_queryset(request)  # type: ignore[misc]
        if request.user.is_superuser:
            return qs
        return qs.filter(**{PARTNERSHIP_PATH[self.model]: request.user.partnership_id})

    def formfield_for_foreignkey(self, db_field, request, **kwargs):  # type: ignore[no-untyped-def]
        # Choices of related rows are scoped too, so nothing of another partnership can be picked.
        related = db_field.related_model
        if not request.user.is_superuser and related in PARTNERSHIP_PATH:
            kwargs["queryset"] = related._default_manager.filter(
                **{PARTNERSHIP_PATH[related]: request.user.partnership_id}
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)  # type: ignore[misc]

    def formfield_for_manytomany(self, db_field, request, **kwargs):  # type: ignore[no-untyped-def]
        related = db_field.related_model
        if not request.user.is_superuser and related in PARTNERSHIP_PATH:
            kwargs["queryset"] = related._default_manager.filter(
                **{PARTNERSHIP_PATH[related]: request.user.partnership_id}
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)  # type: ignore[misc]

    def has_module_permission(self, request: HttpRequest) -> bool:
        return request.user.is_superuser or is_partnership_admin(request)

    def has_view_permission(self, request: HttpRequest, obj=None) -> bool:  # type: ignore[no-untyped-def]
        # The object is checked too: the history pages fetch rows outside get_queryset.
        return self.has_module_permission(request) and belongs(request, obj)

    has_change_permission = has_view_permission
    has_add_permission = has_view_permission
    has_delete_permission = has_view_permission


@admin.register(m.Partnership)
class PartnershipAdmin(PartnershipScoped, admin.ModelAdmin):
    list_display = ["name", "amber_within_days", "stale_after_days"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return request.user.is_superuser

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return request.user.is_superuser


@admin.register(m.Agency)
class AgencyAdmin(PartnershipScoped, admin.ModelAdmin):
    list_display = ["name", "partnership"]
    search_fields = ["name"]


@admin.register(m.Theme)
class ThemeAdmin(PartnershipScoped, admin.ModelAdmin):
    list_display = ["name", "partnership"]


@admin.register(m.Review)
class ReviewAdmin(PartnershipScoped, admin.ModelAdmin):
    list_display = ["code", "kind", "title", "published_on"]
    list_filter = ["kind"]


@admin.register(m.Plan)
class PlanAdmin(PartnershipScoped, admin.ModelAdmin):
    list_display = ["title", "kind", "as_at", "source_name"]
    list_filter = ["kind"]


@admin.register(m.Section)
class SectionAdmin(PartnershipScoped, admin.ModelAdmin):
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
    fieldsets = (*UserAdmin.fieldsets, ("Partnership", {"fields": ["partnership", "role", "agencies"]}))

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        # Platform administrators are never managed from within a partnership.
        qs = super().get_queryset(request)
        return qs if request.user.is_superuser else qs.filter(is_superuser=False)

    def get_readonly_fields(self, request: HttpRequest, obj=None):  # type: ignore[no-untyped-def]
        # A partnership admin manages people of their own partnership, never platform rights.
        if request.user.is_superuser:
            return ()
        return ("is_superuser", "groups", "user_permissions", "partnership", "last_login", "date_joined")

    def save_model(self, request: HttpRequest, obj: m.User, form, change: bool) -> None:  # type: ignore[no-untyped-def]
        if not request.user.is_superuser:
            obj.partnership_id = request.user.partnership_id
        super().save_model(request, obj, form, change)

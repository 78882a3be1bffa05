"""The site administrator's view of reminders: settings and meetings to correct, notices to read."""

from __future__ import annotations

from django.contrib import admin

from .models import Meeting, Notice, ReminderSettings


@admin.register(ReminderSettings)
class ReminderSettingsAdmin(admin.ModelAdmin):
    list_display = ["partnership", "days_before_due", "not_updated_days", "papers_working_days"]


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["name", "partnership", "kind", "held_on", "papers_due"]
    list_filter = ["partnership", "kind"]


@admin.register(Notice)
class NoticeAdmin(admin.ModelAdmin):
    """What was sent to whom: a record, never edited by hand (that could send a notice twice)."""

    list_display = ["recipient", "kind", "concerns_date", "state", "sent_at", "attempts", "last_error"]
    list_filter = ["kind", "state"]
    search_fields = ["recipient__username", "key"]

    def has_add_permission(self, request: object) -> bool:
        return False

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False

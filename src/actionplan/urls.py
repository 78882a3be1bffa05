from django.conf import settings
from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "actionplan administration"
admin.site.site_title = "actionplan"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("actionplan.web.urls")),
]

if settings.OIDC_ENABLED:  # single sign-on, when configured (docs/deployment.md)
    urlpatterns.insert(1, path("oidc/", include("mozilla_django_oidc.urls")))

handler403 = "actionplan.web.views.error_pages.forbidden"
handler404 = "actionplan.web.views.error_pages.not_found"
handler500 = "actionplan.web.views.error_pages.server_error"

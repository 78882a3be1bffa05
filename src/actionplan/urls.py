from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "actionplan administration"
admin.site.site_title = "actionplan"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("actionplan.web.urls")),
]

handler403 = "actionplan.web.views.errors.forbidden"
handler404 = "actionplan.web.views.errors.not_found"
handler500 = "actionplan.web.views.errors.server_error"

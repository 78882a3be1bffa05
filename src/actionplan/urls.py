from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "actionplan administration"
admin.site.site_title = "actionplan"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("actionplan.web.urls")),
]

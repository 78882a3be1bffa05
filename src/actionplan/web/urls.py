from django.contrib.auth import views as auth_views
from django.urls import path

from .views import actions, assurance, composite, dashboard, downloads, imports, plans, reviews

urlpatterns = [
    path("sign-in/", auth_views.LoginView.as_view(template_name="web/sign_in.html"), name="login"),
    path("sign-out/", auth_views.LogoutView.as_view(), name="logout"),
    path("", dashboard.dashboard, name="dashboard"),
    path("actions/", actions.action_list, name="actions"),
    path("my-actions/", actions.my_actions, name="my_actions"),
    path("actions/<int:pk>/", actions.action_detail, name="action"),
    path("actions/<int:pk>/progress/", actions.post_progress, name="action_progress"),
    path("actions/<int:pk>/evidence/", actions.post_evidence, name="action_evidence"),
    path("actions/<int:pk>/assurance/", assurance.post_assurance, name="action_assurance"),
    path("actions/<int:pk>/rag/", assurance.post_rag_override, name="action_rag"),
    path(
        "actions/<int:pk>/evidence/<int:evidence_pk>/decision/",
        actions.decide_evidence,
        name="evidence_decision",
    ),
    path("actions/<int:pk>/evidence/<int:evidence_pk>/file/", actions.evidence_file, name="evidence_file"),
    path("plans/", plans.plan_list, name="plans"),
    path("plans/<int:pk>/", plans.plan_detail, name="plan"),
    path("reviews/", reviews.review_list, name="reviews"),
    path("reviews/<int:pk>/", reviews.review_detail, name="review"),
    path("composite/", composite.composite, name="composite"),
    path("import/", imports.upload, name="import_upload"),
    path("import/<str:token>/", imports.preview, name="import_preview"),
    path("report/", downloads.report, name="report"),
    path("updates/", downloads.give_back_updates, name="import_updates"),
]

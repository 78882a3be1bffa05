from django.contrib.auth import views as auth_views
from django.urls import path

from .views import (
    action_edits,
    actions,
    assurance,
    composite,
    dashboard,
    downloads,
    imports,
    plans,
    reviews,
    writing,
)

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
    path("actions/<int:pk>/edit/", action_edits.action_edit, name="action_edit"),
    path("actions/<int:pk>/reassign/", action_edits.action_reassign, name="action_reassign"),
    path("actions/<int:pk>/due/", action_edits.action_due, name="action_due"),
    path("plans/", plans.plan_list, name="plans"),
    path("plans/new/", writing.plan_new, name="plan_new"),
    path("plans/<int:pk>/edit/", writing.plan_edit, name="plan_edit"),
    path("plans/<int:pk>/close/", writing.plan_close, name="plan_close"),
    path("plans/<int:pk>/recommendations/new/", writing.recommendation_new, name="recommendation_new"),
    path("recommendations/<int:pk>/edit/", writing.recommendation_edit, name="recommendation_edit"),
    path(
        "recommendations/<int:pk>/progress/", writing.recommendation_progress, name="recommendation_progress"
    ),
    path("recommendations/<int:pk>/actions/new/", action_edits.action_new, name="action_new"),
    path("plans/<int:pk>/", plans.plan_detail, name="plan"),
    path("reviews/", reviews.review_list, name="reviews"),
    path("reviews/new/", writing.review_new, name="review_new"),
    path("reviews/<int:pk>/edit/", writing.review_edit, name="review_edit"),
    path("reviews/<int:pk>/", reviews.review_detail, name="review"),
    path("composite/", composite.composite, name="composite"),
    path("import/", imports.upload, name="import_upload"),
    path("import/<str:token>/", imports.preview, name="import_preview"),
    path("report/", downloads.report, name="report"),
    path("updates/", downloads.give_back_updates, name="import_updates"),
]

from collections.abc import Callable

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.urls import include, path

from renja.alur import views as renja_views


@login_not_required  # the container health check has no session
def healthz(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


def behind_login(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """Undo Django's @login_not_required on a view: LoginRequiredMiddleware redirects again.

    Django marks its password-reset views public. Reset by e-mail is not offered on a closed
    intranet (no mail is configured), so those pages sit behind login like everything else.
    """
    view.login_required = True  # type: ignore[attr-defined]
    return view


# django.contrib.auth.urls, with the password-reset pages kept behind login.
auth_urls = [
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password_change/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path(
        "password_change/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path(
        "password_reset/",
        behind_login(auth_views.PasswordResetView.as_view()),
        name="password_reset",
    ),
    path(
        "password_reset/done/",
        behind_login(auth_views.PasswordResetDoneView.as_view()),
        name="password_reset_done",
    ),
    path(
        "reset/<uidb64>/<token>/",
        behind_login(auth_views.PasswordResetConfirmView.as_view()),
        name="password_reset_confirm",
    ),
    path(
        "reset/done/",
        behind_login(auth_views.PasswordResetCompleteView.as_view()),
        name="password_reset_complete",
    ),
]


urlpatterns = [
    path("", renja_views.beranda, name="beranda"),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/", include(auth_urls)),
    path("admin/", admin.site.urls),
    path("evaluasi/", include("evaluasi.urls")),
    path("dokumen/", include("dokumen.urls")),
    # The planners' screens, one URL module per area (issue 5).
    path("alur/", include("renja.alur.urls")),
    path("isian/", include("renja.isian.urls")),
    path("renstra/", include("renja.renstra.urls")),
    path("unggah/", include("renja.unggah.urls")),
    path("perubahan/", include("evaluasi.urls_perubahan")),
    path("kepegawaian/", include("kepegawaian.urls")),
    path("healthz", healthz, name="healthz"),
]

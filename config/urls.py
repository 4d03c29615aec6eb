from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.urls import include, path

from renja.alur import views as renja_views


def healthz(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path("", renja_views.beranda, name="beranda"),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/", include("django.contrib.auth.urls")),
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

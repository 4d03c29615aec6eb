"""Login required everywhere (contract §6): Django's LoginRequiredMiddleware, one login page.

Views reachable without a session are marked ``@login_not_required``: the login page
(Django marks LoginView), ``/healthz`` (config/urls.py) and the admin's own login form.
Static files never reach the middleware (WhiteNoise answers first).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.auth import middleware


class LoginRequiredMiddleware(middleware.LoginRequiredMiddleware):
    """Django's middleware, sending every anonymous visitor to the one login page.

    Django's sends the admin's views to the admin's own login form (their ``login_url``);
    here ``/admin/`` leads to ``/accounts/login/?next=/admin/`` like every other page.
    """

    def get_login_url(self, view_func: Callable[..., Any]) -> str:
        return str(settings.LOGIN_URL)

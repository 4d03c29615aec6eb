"""Thin views. The planning screens arrive with the forms issue."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from renja import selectors


@login_required
def beranda(request: HttpRequest) -> HttpResponse:
    renja_list = selectors.renja_terlihat(user=request.user)
    return render(request, "renja/beranda.html", {"renja_list": renja_list})

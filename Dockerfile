# Production image: gunicorn (web), Celery worker and beat share it.
FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_DISABLE_PIP_VERSION_CHECK=1
# WeasyPrint needs Pango and HarfBuzz from the system.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY pyproject.toml README.md ./
RUN pip install --no-cache-dir .
COPY . .
# Collected as production runs (DEBUG=0): the manifest storage writes staticfiles.json, which
# every page needs to resolve {% static %}. The key is for this build step only; the running
# container must be given its own SECRET_KEY.
RUN DEBUG=0 SECRET_KEY=collectstatic-build-step-only-not-a-runtime-secret \
    python manage.py collectstatic --noinput -v0
RUN useradd --system --home /app sakip && mkdir -p /app/var && chown -R sakip /app/var
USER sakip
EXPOSE 8000
CMD ["gunicorn", "config.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--timeout", "120"]

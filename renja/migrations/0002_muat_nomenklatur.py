"""Load the national nomenclature (Kepmendagri 900.1.15.5-1317/2023, 9,439 rows).

Every installation needs it before the first import: it decides whether a code
is official or a local entry. Bulk insert takes about a second.
"""

from django.db import migrations


def muat(apps, schema_editor):
    from renja.services import nomenklatur_muat

    nomenklatur_muat(model=apps.get_model("renja", "Nomenklatur"))


def hapus(apps, schema_editor):
    apps.get_model("renja", "Nomenklatur").objects.filter(pemda__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("renja", "0001_initial")]

    operations = [migrations.RunPython(muat, hapus, elidable=False)]

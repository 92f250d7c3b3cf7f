from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChecklistsConfig(AppConfig):
    name = "checklists"
    verbose_name = _("Checklists and catalogues")

    def ready(self) -> None:
        from . import signals

        signals.connect()

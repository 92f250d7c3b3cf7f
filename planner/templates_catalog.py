"""Plan templates shipped with the project, as plan files."""

from pathlib import Path

TEMPLATE_DIR = Path(__file__).resolve().parent / "plan_templates"

"""The plan file (format ``social-media-strategy-plan``, version 1): the exchange format, and the
in-memory shape every check, score, snapshot and report reads.

``parse_document`` validates a file's bytes into a :class:`PlanDocument` (or raises
:class:`PlanFileError`, one line per problem with its JSON path), ``plan_import`` writes it as a
new plan in one transaction, ``plan_to_document`` turns a plan back into the document.
"""

from planner.limits import MAX_BYTES

from .exporting import document_dumps, plan_to_document, prefetched_plan_to_document
from .importing import link_in_order, plan_import
from .reading import PlanFileError, parse_document, read_upload
from .schema import FORMAT, VERSION, PlanDocument

__all__ = [
    "FORMAT",
    "MAX_BYTES",
    "VERSION",
    "PlanDocument",
    "PlanFileError",
    "document_dumps",
    "link_in_order",
    "parse_document",
    "plan_import",
    "plan_to_document",
    "prefetched_plan_to_document",
    "read_upload",
]

from datetime import timedelta

from django.core.management.base import BaseCommand

from reports.services import report_fail_lost_renders, report_requeue_stale


class Command(BaseCommand):
    help = (
        'Queue again the reports that sit in "queued" longer than REPORT_STALE_QUEUED_SECONDS '
        '(their message was lost, e.g. Redis restarted), and fail the ones still "rendering" past '
        "the hard time limit (no process renders them any more). Celery beat runs the same sweep "
        "every REPORT_SWEEP_SECONDS."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than", type=int, default=None, metavar="SECONDS", help="default: REPORT_STALE_QUEUED_SECONDS"
        )

    def handle(self, older_than: int | None, **options):
        requeued = report_requeue_stale(older_than=timedelta(seconds=older_than) if older_than is not None else None)
        self.stdout.write(f"{len(requeued)} report(s) queued again" + (f": {requeued}" if requeued else ""))
        failed = report_fail_lost_renders()
        self.stdout.write(f"{len(failed)} lost render(s) failed" + (f": {failed}" if failed else ""))

"""What a plan may hold: the limits of the plan file format (``shared/plan-format/README.md``).

The models' validators, the wizard's forms and the plan file's schema all read these, so a
plan saved in the wizard always exports to a file that imports again, and every number fits
the column that stores it.
"""

import datetime as dt

# The file
MAX_BYTES = 2 * 1024 * 1024  # 2 MB

# Texts (in characters)
MAX_TITLE = 200  # plan.title, 1 to 200
MAX_ORGANIZATION_NAME = 200  # plan.organization: Organization.name is a 200-character column
MAX_TEXT = 20_000  # every other string

# Lists
MAX_LIST = 500  # entries of one list
MAX_ENTRIES = 5_000  # entries of all lists of a plan together (goals, kpis, strengths, formats, ...)

# Numbers
MAX_ROLE_HOURS = 80  # a role's hours_per_week, 0..80
MAX_STAFF_HOURS = 10_000  # resources.staff_hours_per_week, 0..10,000
MAX_MONEY_EUR = 1_000_000_000  # resources.paid_media_budget_eur and tools_budget_eur, 0..1e9
MAX_KPI_VALUE = 10**12  # a KPI's baseline and target, -1e12..1e12
MAX_POSTS_PER_WEEK = 100  # a channel's posts_per_week, 0..100
MIN_PRIORITY, MAX_PRIORITY = 1, 5  # a goal's or target group's priority
MAX_PHASE = 9  # a channel's or milestone's phase, 0..9
MIN_HORIZON_MONTHS, MAX_HORIZON_MONTHS = 1, 60
MIN_REVIEW_CADENCE_MONTHS, MAX_REVIEW_CADENCE_MONTHS = 1, 24
MAX_TECHNOGRAPHIC_SHARE = 100  # a target group's share on a rung of the technographics ladder, in %

# Dates
MIN_DATE = dt.date(1900, 1, 1)
MAX_DATE = dt.date(2199, 12, 31)

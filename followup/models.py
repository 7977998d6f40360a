"""The followup app's models, defined by subdomain: the activity log and annual reviews."""

from followup.activities.models import Activity, PlannedActivity
from followup.reviews.models import (
    FROZEN_STATES,
    Assessment,
    Review,
    ReviewEvent,
    ReviewFrozenError,
    ReviewItem,
    ReviewSignOff,
    ReviewState,
)

__all__ = [
    "FROZEN_STATES",
    "Activity",
    "Assessment",
    "PlannedActivity",
    "Review",
    "ReviewEvent",
    "ReviewFrozenError",
    "ReviewItem",
    "ReviewSignOff",
    "ReviewState",
]

"""Django finds each app's admin here: the activity log's and the annual review's."""

from followup.activities import admin as activities_admin
from followup.reviews import admin as reviews_admin

__all__ = ["activities_admin", "reviews_admin"]

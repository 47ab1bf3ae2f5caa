"""Values the survey's forms post for answers that are not rows of the database:
the "other" choice and yes/no. The forms post them and services store them."""

OTHER = "other"
YES, NO = "yes", "no"

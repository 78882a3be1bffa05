"""Learning across reviews: search, themes and recommendations that recur from review to review."""

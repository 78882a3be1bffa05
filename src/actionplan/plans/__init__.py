"""Plans: the partnership's data (reviews, plans, recommendations, actions) and the rules on it."""

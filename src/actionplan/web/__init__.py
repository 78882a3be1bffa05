"""The web application: pages for every role of the partnership."""

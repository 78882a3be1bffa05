"""Pages. Views fetch within the partnership, check the role, call the rules in actionplan.plans
and hand the result to a template. Nothing here decides a status or a colour."""

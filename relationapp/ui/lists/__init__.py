"""Big lists: the lazy table model (ids + row cache), small row models, the filterable list view."""

"""Leads, humanely: where good customers come from, qualification (BANT), and nurturing instead of the bin."""

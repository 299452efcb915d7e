"""Who is who: gazetteer of states, places, people and organisations, and party resolution."""

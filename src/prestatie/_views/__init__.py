"""What a budget shows people: summaries, differences, progress, and budget tables."""

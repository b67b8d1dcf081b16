"""The budget workbook: its schema, its cells, and how it is read, built, written and reported."""
